// `--shard i/n --facts FILE`: extract one share of the files and write its per-file results.
import { extractShard, parseShard } from '../engine/index.js';

export class ShardUsageError extends Error {}

export async function runShard(
  root: string,
  opts: { shard?: string; facts?: string; ignore?: string[]; workers?: number; quiet?: boolean },
  write: (path: string, text: string) => void,
): Promise<number> {
  const shard = parseShard(opts.shard ?? '');
  if (typeof shard === 'string') throw new ShardUsageError(shard);
  if (!opts.facts) throw new ShardUsageError('--shard needs --facts FILE to write the share\'s results to');
  const doc = await extractShard({ root, ignore: opts.ignore, shard, ...(opts.workers ? { workers: opts.workers } : {}) });
  write(opts.facts, `${JSON.stringify(doc)}\n`);
  if (!opts.quiet) process.stderr.write(`backend-review: shard ${shard.index}/${shard.count}: ${Object.keys(doc.files).length} files -> ${opts.facts}\n`);
  return 0;
}
