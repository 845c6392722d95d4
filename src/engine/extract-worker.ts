// Worker thread: parses and extracts batches of files with the default extractors.
// Each worker loads each grammar once and keeps it; facts go back as plain data.
import { parentPort } from 'node:worker_threads';
import type { LanguageId, SourceFile } from '../core/types.js';
import { EXTRACTORS } from '../extract/index.js';
import { initAdapters } from '../languages/index.js';
import { extractFile } from './extract-file.js';

export interface WorkerRequest {
  batch: { index: number; file: SourceFile }[];
  languages: LanguageId[];
}

parentPort?.on('message', async (request: WorkerRequest) => {
  await initAdapters(request.languages);
  const results = request.batch.map(({ index, file }) => ({ index, result: extractFile(file, EXTRACTORS) }));
  parentPort!.postMessage(results);
});
