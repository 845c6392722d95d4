// Worker thread: parses and extracts batches of files with the default extractors.
// Each worker loads each grammar once and keeps it; facts go back as plain data.
import { parentPort, workerData } from 'node:worker_threads';
import type { LanguageId, SourceFile } from '../core/types.js';
import { EXTRACTORS } from '../extract/index.js';
import { initAdapters, setNativeStackMb } from '../languages/index.js';
import { extractFile } from './extract-file.js';

export interface WorkerRequest {
  batch: { index: number; file: SourceFile }[];
  languages: LanguageId[];
}

/** What the pool starts a worker with. */
export interface WorkerStart {
  /** The thread's native stack (resourceLimits.stackSizeMb): deeper files can go to the native parser. */
  stackMb: number;
}

const start = workerData as WorkerStart | undefined;
if (start?.stackMb) setNativeStackMb(start.stackMb);

parentPort?.on('message', async (request: WorkerRequest) => {
  await initAdapters(request.languages);
  const results = request.batch.map(({ index, file }) => ({ index, result: extractFile(file, EXTRACTORS) }));
  parentPort!.postMessage(results);
});
