// Scaling out over a CI matrix: `--shard i/n` parses and extracts one deterministic share of the
// files and writes the per-file results; `merge` reads every shard's results and runs discovery,
// model and rules once, so the merged output is exactly the unsharded one.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { SourceFile } from '../core/types.js';
import { discover } from '../discover/discover.js';
import { contentHash, type ExtractionCache } from './cache.js';
import type { FileExtraction } from './extract-file.js';
import { TOOL_VERSION } from './version.js';

export const SHARD_FORMAT = 'backend-review-shard/1';

export interface ShardDocument {
  format: typeof SHARD_FORMAT;
  tool: { name: 'backend-review'; version: string };
  shard: { index: number; count: number };
  files: Record<string, { hash: string; result: FileExtraction }>;
}

/** 'i/n' with 1 <= i <= n -> { index: i, count: n }, or an error message. */
export function parseShard(text: string): { index: number; count: number } | string {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return `--shard must look like i/n (for example 2/4), got "${text}"`;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) return `--shard ${text}: i must be from 1 to n`;
  return { index, count };
}

/** The 1-based shard a file belongs to: a hash of its path, so adding a file moves no other. */
export function shardOf(path: string, count: number): number {
  return (createHash('sha1').update(path).digest().readUInt32BE(0) % count) + 1;
}

export function filesOfShard<T extends { path: string }>(files: readonly T[], shard: { index: number; count: number }): T[] {
  return files.filter((f) => shardOf(f.path, shard.count) === shard.index);
}

export async function extractShard(options: {
  root: string; ignore?: readonly string[]; shard: { index: number; count: number }; workers?: number;
}): Promise<ShardDocument> {
  const { files } = discover(options.root, { ignore: options.ignore });
  const mine = filesOfShard(files, options.shard);
  // Loaded here, not at the top: readers of shard files never parse anything.
  const { EXTRACTORS } = await import('../extract/index.js');
  const { extractAll } = await import('./extract-pool.js');
  const results = await extractAll(mine, { extractors: EXTRACTORS, workers: options.workers });
  const out: ShardDocument['files'] = {};
  mine.forEach((file, i) => { out[file.path] = { hash: contentHash(file.text), result: results[i]! }; });
  return { format: SHARD_FORMAT, tool: { name: 'backend-review', version: TOOL_VERSION }, shard: options.shard, files: out };
}

/** Reads shard documents; throws an Error naming the file for anything that is not one. */
export function readShards(paths: readonly string[]): Map<string, { hash: string; result: FileExtraction }> {
  const entries = new Map<string, { hash: string; result: FileExtraction }>();
  for (const path of paths) {
    let doc: Partial<ShardDocument>;
    try {
      doc = JSON.parse(readFileSync(path, 'utf8')) as Partial<ShardDocument>;
    } catch (error) {
      throw new Error(`${path}: not a readable shard file (${(error as Error).message.split('\n')[0]})`);
    }
    if (doc.format !== SHARD_FORMAT || !doc.files || typeof doc.files !== 'object') {
      throw new Error(`${path}: not a backend-review shard file (written by --shard i/n --facts FILE)`);
    }
    if (doc.tool?.version !== TOOL_VERSION) {
      throw new Error(`${path}: written by backend-review ${doc.tool?.version ?? '?'}, this is ${TOOL_VERSION}`);
    }
    for (const [file, entry] of Object.entries(doc.files)) entries.set(file, entry);
  }
  return entries;
}

/** Shard results seen through the cache interface: used when the content hash still matches. */
export function precomputedCache(entries: ReadonlyMap<string, { hash: string; result: FileExtraction }>): ExtractionCache {
  const cache: ExtractionCache = {
    dir: '',
    hits: 0,
    get(file: SourceFile) {
      const entry = entries.get(file.path);
      if (!entry || entry.hash !== contentHash(file.text)) return undefined;
      cache.hits++;
      return entry.result;
    },
    save() {},
  };
  return cache;
}
