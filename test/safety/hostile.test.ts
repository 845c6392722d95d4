// Target code is never executed: fixtures/hostile is full of files that write a PWNED-* marker if
// anything runs or imports them (package.json install scripts, JS/TS tool configs, setup.py,
// conftest.py, manage.py, Gradle scripts, the app itself). A scan, in every output mode and with
// worker threads, must leave no marker. A static check backs it: the scanner's own source has no
// way to run code (no child_process, vm, eval, Function, or import() of a computed name).
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hostileCopy, ROOT, runCli, scratchDir, snapshotTree, treeChanges } from './helpers.js';

const tree = hostileCopy('hostile');
const markers = scratchDir('markers');
const out = scratchDir('hostile-out');
afterAll(() => {
  for (const dir of [tree, markers, out]) rmSync(dir, { recursive: true, force: true });
});

function markerFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).filter((p) => p.split('/').pop()!.startsWith('PWNED-')).sort();
}

describe('the booby-trapped fixture', () => {
  it('has its traps armed (each names a marker it would write)', () => {
    for (const file of ['package.json', 'vite.config.ts', 'jest.config.js', 'eslint.config.mjs', 'babel.config.cjs', 'setup.py', 'conftest.py', 'tests/conftest.py', 'manage.py', 'build.gradle', 'android/settings.gradle.kts', 'src/server.js']) {
      expect(readFileSync(join(tree, file), 'utf8'), file).toContain('PWNED-');
    }
    expect(markerFiles(tree)).toEqual([]);
  });

  it('is scanned in every mode without any trap firing or the tree changing', () => {
    const before = snapshotTree(tree);
    const env = { BACKEND_REVIEW_MARKER_DIR: markers };
    const runs = [
      runCli([tree, '--fail-on', 'none', '--no-cache'], { env }),
      runCli([tree, '--format', 'json', '--fail-on', 'none', '--workers', '2', '--cache-dir', join(out, 'cache')], { env }),
      runCli([tree, '--sarif', join(out, 'a.sarif'), '--json', join(out, 'a.json'), '--report', join(out, 'a.md'), '--html', join(out, 'a.html'), '--quiet', '--fail-on', 'none', '--no-cache'], { env }),
      runCli([tree, '--shard', '1/2', '--facts', join(out, 'shard1.json'), '--no-cache'], { env }),
      runCli(['init', join(out)], { env }),
    ];
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    expect(markerFiles(tree)).toEqual([]);
    expect(markerFiles(markers)).toEqual([]);
    expect(markerFiles(out)).toEqual([]);
    expect(existsSync(join(ROOT, 'PWNED-preinstall'))).toBe(false);
    expect(treeChanges(before, snapshotTree(tree))).toEqual([]);
    // The scan did look at the trapped files: the app's routes are found.
    const doc = JSON.parse(runs[1]!.stdout);
    expect(doc.endpoints.map((e: { method: string; path: string }) => `${e.method} ${e.path}`).sort()).toEqual(['GET /repos', 'POST /login']);
  });
});

describe('the scanner cannot run code', () => {
  const sourceFiles = (dir: string): string[] => readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.parentPath.includes('/valid') && !e.parentPath.includes('/invalid'))
    .map((e) => join(e.parentPath, e.name));

  it('imports no process, vm or eval facility, and no module by a computed name', () => {
    const offending: string[] = [];
    const FORBIDDEN = [
      /from ['"](node:)?(child_process|vm|cluster|inspector|repl)['"]/,
      /require\(['"](node:)?(child_process|vm)['"]\)/,
      /\beval\(/,
      /\bnew Function\(/,
      /\bimport\((?!['"`])/, // import(x): a dynamic import of a computed specifier
    ];
    const files = [...sourceFiles('src'), ...sourceFiles('rules')];
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of FORBIDDEN) if (pattern.test(text)) offending.push(`${file.slice(ROOT.length + 1)}: ${pattern}`);
    }
    // The allowed uses, none of which runs the target's code: git for --changed-since, the GitHub
    // Action and the benchmark, which start this CLI itself, and the bundler's shim that defers
    // commander's own child_process import to its first use.
    const ALLOWED = ['src/engine/changed-lines.ts', 'src/action/run-action.ts', 'src/bench/bench.ts', 'src/build/bundle.ts'];
    expect(offending.filter((o) => !ALLOWED.some((file) => o.startsWith(`${file}: `)))).toEqual([]);
  });
});
