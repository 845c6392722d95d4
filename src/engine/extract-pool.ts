// Parse + extract every file, in worker threads when the tree is large enough to pay for them.
// Results come back in file order whatever the scheduling, so output stays deterministic.
import type { Worker } from 'node:worker_threads';
import type { LanguageId, SourceFile } from '../core/types.js';
import type { Extractor } from '../extract/types.js';
import { initAdapters } from '../languages/index.js';
import { extractFile, SLOW_PATH, type FileExtraction } from './extract-file.js';
import type { WorkerRequest } from './extract-worker.js';
import { defaultWorkerCount, exited, startWorker, takePrestarted, workerScript } from './extract-threads.js';

export { defaultWorkerCount };

export interface ExtractAllOptions {
  extractors: readonly Extractor[];
  /** Extractors other than the default set cannot be loaded by a worker: extract in this thread. */
  customExtractors?: boolean;
  workers?: number;
  onProgress?: (done: number) => void;
}

const BATCH_BYTES = 256 * 1024;
const BATCH_FILES = 32;
const MIN_BATCH_FILES = 2;

async function extractInThread(files: readonly SourceFile[], options: ExtractAllOptions): Promise<FileExtraction[]> {
  await initAdapters(files.map((f) => f.language));
  const out: FileExtraction[] = [];
  files.forEach((file, i) => {
    out.push(extractFile(file, options.extractors));
    if (i % 50 === 0 || i === files.length - 1) options.onProgress?.(i + 1);
  });
  return out;
}

type Batch = { index: number; file: SourceFile }[];

/**
 * The shared queue, in file order. Batches shrink towards the end (guided self-scheduling: a batch
 * holds about a quarter of an even share of what is left), so the threads finish close together
 * instead of one waiting for another's last large batch.
 */
export function batchesOf(files: readonly SourceFile[], threads: number): Batch[] {
  const batches: Batch[] = [];
  let current: Batch = [];
  let bytes = 0;
  let limit = 0;
  files.forEach((file, index) => {
    if (current.length === 0) limit = Math.max(MIN_BATCH_FILES, Math.min(BATCH_FILES, Math.ceil((files.length - index) / (4 * threads))));
    current.push({ index, file });
    bytes += file.bytes;
    if (current.length >= limit || bytes >= BATCH_BYTES) {
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
  const spare = takePrestarted();
  if (requested <= 1 || options.customExtractors || !script || files.length < 2) {
    await Promise.all(spare.map((w) => w.terminate()));
    return extractInThread(files, options);
  }

  const languages = [...new Set(files.map((f) => f.language))] as LanguageId[];
  const threads = Math.min(requested, files.length);
  const batches = batchesOf(files, threads);
  const results: (FileExtraction | undefined)[] = new Array(files.length);
  const count = Math.min(requested - 1, batches.length - 1);
  await Promise.all(spare.slice(count).map((w) => w.terminate()));
  const reused = spare.slice(0, count);
  let next = 0;
  let done = 0;
  const record = (reply: { index: number; result: FileExtraction }[]) => {
    for (const { index, result } of reply) results[index] = result;
    done += reply.length;
    options.onProgress?.(done);
  };
  // Files this thread leaves to the workers: JS/TS that oxc rejects (Babel's warm-up is paid in one
  // worker, not in every thread) or that is too deep for this thread's stack (see WORKER_STACK_MB).
  const handedOver: Batch = [];
  let thisThreadDone = false;
  const senders: (() => void)[] = [];
  const wakeWorkers = () => senders.forEach((send) => send());
  const workers: Worker[] = [];
  const inThisThread = async () => {
    await initAdapters(languages);
    while (next < batches.length) {
      const batch = batches[next++]!;
      const reply: { index: number; result: FileExtraction }[] = [];
      for (const item of batch) {
        const result = count > 0 ? extractFile(item.file, options.extractors, undefined, { fastOnly: true }) : extractFile(item.file, options.extractors);
        if (result === SLOW_PATH) handedOver.push(item);
        else reply.push({ index: item.index, result });
      }
      record(reply);
      if (handedOver.length > 0) wakeWorkers();
      await new Promise<void>((resolve) => setImmediate(resolve)); // let the workers' replies in
    }
    thisThreadDone = true;
    wakeWorkers();
  };
  try {
    await Promise.all([inThisThread(), ...Array.from({ length: count }, (_, k) => new Promise<void>((resolve, reject) => {
      const ready = reused[k];
      const worker = ready && !exited.has(ready) ? ready : startWorker(script);
      worker.ref();
      workers.push(worker);
      let inFlight = 0;
      // Two batches in flight: a worker never waits for this thread to hand it the next one.
      const send = () => {
        while (inFlight < 2 && (handedOver.length > 0 || next < batches.length)) {
          const batch = handedOver.length > 0 ? handedOver.splice(0, BATCH_FILES) : batches[next++]!;
          const request: WorkerRequest = { batch, languages };
          worker.postMessage(request);
          inFlight++;
        }
        // Done when nothing is left and this thread can hand over no more.
        if (inFlight === 0 && thisThreadDone && handedOver.length === 0) resolve();
      };
      senders.push(send);
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
