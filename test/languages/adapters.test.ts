import { describe, expect, it } from 'vitest';
import type { LanguageId, SourceFile } from '../../src/core/types.js';
import { adapterFor, initAdapters, languageOf } from '../../src/languages/index.js';

const file = (path: string, language: LanguageId, text: string): SourceFile => ({ path, language, text, bytes: text.length });

describe('languageOf', () => {
  it('maps extensions and config file names to languages', () => {
    expect(['a.ts', 'a.tsx', 'a.mts', 'b.js', 'b.cjs', 'c.py', '.env', '.env.production', 'config/app.yml', 'requirements-dev.txt', 'prisma/schema.prisma', 'README.md', 'x.go']
      .map((p) => languageOf(p) ?? '-'))
      .toEqual(['typescript', 'typescript', 'typescript', 'javascript', 'javascript', 'python', 'text', 'text', 'text', 'text', 'text', '-', '-']);
  });
});

describe('JavaScript / TypeScript adapter', () => {
  it('parses TypeScript with decorators and JSX in .tsx', () => {
    const ts = adapterFor('typescript').parse(file('a.ts', 'typescript', '@Controller("x")\nexport class A { @Get() f(): string { return "" } }\n'));
    expect(ts.ok).toBe(true);
    const tsx = adapterFor('typescript').parse(file('a.tsx', 'typescript', 'export const A = () => <div>{1 as number}</div>;\n'));
    expect(tsx.ok).toBe(true);
  });

  it('parses CommonJS and ESM JavaScript, and TypeScript syntax in a .js file', () => {
    expect(adapterFor('javascript').parse(file('a.js', 'javascript', 'const x = require("y");\nmodule.exports = x;\n')).ok).toBe(true);
    expect(adapterFor('javascript').parse(file('b.js', 'javascript', 'import x from "y";\nexport default x;\n')).ok).toBe(true);
    expect(adapterFor('javascript').parse(file('c.js', 'javascript', 'const x: number = 1;\nexport { x };\n')).ok).toBe(true);
  });

  it('returns a located error instead of throwing on hopeless input', () => {
    const result = adapterFor('javascript').parse(file('bad.js', 'javascript', 'function (((( {\n'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.location.file).toBe('bad.js');
      expect(result.location.startLine).toBe(1);
      expect(result.message.length).toBeGreaterThan(0);
    }
  });
});

describe('Python adapter', () => {
  it('parses Python and reports recovered syntax errors with a location', async () => {
    await initAdapters(['python']);
    const ok = adapterFor('python').parse(file('a.py', 'python', '@app.get("/x")\ndef f():\n    return 1\n'));
    expect(ok.ok && ok.tree.kind === 'tree-sitter' && ok.errors.length === 0).toBe(true);
    const bad = adapterFor('python').parse(file('b.py', 'python', 'def f(:\n    return\n'));
    expect(bad.ok).toBe(true);
    if (bad.ok) {
      expect(bad.errors.length).toBeGreaterThan(0);
      expect(bad.errors[0]!.location.file).toBe('b.py');
      adapterFor('python').dispose(bad.tree);
    }
  });
});
