// Bundles the compiled CLI and the extraction worker into one file each (dist/bundle/).
//
// Why: a process that imports ~360 ES modules plus Babel, YAML and fast-glob spends a third of a
// second of CPU resolving, reading and linking them before it scans anything, and every worker
// thread pays it again. One bundled file per entry loads in about a quarter of that time (measured
// as the user CPU time of a process that only loads the scan engine: 0.35 s unbundled, 0.09 s bundled).
// The tree-sitter runtime and grammar packages stay external: they find their .wasm files next to
// their own modules; so does oxc-parser, which loads a native binding.
import { build, type Plugin } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUNDLE_DIR = join(DIST, 'bundle');

const EXTERNAL = ['web-tree-sitter', '@vscode/tree-sitter-wasm', 'tree-sitter-scala', '@tree-sitter-grammars/tree-sitter-kotlin', 'esbuild', 'oxc-parser'];

/**
 * commander requires node:child_process when it loads, for executable subcommands we do not use;
 * loading it (with net, dgram and streams) cost every run, a memoized rescan included, about 5 ms.
 * Inside commander the module is a proxy that loads it on first use.
 */
const LAZY_CHILD_PROCESS: Plugin = {
  name: 'lazy-child-process-for-commander',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      (/[\\/]commander[\\/]/.test(args.importer) ? { path: 'lazy-child-process', namespace: 'lazy' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "let m; module.exports = new Proxy({}, { get: (_, key) => (m ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

/** Bundled CJS dependencies call require(): give the ES module one. */
const REQUIRE_SHIM = "import { createRequire as __brCreateRequire } from 'node:module'; const require = __brCreateRequire(import.meta.url);";

export async function bundle(): Promise<void> {
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  mkdirSync(BUNDLE_DIR, { recursive: true });
  const common = {
    bundle: true,
    platform: 'node' as const,
    format: 'esm' as const,
    target: 'node20',
    external: EXTERNAL,
    banner: { js: REQUIRE_SHIM },
    logLevel: 'warning' as const,
    legalComments: 'none' as const,
    // Whitespace and syntax only (names stay readable in stack traces): a fifth less code for every
    // process and worker to compile, which a rescan answered from the memo mostly is.
    minifyWhitespace: true,
    minifySyntax: true,
    plugins: [LAZY_CHILD_PROCESS],
  };
  // Code splitting: what only a scan that parses needs (parsers, extractors) sits in chunks loaded
  // on demand, so a rescan answered from the memo compiles a fraction of the code. Chunks stay next
  // to the entries: the pool looks for extract-worker.js beside the module that starts it.
  await build({
    ...common,
    splitting: true,
    entryPoints: { 'backend-review': join(DIST, 'src', 'cli', 'main.js'), 'extract-worker': join(DIST, 'src', 'engine', 'extract-worker.js') },
    outdir: BUNDLE_DIR,
    chunkNames: 'chunk-[hash]',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  bundle().catch((error: unknown) => {
    process.stderr.write(`bundle: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
