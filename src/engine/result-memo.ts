// The whole-scan memo: when nothing in the tree changed since the last scan (same files with the
// same size, modification time, change time and inode), with the same tool build and the same
// options, the stored result is the result. A rescan of an unchanged tree then costs one directory
// walk with lstat, instead of reading and hashing every file and rebuilding the model.
//
// Like git's index, it trusts file metadata; like git, it refuses to trust metadata that is too
// fresh to tell a later edit apart ("racy" files): a tree with a file modified within two seconds
// before the scan started is scanned, and not memoized.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResult } from '../core/result.js';
import type { TreeListing } from '../discover/discover.js';

const FORMAT = 1;
const FILE_NAME = 'result-memo.json';
const RACY_MS = 2000;

type MemoResult = Omit<RunResult, 'rules'>;

interface MemoDocument {
  format: number;
  key: string;
  result: MemoResult;
}

/** The memo key: build fingerprint, options that shape the result, and the metadata of every listed file. */
export function memoKey(fingerprint: string, options: unknown, listing: TreeListing): string {
  const hash = createHash('sha1');
  hash.update(`${FORMAT}\u0000${fingerprint}\u0000${listing.root}\u0000${JSON.stringify(options) ?? ''}\u0000`);
  for (const e of listing.entries) hash.update(`${e.path}\u0000${e.size}\u0000${e.mtimeMs}\u0000${e.ctimeMs}\u0000${e.ino}\u0000${e.isLink ? 1 : 0}\n`);
  hash.update(JSON.stringify(listing.skippedFiles));
  return hash.digest('hex');
}

/** True when some file changed so recently that a later edit could leave its metadata unchanged. */
export function hasRacyEntries(listing: TreeListing, startedAtMs: number): boolean {
  // Only the modification time: an edit always moves it to "now", so an old one cannot hide a later edit.
  return listing.entries.some((e) => e.mtimeMs > startedAtMs - RACY_MS);
}

export function readMemo(dir: string, key: string): MemoResult | undefined {
  try {
    const doc = JSON.parse(readFileSync(join(dir, FILE_NAME), 'utf8')) as Partial<MemoDocument>;
    if (doc.format !== FORMAT || doc.key !== key || !doc.result || typeof doc.result !== 'object') return undefined;
    const result = doc.result;
    if (!result.model || !Array.isArray(result.findings) || !Array.isArray(result.notifications) || !result.stats) return undefined;
    return result;
  } catch {
    return undefined; // missing, unreadable or corrupted: scan
  }
}

export function writeMemo(dir: string, key: string, result: RunResult): void {
  const { rules: _rules, ...rest } = result;
  const doc: MemoDocument = { format: FORMAT, key, result: rest };
  try {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, FILE_NAME);
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(doc));
    renameSync(tmp, path);
  } catch {
    // A memo that cannot be written only costs speed next time.
  }
}
