// The extraction workers' threads: where their script is, the stack they get, and the ones started
// early. Kept apart from extract-pool.ts, which loads the parsers: the scan calls prestartExtraction
// before it knows whether it will parse anything.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerStart } from './extract-worker.js';

/** The compiled worker next to this module; absent when running from TypeScript sources (tests). */
export function workerScript(): string | undefined {
  const url = new URL('./extract-worker.js', import.meta.url);
  const path = fileURLToPath(url);
  return existsSync(path) ? path : undefined;
}

/**
 * Native stack of each worker. oxc-parser recurses on it and a stack overflow kills the process, so
 * this thread (whose stack we do not choose) parses with budgets measured for 4 MB, and a worker with
 * 64 MB takes the files over them (adapter.ts) instead of leaving them to the slower Babel.
 */
const WORKER_STACK_MB = 64;

export function startWorker(script: string): Worker {
  const start: WorkerStart = { stackMb: WORKER_STACK_MB };
  return new Worker(script, { workerData: start, resourceLimits: { stackSizeMb: WORKER_STACK_MB } });
}

/**
 * Workers started before discovery, so that loading the extractors in them (a fifth of a second)
 * overlaps this thread's listing and reading. Unreferenced until used: an unused one never holds
 * the process open, and extractAll ends every one it does not use.
 */
let prestarted: Worker[] = [];
export const exited = new WeakSet<Worker>();

export function prestartWorkers(count: number): void {
  const script = workerScript();
  if (!script) return;
  while (prestarted.length < count) {
    const worker = startWorker(script);
    worker.on('error', () => undefined); // an idle worker that failed is replaced when needed
    worker.once('exit', () => exited.add(worker));
    worker.unref();
    prestarted.push(worker);
  }
}

export function takePrestarted(): Worker[] {
  const taken = prestarted;
  prestarted = [];
  return taken;
}

/** Below this much source, starting workers (each loads its grammars) costs more than it saves. */
const PARALLEL_MIN_BYTES = 2 * 1024 * 1024;

/** Threads for extracting these files: one per core (at most 4) from 2 MB of source, else this one. */
export function defaultWorkerCount(files: readonly { language: string; bytes: number }[]): number {
  const bytes = files.reduce((sum, f) => sum + (f.language === 'text' ? 0 : f.bytes), 0);
  if (bytes < PARALLEL_MIN_BYTES) return 1;
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** Starts the workers a scan of these (listed, not yet read) files will want: all threads but this one. */
export function prestartExtraction(workers: number | undefined, files: readonly { language: string; bytes: number }[]): void {
  const threads = workers ?? defaultWorkerCount(files);
  if (threads > 1) prestartWorkers(threads - 1);
}
