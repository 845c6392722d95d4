// Reads `expect:` / `todo-expect:` / `todo-ok:` comments from a fixture case (see STYLE.md section 5).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Expectation {
  kind: 'expect' | 'todo-expect' | 'todo-ok';
  ruleId: string;
  file: string; // case-relative
  line: number; // the line the finding starts on
}

const MARKER = /(?:\/\/|#|\/\*|<!--|--|;)\s*(todo-expect|todo-ok|expect):\s*([a-z0-9-]+)/;

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out;
}

export function readExpectations(caseDir: string): Expectation[] {
  const out: Expectation[] = [];
  for (const path of listFiles(caseDir)) {
    if (path.endsWith('expected.txt')) continue;
    const lines = readFileSync(path, 'utf8').split('\n');
    lines.forEach((text, index) => {
      const match = MARKER.exec(text);
      if (!match) return;
      // The target is the next line that is not itself a marker.
      let target = index + 1;
      while (target < lines.length && MARKER.test(lines[target]!)) target++;
      out.push({ kind: match[1] as Expectation['kind'], ruleId: match[2]!, file: relative(caseDir, path).split('\\').join('/'), line: target + 1 });
    });
  }
  return out;
}
