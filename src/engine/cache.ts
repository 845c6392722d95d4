// Per-file extraction results, keyed by path + content hash, valid for one tool version and one
// extractor set. A cache that is corrupted, foreign or from another version is ignored and rebuilt.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SourceFile } from '../core/types.js';
import type { FileExtraction } from './extract-file.js';

const FORMAT = 1;
const FILE_NAME = 'extraction-cache.json';

interface CacheDocument {
  format: number;
  key: string;
  files: Record<string, { hash: string; result: FileExtraction }>;
}

export interface ExtractionCache {
  dir: string;
  /** The stored result for this file when its content is unchanged. */
  get(file: SourceFile): FileExtraction | undefined;
  /** Replaces the stored entries with these (files no longer present are dropped). */
  save(entries: { file: SourceFile; result: FileExtraction }[]): void;
  hits: number;
}

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/**
 * Where a scan of `root` keeps its cache: `<root>/node_modules/.cache/backend-review` when the tree
 * has a node_modules directory (the convention of JS tooling), else a per-tree directory under the
 * user's cache directory, so that nothing is added to a tree that has none.
 */
export function defaultCacheDir(root: string): string {
  const abs = resolve(root);
  if (existsSync(join(abs, 'node_modules'))) return join(abs, 'node_modules', '.cache', 'backend-review');
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'backend-review', createHash('sha1').update(abs).digest('hex').slice(0, 16));
}

export function openCache(dir: string, key: string): ExtractionCache {
  const path = join(dir, FILE_NAME);
  let stored: CacheDocument['files'] = {};
  try {
    const doc = JSON.parse(readFileSync(path, 'utf8')) as Partial<CacheDocument>;
    if (doc && doc.format === FORMAT && doc.key === key && doc.files && typeof doc.files === 'object') stored = doc.files;
  } catch {
    stored = {}; // missing or corrupted: rebuilt on save
  }
  const cache: ExtractionCache = {
    dir,
    hits: 0,
    get(file) {
      const entry = Object.prototype.hasOwnProperty.call(stored, file.path) ? stored[file.path] : undefined;
      if (!entry || entry.hash !== contentHash(file.text) || !entry.result || !Array.isArray(entry.result.facts)) return undefined;
      cache.hits++;
      return entry.result;
    },
    save(entries) {
      const files: CacheDocument['files'] = {};
      for (const { file, result } of entries) files[file.path] = { hash: contentHash(file.text), result };
      const doc: CacheDocument = { format: FORMAT, key, files };
      try {
        mkdirSync(dir, { recursive: true });
        const tmp = `${path}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify(doc));
        renameSync(tmp, path);
      } catch {
        // A cache that cannot be written only costs speed next time.
      }
    },
  };
  return cache;
}

/**
 * Identity of the code that produced cached results: names, sizes and modification times of the
 * extractor and parser modules, so a rebuilt tool never trusts results of its previous build.
 */
export function codeFingerprint(dirs: readonly string[]): string {
  const hash = createHash('sha1');
  const visit = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of entries) {
      const path = join(dir, name);
      const info = statSync(path);
      if (info.isDirectory()) {
        if (name !== 'valid' && name !== 'invalid') visit(path); // rule fixture cases are not code
      }
      else if (/\.(js|ts|wasm)$/.test(name)) hash.update(`${path}\u0000${info.size}\u0000${info.mtimeMs}\n`);
    }
  };
  for (const dir of dirs) visit(dir);
  return hash.digest('hex');
}

/** The cache key: tool version, the extractors that produced the results, and the build of their code. */
export function cacheKey(toolVersion: string, extractorIds: readonly string[], fingerprint: string): string {
  return createHash('sha1').update(`${toolVersion}\u0000${[...extractorIds].sort().join(',')}\u0000${fingerprint}`).digest('hex');
}
