#!/usr/bin/env node
// npm run bench -- [--runs N] [--duplicate 1,2,4] <dir>...
// Times whole CLI processes on each tree: cold (empty cache), warm (cache of the cold run) and
// --no-cache scans, several runs each, and prints files, MB, median wall time, MB/s, peak RSS and the
// ratio to a plain read of the same files. It never downloads anything: the trees are yours.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discover } from '../discover/discover.js';

const HERE = dirname(fileURLToPath(import.meta.url));
// The bundled CLI is what `npm ci` installs and users run; tsc's output is the fallback.
const BUNDLED = join(HERE, '..', '..', 'bundle', 'backend-review.js');
const CLI = existsSync(BUNDLED) ? BUNDLED : join(HERE, '..', 'cli', 'main.js');
const RSS_HOOK = join(HERE, 'rss-hook.js');

interface Args { runs: number; duplicate: number[]; dirs: string[] }

function parseArgs(argv: string[]): Args {
  const args: Args = { runs: 3, duplicate: [], dirs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--runs') args.runs = Math.max(1, Number(argv[++i]));
    else if (a === '--duplicate') args.duplicate = argv[++i]!.split(',').map(Number).filter((n) => n >= 1);
    else if (a === '-h' || a === '--help') {
      process.stdout.write('usage: npm run bench -- [--runs N] [--duplicate 1,2,4] <dir>...\n');
      process.exit(0);
    } else args.dirs.push(a);
  }
  if (args.dirs.length === 0) {
    process.stderr.write('bench: name at least one directory to scan\n');
    process.exit(2);
  }
  return args;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One CLI process: wall seconds and peak RSS in MB. */
function runCli(dir: string, extra: string[]): { seconds: number; rssMb: number } {
  const rssFile = join(tmpdir(), `backend-review-rss-${process.pid}-${Date.now()}`);
  const started = process.hrtime.bigint();
  const out = spawnSync(process.execPath, ['--import', RSS_HOOK, CLI, dir, '--format', 'json', '--fail-on', 'none', ...extra], {
    env: { ...process.env, BACKEND_REVIEW_RSS_FILE: rssFile }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (out.status !== 0) throw new Error(`scan of ${dir} failed (${out.status}): ${out.stderr.slice(0, 300)}`);
  let rssMb = NaN;
  try {
    rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
    rmSync(rssFile, { force: true });
  } catch { /* no figure */ }
  return { seconds, rssMb };
}

/** A plain read of the files the scan reads, in this process: the floor a scan is compared with. */
function plainRead(dir: string): { files: number; bytes: number; seconds: number } {
  const { files } = discover(dir);
  const started = process.hrtime.bigint();
  let bytes = 0;
  for (const file of files) bytes += readFileSync(join(dir, file.path)).length;
  return { files: files.length, bytes, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

function benchTree(label: string, dir: string, runs: number): void {
  const read = plainRead(dir);
  const mb = read.bytes / 1024 / 1024;
  const rows: [string, { seconds: number; rssMb: number }[]][] = [];
  const cold: { seconds: number; rssMb: number }[] = [];
  const warm: { seconds: number; rssMb: number }[] = [];
  const noCache: { seconds: number; rssMb: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const cacheDir = mkdtempSync(join(tmpdir(), 'backend-review-bench-cache-'));
    cold.push(runCli(dir, ['--cache-dir', cacheDir]));
    warm.push(runCli(dir, ['--cache-dir', cacheDir]));
    rmSync(cacheDir, { recursive: true, force: true });
    noCache.push(runCli(dir, ['--no-cache']));
  }
  rows.push(['cold', cold], ['warm', warm], ['no-cache', noCache]);
  const coldMedian = median(cold.map((r) => r.seconds));
  for (const [mode, results] of rows) {
    const s = median(results.map((r) => r.seconds));
    const rss = Math.max(...results.map((r) => r.rssMb));
    process.stdout.write(
      `${label.padEnd(44)} ${mode.padEnd(8)} files=${String(read.files).padStart(6)} MB=${mb.toFixed(1).padStart(6)} `
      + `median=${s.toFixed(2).padStart(6)}s MB/s=${(mb / s).toFixed(1).padStart(6)} peakRSS=${rss.toFixed(0).padStart(5)}MB `
      + `x-read=${(s / Math.max(read.seconds, 1e-3)).toFixed(1).padStart(6)} `
      + `vs-cold=${(s / coldMedian).toFixed(2)} runs=[${results.map((r) => r.seconds.toFixed(2)).join(' ')}]\n`,
    );
  }
}

function duplicated(dir: string, times: number): string {
  const out = mkdtempSync(join(tmpdir(), `backend-review-bench-x${times}-`));
  // Timestamps kept: the copies are as settled as the original (a fresh tree is never memoized).
  for (let i = 0; i < times; i++) cpSync(dir, join(out, `copy${i + 1}`), { recursive: true, preserveTimestamps: true });
  return out;
}

const args = parseArgs(process.argv.slice(2));
process.stdout.write(`backend-review bench: ${args.runs} run(s) per mode, node ${process.version}\n`);
for (const raw of args.dirs) {
  const dir = resolve(raw);
  benchTree(raw, dir, args.runs);
  for (const times of args.duplicate) {
    if (times === 1) continue;
    const copy = duplicated(dir, times);
    try {
      benchTree(`${raw} x${times}`, copy, args.runs);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }
}
