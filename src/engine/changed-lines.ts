// `--changed-since REF`: the lines added or changed since a git ref, to keep only findings on them.
import type { Finding } from '../core/types.js';

/** Scanned-root-relative path -> changed line numbers, or 'all' for a file git does not track yet. */
export type ChangedLines = ReadonlyMap<string, ReadonlySet<number> | 'all'>;

export class GitError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'GitError';
  }
}

/** Undoes git's C-style quoting of unusual paths ("a\tb.ts"). */
function unquote(path: string): string {
  if (!path.startsWith('"') || !path.endsWith('"')) return path;
  const bytes: number[] = [];
  const body = path.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[++i] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else {
      bytes.push(({ n: 10, t: 9, r: 13, b: 8, f: 12, v: 11, a: 7 } as Record<string, number>)[next] ?? next.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Parses `git diff --unified=0` output: the new-side line numbers of every hunk, per file. */
export function parseUnifiedDiff(diff: string): Map<string, Set<number>> {
  const changed = new Map<string, Set<number>>();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = unquote(line.slice(4).replace(/\t$/, ''));
      if (target === '/dev/null') {
        current = undefined;
      } else {
        const path = target.startsWith('b/') || target.startsWith('"b/') ? target.slice(2) : target;
        current = changed.get(path) ?? new Set<number>();
        changed.set(path, current);
      }
      continue;
    }
    if (!current || !line.startsWith('@@')) continue;
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (!hunk) continue;
    const start = Number(hunk[1]);
    const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
    for (let n = start; n < start + count; n++) current.add(n);
  }
  return changed;
}

async function git(args: string[], cwd: string, what: string): Promise<string> {
  // Loaded here: only --changed-since runs git, and child_process costs every other run its load.
  const { execFile } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    // The scanned repository's own .git/config must not run anything: no fsmonitor hook, no textconv
    // or external diff drivers.
    const safeArgs = ['-c', 'core.fsmonitor=false', '-c', 'diff.external=', ...args];
    if (safeArgs.includes('diff')) safeArgs.splice(safeArgs.indexOf('diff') + 1, 0, '--no-textconv', '--no-ext-diff');
    execFile('git', safeArgs, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) {
        const detail = (stderr || error.message).trim().split('\n')[0];
        reject(new GitError(`${what} failed: ${detail}`));
      } else {
        resolve(stdout);
      }
    });
  });
}

/** Lines changed since `ref` in the working tree of `root` (paths relative to `root`), plus untracked files. */
export async function changedLinesSince(root: string, ref: string): Promise<ChangedLines> {
  if (ref.startsWith('-')) throw new GitError(`--changed-since: ${ref} is not a git ref`);
  const diff = await git(['-c', 'core.quotePath=false', 'diff', '--unified=0', '--no-color', '--no-ext-diff', '--relative', ref, '--'], root, `--changed-since ${ref}: git diff`);
  const changed = new Map<string, ReadonlySet<number> | 'all'>(parseUnifiedDiff(diff));
  const untracked = await git(['-c', 'core.quotePath=false', 'ls-files', '--others', '--exclude-standard'], root, `--changed-since ${ref}: git ls-files`);
  for (const path of untracked.split('\n')) if (path) changed.set(unquote(path), 'all');
  return changed;
}

/** Whether any line of the finding's span was changed. */
export function isOnChangedLine(finding: Finding, changed: ChangedLines): boolean {
  const lines = changed.get(finding.location.file);
  if (!lines) return false;
  if (lines === 'all') return true;
  const last = Math.max(finding.location.startLine, finding.location.endLine);
  for (let n = finding.location.startLine; n <= last; n++) if (lines.has(n)) return true;
  return false;
}
