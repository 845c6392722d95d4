import { describe, expect, it } from 'vitest';
import type { LanguageId, SourceFile } from '../../src/core/types.js';
import { adapterFor, initAdapters, languageOf } from '../../src/languages/index.js';

const file = (path: string, language: LanguageId, text: string): SourceFile => ({ path, language, text, bytes: text.length });

describe('languageOf', () => {
  it('maps extensions and config file names to languages', () => {
    expect(['a.ts', 'a.tsx', 'a.mts', 'b.js', 'b.cjs', 'c.py', '.env', '.env.production', 'config/app.yml', 'requirements-dev.txt', 'prisma/schema.prisma', 'notes/keys.txt', 'README.md', 'conf/routes', 'app/conf/admin.routes', 'x.go', 'A.kt', 'b.scala', 'c.cs', 'd.php', 'e.rs', 'F.java']
      .map((p) => languageOf(p) ?? '-'))
      .toEqual(['typescript', 'typescript', 'typescript', 'javascript', 'javascript', 'python', 'text', 'text', 'text', 'text', 'text', 'text', '-', 'text', 'text', 'go', 'kotlin', 'scala', 'csharp', 'php', 'rust', 'java']);
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

describe('tree-sitter grammars of the other languages', () => {
  const samples: [LanguageId, string, string, string][] = [
    ['go', 'main.go', 'package main\n\nfunc main() { r.GET("/x", h) }\n', 'call_expression'],
    ['java', 'A.java', '@RestController\nclass A { @GetMapping("/x") String f() { return ""; } }\n', 'method_declaration'],
    ['kotlin', 'A.kt', '@RestController\nclass A { @GetMapping("/x") fun f(): String = "" }\n', 'function_declaration'],
    ['php', 'web.php', '<?php\nRoute::get("/x", [A::class, "f"]);\n', 'scoped_call_expression'],
    ['csharp', 'A.cs', '[ApiController]\nclass A { [HttpGet("/x")] public string F() => ""; }\n', 'method_declaration'],
    ['rust', 'main.rs', 'fn main() { let app = Router::new().route("/x", get(h)); }\n', 'call_expression'],
    ['scala', 'A.scala', 'class A { def f() = Action { Ok("") } }\n', 'function_definition'],
  ];
  for (const [id, path, text, nodeType] of samples) {
    it(`loads the ${id} grammar and parses real syntax`, async () => {
      await initAdapters([id]);
      const result = adapterFor(id).parse(file(path, id, text));
      expect(result.ok).toBe(true);
      if (result.ok && result.tree.kind === 'tree-sitter') {
        expect(result.errors).toEqual([]);
        expect(result.tree.tree.rootNode.descendantsOfType(nodeType).length).toBeGreaterThan(0);
        adapterFor(id).dispose(result.tree);
      }
    });
  }
});
