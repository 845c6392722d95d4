// Parse + extract every file, in worker threads when the tree is large enough to pay for them.
// Results come back in file order whatever the scheduling, so output stays deterministic.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LanguageId, SourceFile } from '../core/types.js';
import type { Extractor } from '../extract/types.js';
import { initAdapters } from '../languages/index.js';
import { extractFile, type FileExtraction } from './extract-file.js';
import type { WorkerRequest } from './extract-worker.js';

export interface ExtractAllOptions {
  extractors: readonly Extractor[];
  /** Extractors other than the default set cannot be loaded by a worker: extract in this thread. */
  customExtractors?: boolean;
  workers?: number;
  onProgress?: (done: number) => void;
}

/** Below this much source, starting workers (each loads its grammars) costs more than it saves. */
const PARALLEL_MIN_BYTES = 2 * 1024 * 1024;
const BATCH_BYTES = 256 * 1024;
const BATCH_FILES = 32;

export function defaultWorkerCount(files: readonly SourceFile[]): number {
  const bytes = files.reduce((sum, f) => sum + (f.language === 'text' ? 0 : f.bytes), 0);
  if (bytes < PARALLEL_MIN_BYTES) return 1;
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** The compiled worker next to this module; absent when running from TypeScript sources (tests). */
function workerScript(): string | undefined {
  const url = new URL('./extract-worker.js', import.meta.url);
  const path = fileURLToPath(url);
  return existsSync(path) ? path : undefined;
}

async function extractInThread(files: readonly SourceFile[], options: ExtractAllOptions): Promise<FileExtraction[]> {
  await initAdapters(files.map((f) => f.language));
  const out: FileExtraction[] = [];
  files.forEach((file, i) => {
    out.push(extractFile(file, options.extractors));
    if (i % 50 === 0 || i === files.length - 1) options.onProgress?.(i + 1);
  });
  return out;
}

function batchesOf(files: readonly SourceFile[]): { index: number; file: SourceFile }[][] {
  const batches: { index: number; file: SourceFile }[][] = [];
  let current: { index: number; file: SourceFile }[] = [];
  let bytes = 0;
  files.forEach((file, index) => {
    current.push({ index, file });
    bytes += file.bytes;
    if (current.length >= BATCH_FILES || bytes >= BATCH_BYTES) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
  });
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Parses and extracts every file. With n threads asked for, n - 1 workers start and this thread is
 * the n-th: it takes batches from the same queue between handling the workers' replies, so no core
 * waits while a worker would pay for its own start (loading and warming the extractors).
 */
export async function extractAll(files: readonly SourceFile[], options: ExtractAllOptions): Promise<FileExtraction[]> {
  const requested = options.workers ?? defaultWorkerCount(files);
  const script = workerScript();
  if (requested <= 1 || options.customExtractors || !script || files.length < 2) return extractInThread(files, options);

  const languages = [...new Set(files.map((f) => f.language))] as LanguageId[];
  const batches = batchesOf(files);
  const results: (FileExtraction | undefined)[] = new Array(files.length);
  const count = Math.min(requested - 1, batches.length - 1);
  let next = 0;
  let done = 0;
  const record = (reply: { index: number; result: FileExtraction }[]) => {
    for (const { index, result } of reply) results[index] = result;
    done += reply.length;
    options.onProgress?.(done);
  };
  const workers: Worker[] = [];
  const inThisThread = async () => {
    await initAdapters(languages);
    while (next < batches.length) {
      const batch = batches[next++]!;
      record(batch.map(({ index, file }) => ({ index, result: extractFile(file, options.extractors) })));
      await new Promise<void>((resolve) => setImmediate(resolve)); // let the workers' replies in
    }
  };
  try {
    await Promise.all([inThisThread(), ...Array.from({ length: count }, () => new Promise<void>((resolve, reject) => {
      const worker = new Worker(script);
      workers.push(worker);
      let inFlight = 0;
      // Two batches in flight: a worker never waits for this thread to hand it the next one.
      const send = () => {
        while (inFlight < 2 && next < batches.length) {
          const request: WorkerRequest = { batch: batches[next++]!, languages };
          worker.postMessage(request);
          inFlight++;
        }
        if (inFlight === 0) resolve();
      };
      worker.on('message', (reply: { index: number; result: FileExtraction }[]) => {
        inFlight--;
        record(reply);
        send();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (code !== 0) reject(new Error(`extraction worker stopped with exit code ${code}`));
      });
      send();
    }))]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  // A batch lost to a worker crash would leave holes: extract those files here.
  const missing = results.flatMap((r, i) => (r ? [] : [i]));
  if (missing.length > 0) {
    const redo = await extractInThread(missing.map((i) => files[i]!), { ...options, onProgress: undefined });
    missing.forEach((fileIndex, k) => { results[fileIndex] = redo[k]; });
  }
  return results as FileExtraction[];
}
