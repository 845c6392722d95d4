// The shared per-tree index behind `walk`, `field` and friends must answer exactly what the
// node-by-node tree-sitter / Babel API answers: same nodes, same order, same fields.
import { describe, expect, it } from 'vitest';
import type { Node } from 'web-tree-sitter';
import { walk as walkBabel, type Node as BabelNode } from '../../../src/extract/javascript/ast.js';
import {
  descendants, field, fieldChildren, indexed, memoByNode, rootOf, textOf, treeIndex, walk,
} from '../../../src/extract/tree-sitter/ast.js';
import { javascriptAdapter } from '../../../src/languages/javascript/adapter.js';
import { pythonAdapter } from '../../../src/languages/python/adapter.js';

const PY = [
  'import os, sys as system',
  'from .models import (User,  # the user',
  '    Group as G)',
  'x: int = 1',
  'y: str',
  'a = b = f(1, key=os.environ.get("K", "v"))',
  'total = (a  # comment',
  '    .b)',
  'cfg = {"ENGINE": "django.db.backends.postgresql", **extra}',
  '@app.route("/p/<int:id>", methods=["GET"])',
  'def handler(request, *args, flag=False, **kw):',
  '    return f"{request.path!r} {flag}" + \'\\n\'',
  'class C(Base, metaclass=M):',
  '    def m(self): return self.x.y(z)',
  'broken = (1, ',
].join('\n');

async function parsePython(text: string) {
  await pythonAdapter.init();
  const parsed = pythonAdapter.parse({ path: 't.py', language: 'python', text, bytes: text.length });
  if (!parsed.ok || parsed.tree.kind !== 'tree-sitter') throw new Error('parse failed');
  return parsed.tree.tree;
}

/** Named nodes in pre-order, read node by node through wasm (what walk used to do). */
function slowWalk(root: Node): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    for (let i = node.namedChildCount - 1; i >= 0; i--) {
      const child = node.namedChild(i);
      if (child) stack.push(child);
    }
  }
  return out;
}

const describeNode = (n: Node | null | undefined) => (n ? `${n.type}@${n.startIndex}:${n.id}` : String(n));

describe('tree-sitter index', () => {
  it('walks the named nodes in the order, with the types and parents, of the wasm API', async () => {
    const tree = await parsePython(PY);
    const expected = slowWalk(tree.rootNode);
    const seen: Node[] = [];
    walk(tree.rootNode, (n) => void seen.push(n));
    expect(seen.map(describeNode)).toEqual(expected.map(describeNode));
    expect(seen.map((n) => describeNode(n.parent))).toEqual(expected.map((n) => describeNode(n.parent)));
    expect(seen.map((n) => n.type)).toEqual(expected.map((n) => n.type));
    expect(treeIndex(tree).nodes.length).toBe(expected.length);
  });

  it('skips a subtree when enter returns false, and walks subtrees from any node object', async () => {
    const tree = await parsePython(PY);
    const skipped: string[] = [];
    walk(tree.rootNode, (n) => {
      skipped.push(n.type);
      return n.type === 'function_definition' ? false : undefined;
    });
    expect(skipped).toContain('function_definition');
    expect(skipped).not.toContain('return_statement');
    const fn = tree.rootNode.descendantsOfType('function_definition')[0]!; // a fresh node object
    const inner: string[] = [];
    walk(fn, (n) => void inner.push(describeNode(n)));
    expect(inner).toEqual(slowWalk(fn).map(describeNode));
  });

  it('answers fields, field children and text like childForFieldName / childrenForFieldName / text', async () => {
    const tree = await parsePython(PY);
    let checked = 0;
    for (const node of slowWalk(tree.rootNode)) {
      for (const name of ['function', 'arguments', 'object', 'attribute', 'name', 'value', 'key', 'left', 'right', 'type', 'module_name', 'body', 'operator', 'alias']) {
        const viaWasm = node.childForFieldName(name);
        expect(describeNode(field(node, name)), `${node.type}.${name}`).toBe(describeNode(viaWasm));
        if (viaWasm) checked++;
      }
      expect(fieldChildren(node, 'name').map(describeNode)).toEqual(node.childrenForFieldName('name').map(describeNode));
      expect(textOf(node)).toBe(node.text);
    }
    expect(checked).toBeGreaterThan(40);
    expect(field(null, 'name')).toBeUndefined();
    expect(textOf(undefined)).toBeUndefined();
  });

  it('gives the indexed object for any object of a node, and memoises per node', async () => {
    const tree = await parsePython(PY);
    const calls = tree.rootNode.descendantsOfType('call');
    const indexedCalls = descendants(tree.rootNode, ['call']);
    expect(indexedCalls.map(describeNode)).toEqual(calls.map(describeNode));
    for (const [i, call] of calls.entries()) expect(indexed(call!)).toBe(indexedCalls[i]);
    expect(rootOf(tree)).toBe(indexed(tree.rootNode));
    const key = {};
    let computed = 0;
    const first = memoByNode(key, calls[0]!, () => { computed++; return undefined; });
    const again = memoByNode(key, indexedCalls[0]!, () => { computed++; return 'other'; });
    expect([first, again, computed]).toEqual([undefined, undefined, 1]);
  });

  it('keeps working when another tree was indexed in between', async () => {
    const one = await parsePython('a = f(1)');
    const two = await parsePython('b = g(2)');
    const callOne = descendants(one.rootNode, ['call'])[0]!;
    treeIndex(two);
    expect(textOf(field(callOne, 'function'))).toBe('f');
    expect(descendants(two.rootNode, ['call']).map((c) => textOf(field(c, 'function')))).toEqual(['g']);
  });
});

describe('Babel walk', () => {
  it('visits the same nodes with the same ancestors as a node-by-node walk, and skips subtrees', async () => {
    const text = 'import x from "y";\nfunction f(a, { b }) { return a ? g(b) : [1, ...c]; }\nclass K { m() { this.v = `t${1}`; } }\n';
    const parsed = javascriptAdapter.parse({ path: 't.js', language: 'javascript', text, bytes: text.length });
    if (!parsed.ok || parsed.tree.kind !== 'babel') throw new Error('parse failed');
    const program = parsed.tree.ast.program as BabelNode;
    const viaProgram: string[] = [];
    walkBabel(program, (n, ancestors) => void viaProgram.push(`${n.type}<${ancestors.map((a) => a.type).join('/')}`));
    // A walk from an inner node goes node by node; from the program it reads the shared order.
    const fn = (parsed.tree.ast.program.body[1] as unknown) as BabelNode;
    const viaInner: string[] = [];
    walkBabel(fn, (n, ancestors) => void viaInner.push(`${n.type}<${ancestors.map((a) => a.type).join('/')}`));
    const start = viaProgram.indexOf('FunctionDeclaration<Program');
    expect(viaInner.length).toBeGreaterThan(10);
    expect(viaProgram.slice(start, start + viaInner.length).map((s) => s.replace(/^([^<]*)<Program\/?/, '$1<'))).toEqual(viaInner);
    const skipped: string[] = [];
    walkBabel(program, (n) => {
      skipped.push(n.type);
      return n.type === 'FunctionDeclaration' ? false : undefined;
    });
    expect(skipped).toContain('ClassDeclaration');
    expect(skipped).not.toContain('ReturnStatement');
    expect(viaProgram).toContain('ReturnStatement<Program/FunctionDeclaration/BlockStatement');
  });
});
