// Shared by the safety tests: the built CLI, scratch trees, tree snapshots and planted secrets.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
/** The built CLI (`npm test` builds dist/ first); BACKEND_REVIEW_TEST_CLI points at another build. */
export const CLI = process.env.BACKEND_REVIEW_TEST_CLI ?? join(ROOT, 'dist', 'bundle', 'backend-review.js');
export const HOSTILE = join(ROOT, 'fixtures', 'hostile');

export function scratchDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `backend-review-${name}-`));
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs the built CLI; a hang fails the test through the timeout (the process is killed).
 * The cache goes to `cacheHome` (XDG_CACHE_HOME) so that nothing lands in the user's ~/.cache.
 */
export function runCli(args: string[], options: { cwd?: string; timeoutMs?: number; env?: Record<string, string>; cacheHome?: string; uid?: number; gid?: number } = {}): CliRun {
  const started = performance.now();
  const spawnOptions: SpawnSyncOptions = {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: options.cacheHome ?? join(tmpdir(), 'backend-review-safety-cache'), ...options.env },
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid } : {}),
  };
  const out = spawnSync(process.execPath, [CLI, ...args], spawnOptions);
  return { code: out.status, signal: out.signal, stdout: String(out.stdout ?? ''), stderr: String(out.stderr ?? ''), ms: performance.now() - started };
}

/** Writes files (repo-relative path -> text or bytes) under `root`. */
export function writeTree(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, content] of Object.entries(files)) {
    const abs = join(root, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

/** Every entry under `root` (symbolic links not followed): path -> kind, size, mtime and content hash. */
export function snapshotTree(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const abs = join(dir, name);
      const rel = relative(root, abs);
      const info = lstatSync(abs);
      if (info.isSymbolicLink()) out.set(rel, `link ${readlinkSync(abs)} ${info.mtimeMs}`);
      else if (info.isDirectory()) {
        out.set(rel, `dir ${info.mtimeMs} ${info.mode}`);
        visit(abs);
      } else if (info.isFile()) {
        out.set(rel, `file ${info.size} ${info.mtimeMs} ${info.mode} ${createHash('sha256').update(readFileSync(abs)).digest('hex')}`);
      } else out.set(rel, `other ${info.mtimeMs}`);
    }
  };
  visit(root);
  return out;
}

/** Entries added, removed or changed between two snapshots. */
export function treeChanges(before: Map<string, string>, after: Map<string, string>): string[] {
  const changes: string[] = [];
  for (const [path, sig] of after) {
    if (!before.has(path)) changes.push(`added ${path}`);
    else if (before.get(path) !== sig) changes.push(`changed ${path}`);
  }
  for (const path of before.keys()) if (!after.has(path)) changes.push(`removed ${path}`);
  return changes.sort();
}

/**
 * Fake credentials in the shapes real scanners look for, assembled here so that this repository
 * holds no string that looks like a live secret. Each is planted whole in fixtures/hostile.
 */
export const PLANTED = {
  AWS_ACCESS_KEY_ID: ['AKIA', 'QX7RZ2M4', 'TB6WN3PL'].join(''),
  AWS_SECRET_ACCESS_KEY: ['q8Vd0Jr3Lk9Tz2Xw', '6Bn4Mh7Pc1Fs5Gy8', 'Ua3Ee0Ri'].join(''),
  GITHUB_TOKEN: ['ghp_', 'Tq9Xv2Lm8Rk4Wz7N', 'p3Bs6Hd1Jf5Gc0Ya', '2Eu8'].join(''),
  JWT_SECRET: ['jw7-Kp2v', '-Qz9x-Lm4r', '-Ts8b'].join(''),
  DB_PASSWORD: ['Zq4v', 'R8tw'].join(''),
  PRIVATE_KEY_BODY: [
    ['MIIEpAIBAAKCAQEA3Tz2mn8Vx0q', 'Lk9Rw7Yb4Hc6Jd2Fs8Gt5Ne1Ua3Pm0Qo7Xv2Lk9Rw7Yb4Hc6Jd2F'].join(''),
    ['s8Gt5Ne1Ua3Pm0Qo7Xv2Lk9Rw7Y', 'b4Hc6Jd2Fs8Gt5Ne1Ua3Pm0Qo7Xv2Lk9Rw7Yb4Hc6Jd2Fs8Gt5N'].join(''),
  ].join('\n'),
} as const;

/** The strings that must never appear whole in any output (the private key: each line of its body). */
export function plantedNeedles(): { name: string; value: string }[] {
  return Object.entries(PLANTED).flatMap(([name, value]) => value.split('\n').map((line, i) => ({ name: i ? `${name}#${i}` : name, value: line })));
}

/** Copies fixtures/hostile to a scratch directory with the planted secrets in place of their placeholders. */
export function hostileCopy(name = 'hostile'): string {
  const dir = scratchDir(name);
  cpSync(HOSTILE, dir, { recursive: true });
  const fill = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const abs = join(d, entry.name);
      if (entry.isDirectory()) fill(abs);
      else if (entry.isFile()) {
        const text = readFileSync(abs, 'utf8');
        if (!text.includes('@@')) continue;
        writeFileSync(abs, text.replace(/@@([A-Z_]+)@@/g, (whole, key: string) => (key in PLANTED ? PLANTED[key as keyof typeof PLANTED] : whole)));
      }
    }
  };
  fill(dir);
  return dir;
}

/**
 * How to run the CLI so that file modes apply: chmod 000 does not stop root. As root, the CLI is
 * started as nobody (65534) when nobody can run it (the checkout must be readable by others);
 * 'self' when this process is not root; undefined when neither works (the tests skip).
 */
export function unprivileged(): { uid: number; gid: number } | 'self' | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'self';
  const probe = spawnSync(process.execPath, [CLI, '--version'], { uid: 65534, gid: 65534, encoding: 'utf8', timeout: 30_000 });
  return probe.status === 0 ? { uid: 65534, gid: 65534 } : undefined;
}
