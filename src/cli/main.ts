#!/usr/bin/env node
import { main } from './program.js';

// A reader that stops early (`backend-review --help | head`) closes the pipe: that ends the
// output, quietly, as for any Unix tool, instead of an unhandled EPIPE with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

await main(process.argv);
