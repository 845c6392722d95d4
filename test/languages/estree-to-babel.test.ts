// The oxc-parser path must hand extractors the same Babel AST shape as @babel/parser: same node
// types in the same order at the same places, for every construct the converter reshapes.
import { describe, expect, it } from 'vitest';
import { parseJavaScript, parseWithBabel, withinOxcBudget } from '../../src/languages/javascript/adapter.js';
import { walk, type Node } from '../../src/extract/javascript/ast.js';

function shape(path: string, text: string, parse: typeof parseJavaScript): string[] {
  const parsed = parse({ path, language: path.endsWith('.ts') ? 'typescript' : 'javascript', text, bytes: text.length });
  if (!parsed.ok || parsed.tree.kind !== 'babel') throw new Error('parse failed');
  const out: string[] = [];
  walk(parsed.tree.ast as Node, (node) => {
    const n = node as Node & { optional?: boolean; kind?: string; value?: unknown };
    const extra = 'optional' in n && typeof n.optional === 'boolean' && n.type.startsWith('Optional') ? `?${n.optional}` : '';
    const value = n.type.endsWith('Literal') && n.type !== 'TemplateLiteral' ? `=${String(n.value)}` : '';
    out.push(`${n.type}${extra}${value}${n.kind ? `/${n.kind}` : ''}@${n.loc!.start.line}:${n.loc!.start.column}-${n.loc!.end.line}:${n.loc!.end.column}`);
  });
  const comments = (parsed.tree.ast as { comments?: { type: string; value: string; loc: { start: { line: number } } }[] }).comments ?? [];
  out.push(...comments.map((c) => `${c.type}:${c.value}@${c.loc.start.line}`));
  return out;
}

const SAMPLES: Record<string, string> = {
  'literals.js': `const a = 'é' + "x"; const b = 1.5, c = true, d = null, e = /a+b/gi, f = 10n;\n`,
  'objects.js': `const o = { a: 1, b() {}, get c() { return 1 }, set c(v) {}, [k]: 2, e, async *g() {} };\nconst { x, y: [z] = [], ...rest } = o;\n`,
  'chains.js': `a?.b.c(); a.b?.(); a?.[0]?.b; (a?.b).c; x = a.b.c?.d.e;\n`,
  'classes.ts': `/** doc */\n@Controller('u')\nexport class A extends B {\n  constructor(private readonly s: S) { super(); }\n  @Get(':id') async get(@Param('id') id: string) { return this.#p; }\n  #p = 1;\n  static q = 2;\n  #m() {}\n  get v() { return 1; }\n}\n`,
  'abstract.ts': `export abstract class C { abstract run(): void; protected x?: number; }\nenum E { A = 1, B }\nimport fs = require('fs');\nexport = C;\n`,
  'modules.js': `'use strict';\nimport d, { a as b } from './m';\nexport * as ns from './n';\nexport * from './o';\nexport default function () { return import('./lazy'); }\nconst r = require('x');\n`,
  'decorated-default.ts': `@Injectable()\nexport default class S {}\n`,
  'templates.js': "const s = `a${b}c${`d${e}`}`;\nconst t = tag`x${1}`;\n// line comment\n",
  'jsx.js': `const el = <div className="a" {...p}>{x} text <b/></div>;\n`,
};

describe('oxc-parser AST reshaped to Babel', () => {
  for (const [path, text] of Object.entries(SAMPLES)) {
    it(`matches @babel/parser node for node on ${path}`, () => {
      // Sorted: decorators come first in oxc's key order and last in Babel's; nothing reads that order.
      const a = shape(path, text, parseJavaScript).sort(), b = shape(path, text, parseWithBabel).sort();
      if (process.env.SHAPE_DEBUG) for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) console.log(path, i, a[i], "| babel:", b[i]);
      expect(a).toEqual(b);
    });
  }

  it('attaches leading comments to statements as Babel does', () => {
    const text = `// a\n/** @swagger tags: [x] */\nrouter.get('/x', h);\n`;
    const parsed = parseJavaScript({ path: 'r.js', language: 'javascript', text, bytes: text.length });
    if (!parsed.ok || parsed.tree.kind !== 'babel') throw new Error('parse failed');
    const stmt = (parsed.tree.ast as { program: { body: { leadingComments?: { value: string }[] }[] } }).program.body[0]!;
    expect(stmt.leadingComments?.map((c) => c.value)).toEqual([' a', '* @swagger tags: [x] ']);
  });

  it('leaves files that could exhaust the native stack, and broken files, to Babel', () => {
    expect(withinOxcBudget('x = a ? b : c;\n')).toBe(true);
    expect(withinOxcBudget(`x = ${'a ? b : '.repeat(2000)}c;`)).toBe(false);
    expect(withinOxcBudget(`x = ${'-'.repeat(20_000)}1;`)).toBe(false);
    expect(withinOxcBudget(`x = ${'new '.repeat(7000)}A;`)).toBe(false); // 12,000 \`new\` levels crash a 4 MB thread
    expect(withinOxcBudget(`function* g() { x = ${'yield '.repeat(7000)}a }`)).toBe(false);
    // Flow annotations in a .js file: oxc refuses them, Babel's flow plugin reads them.
    const text = 'function f(x: number): string { return "" }\nrouter.get("/x", f);\n';
    const flow = parseJavaScript({ path: 'b.js', language: 'javascript', text, bytes: text.length });
    expect(flow.ok).toBe(true);
    expect(shape('b.js', text, parseJavaScript)).toContain('FunctionDeclaration@1:0-1:43');
  });
});
