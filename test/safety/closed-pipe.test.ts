// A reader that stops early (`backend-review --help | head -1`) must not get a stack trace.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI } from './helpers.js';

describe('closed output pipe', () => {
  it('ends quietly, exit 0, when stdout is closed after the first line', () => {
    for (const args of [['--help'], ['fixtures/apps/demo-express', '--format', 'json', '--fail-on', 'none', '--no-cache']]) {
      const quoted = args.map((a) => `'${a}'`).join(' ');
      const res = spawnSync('bash', ['-c', `node '${CLI}' ${quoted} | head -1 > /dev/null; echo "status=\${PIPESTATUS[0]}"`], { encoding: 'utf8', cwd: `${import.meta.dirname}/../..` });
      expect(res.stderr).not.toMatch(/EPIPE|at .*\(node:|Error:/);
      expect(res.stdout.trim()).toBe('status=0');
    }
  });
});
