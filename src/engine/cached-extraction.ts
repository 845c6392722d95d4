// Extraction with the per-file cache in front: only files whose content changed are parsed.
import type { SourceFile } from '../core/types.js';
import type { Extractor } from '../extract/types.js';
import { cacheKey, codeFingerprint, openCache, type ExtractionCache } from './cache.js';
import { cacheDirFor, CODE_PATHS } from './code-identity.js';
import type { FileExtraction } from './extract-file.js';
import { extractAll, type ExtractAllOptions } from './extract-pool.js';
import { TOOL_VERSION } from './version.js';

export function cacheFor(options: { root: string; cache?: boolean | { dir: string } }, extractors: readonly Extractor[]): ExtractionCache | undefined {
  if (!options.cache) return undefined;
  const dir = cacheDirFor(options.root, options.cache);
  return openCache(dir, cacheKey(TOOL_VERSION, extractors.map((x) => x.id), codeFingerprint(CODE_PATHS)));
}

export async function extractWithCache(
  files: readonly SourceFile[], options: ExtractAllOptions, cache: ExtractionCache | undefined,
): Promise<FileExtraction[]> {
  if (!cache || options.customExtractors) return extractAll(files, options);
  const results: (FileExtraction | undefined)[] = files.map((f) => cache.get(f));
  const missing = results.flatMap((r, i) => (r ? [] : [i]));
  const fresh = await extractAll(missing.map((i) => files[i]!), {
    ...options,
    onProgress: (done) => options.onProgress?.(files.length - missing.length + done),
  });
  missing.forEach((fileIndex, k) => { results[fileIndex] = fresh[k]; });
  const complete = results as FileExtraction[];
  if (missing.length > 0 || cache.hits !== files.length) cache.save(files.map((file, i) => ({ file, result: complete[i]! })));
  options.onProgress?.(files.length);
  return complete;
}

