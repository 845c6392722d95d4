// Every regular expression in the project's own source (src/ and rules/, which is where regexes
// meet repository text): RegExp literals, and `new RegExp(...)` / `RegExp(...)` whose pattern is a
// constant (a string, a template without expressions, or `[...strings].join(sep)`). Anything else
// is listed as unresolved, with its place, so that a test can insist on an explanation.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from '@babel/parser';

export interface FoundRegex {
  file: string;
  line: number;
  pattern: string;
  flags: string;
}

export interface Collected {
  regexes: FoundRegex[];
  /** `new RegExp(x)` with a pattern that is not a constant: file:line and the argument's source. */
  unresolved: { file: string; line: number; source: string }[];
  files: number;
}

type AnyNode = { type: string; start?: number | null; end?: number | null; loc?: { start: { line: number } } | null; [key: string]: unknown };

function isNode(value: unknown): value is AnyNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function walk(node: AnyNode, visit: (n: AnyNode) => void): void {
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    visit(n);
    for (const [key, value] of Object.entries(n)) {
      if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments' || key === 'innerComments') continue;
      if (Array.isArray(value)) {
        for (const v of value) if (isNode(v)) stack.push(v);
      } else if (isNode(value)) stack.push(value);
    }
  }
}

/** The constant string an expression stands for, or undefined. */
function constantString(node: AnyNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'StringLiteral') return node.value as string;
  if (node.type === 'TemplateLiteral' && (node.expressions as unknown[]).length === 0) {
    return ((node.quasis as AnyNode[])[0]!.value as { cooked: string }).cooked;
  }
  if (node.type === 'BinaryExpression' && node.operator === '+') {
    const left = constantString(node.left as AnyNode);
    const right = constantString(node.right as AnyNode);
    return left !== undefined && right !== undefined ? left + right : undefined;
  }
  // [...].join(sep) of constant strings
  if (node.type === 'CallExpression') {
    const callee = node.callee as AnyNode;
    const args = node.arguments as AnyNode[];
    if (callee.type === 'MemberExpression' && (callee.property as AnyNode).type === 'Identifier' && (callee.property as AnyNode).name === 'join'
      && (callee.object as AnyNode).type === 'ArrayExpression') {
      const parts = ((callee.object as AnyNode).elements as AnyNode[]).map((e) => constantString(e));
      const sep = args.length === 0 ? ',' : constantString(args[0]);
      if (sep !== undefined && parts.every((p) => p !== undefined)) return parts.join(sep);
    }
  }
  return undefined;
}

function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|mts|cts)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name))
    .filter((p) => !/\/(valid|invalid)\//.test(relative(root, p)))
    .sort();
}

export function collectRegexes(root: string, dirs: readonly string[] = ['src', 'rules']): Collected {
  const regexes: FoundRegex[] = [];
  const unresolved: Collected['unresolved'] = [];
  const files = dirs.flatMap((d) => sourceFiles(root, d));
  for (const abs of files) {
    const file = relative(root, abs);
    const text = readFileSync(abs, 'utf8');
    const ast = parse(text, { sourceType: 'module', plugins: ['typescript'], errorRecovery: true }) as unknown as AnyNode;
    walk(ast, (node) => {
      const line = node.loc?.start.line ?? 0;
      if (node.type === 'RegExpLiteral') {
        regexes.push({ file, line, pattern: node.pattern as string, flags: node.flags as string });
        return;
      }
      if ((node.type === 'NewExpression' || node.type === 'CallExpression') && (node.callee as AnyNode).type === 'Identifier' && (node.callee as AnyNode).name === 'RegExp') {
        const [patternArg, flagsArg] = node.arguments as AnyNode[];
        const pattern = constantString(patternArg);
        const flags = flagsArg ? constantString(flagsArg) : '';
        if (pattern !== undefined && flags !== undefined) regexes.push({ file, line, pattern, flags });
        else unresolved.push({ file, line, source: patternArg ? text.slice(patternArg.start ?? 0, Math.min(patternArg.end ?? 0, (patternArg.start ?? 0) + 120)) : '' });
      }
    });
  }
  return { regexes, unresolved, files: files.length };
}
