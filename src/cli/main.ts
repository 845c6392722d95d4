#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// V8 optimises a function once it has run through a budget of bytecode (67,584 by default). A scan
// runs hundreds of extractor functions for a second or a few, and the optimising compiler's work for
// the ones that barely pass the default budget costs more than it returns: with a budget of 600,000
// the three benchmark trees scan 10-20% faster (juice-shop 1.75 -> 1.40 s, netbox 3.87 -> 3.53 s,
// BenchmarkJava 5.47 -> 5.04 s; no-opt was 70% slower on the larger two). Flags are process-wide,
// so the extraction workers get it too; set before the scan's code is loaded (the import below).
setFlagsFromString('--interrupt-budget=600000');
const { main } = await import('./program.js');

// A reader that stops early (`backend-review --help | head`) closes the pipe: that ends the
// output, quietly, as for any Unix tool, instead of an unhandled EPIPE with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

await main(process.argv);
