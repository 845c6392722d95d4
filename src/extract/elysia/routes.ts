// Elysia: `new Elysia({ prefix })` instances (imported from 'elysia'), bound to a variable, exported or
// inline, and their method chains: `.get/.post/.put/.patch/.delete/.options/.head/.all(path, handler)`,
// `.route('METHOD', path, handler)`, `.group('/prefix', [hooks,] (app) => app.get(...))`,
// `.guard(hooks, (app) => ...)`, and `.use(otherInstance)` mounts (plugins keep their own prefix).
// Routes are registered on the instance the chain starts from, with group prefixes joined here.
import type * as t from '@babel/types';
import type { Fact, HttpMethod, RefExpr } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { isTestFile, methodFromString } from '../express/frameworks.js';
import { loc, memberPath, objectProperty, stringValue, walk, type Node } from '../javascript/ast.js';
import { exportLocalName } from '../javascript/modules.js';
import type { Extractor } from '../types.js';

const FRAMEWORK = 'elysia';

const VERBS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', options: 'OPTIONS', head: 'HEAD', all: 'ANY',
};

interface Target {
  ref: string[];
  prefix: string;
}

function joinPrefix(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return `${a.replace(/\/+$/, '')}/${b.replace(/^\/+/, '')}`;
}

function elysiaClasses(program: t.Program): Set<string> {
  const names = new Set<string>();
  for (const stmt of program.body) {
    if (stmt.type !== 'ImportDeclaration' || stmt.source.value !== 'elysia') continue;
    for (const spec of stmt.specifiers) {
      if (spec.type === 'ImportSpecifier' && (spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value) === 'Elysia') names.add(spec.local.name);
      else if (spec.type === 'ImportDefaultSpecifier') names.add(spec.local.name);
    }
  }
  return names;
}

function memberName(node: Node): string | undefined {
  return node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' ? node.property.name : undefined;
}

export function extractElysiaRoutes(file: ParsedFile): Fact[] {
  if (file.tree.kind !== 'babel' || isTestFile(file.path)) return [];
  const program = file.tree.ast.program;
  const classes = elysiaClasses(program);
  if (classes.size === 0) return [];
  const facts: Fact[] = [];
  const instances = new Map<Node, string[]>(); // NewExpression -> ref path
  const variables = new Map<string, string[]>(); // binding name -> ref path
  const groupParams = new Map<Node, { name: string; target: Target }>(); // callback fn -> its instance param
  const ref = (path: string[]): RefExpr => ({ file: file.path, path });

  // Pass 1: instances and the names they are bound to (the top of their chain decides).
  walk(program, (node, ancestors) => {
    if (node.type !== 'NewExpression' || node.callee.type !== 'Identifier' || !classes.has(node.callee.name)) return undefined;
    let top: Node = node;
    let i = ancestors.length - 1;
    while (i >= 1) {
      const member = ancestors[i]!;
      const call = ancestors[i - 1]!;
      if (member.type === 'MemberExpression' && member.object === top && call.type === 'CallExpression' && call.callee === member) {
        top = call;
        i -= 2;
      } else break;
    }
    const parent = ancestors[i];
    let path: string[];
    if (parent?.type === 'VariableDeclarator' && parent.init === top && parent.id.type === 'Identifier') path = [parent.id.name];
    else if (parent?.type === 'ExportDefaultDeclaration') path = [exportLocalName('default')];
    else path = [`__elysia_${node.loc?.start.line ?? 0}_${node.loc?.start.column ?? 0}`];
    instances.set(node, path);
    if (path.length === 1 && parent?.type === 'VariableDeclarator') variables.set(path[0]!, path);
    const prefix = stringValue(objectProperty(node.arguments[0] as Node | undefined, 'prefix'));
    facts.push({ kind: 'router', framework: FRAMEWORK, ref: ref(path), location: loc(file.path, node), ...(prefix ? { prefix } : {}) });
    return undefined;
  });
  if (instances.size === 0) return facts;

  const resolve = (expr: Node | undefined, ancestors: readonly Node[]): Target | undefined => {
    let current = expr;
    let extra = '';
    while (current) {
      if (current.type === 'CallExpression' && current.callee.type === 'MemberExpression') {
        current = current.callee.object as Node;
        continue;
      }
      if (current.type === 'NewExpression') {
        const path = instances.get(current);
        return path ? { ref: path, prefix: extra } : undefined;
      }
      if (current.type === 'Identifier') {
        const name = current.name;
        // The nearest enclosing group callback whose instance parameter is this name.
        for (let i = ancestors.length - 1; i >= 0; i--) {
          const group = groupParams.get(ancestors[i]!);
          if (group && group.name === name) return { ref: group.target.ref, prefix: joinPrefix(group.target.prefix, extra) };
        }
        const path = variables.get(name);
        return path ? { ref: path, prefix: extra } : undefined;
      }
      if (current.type === 'ParenthesizedExpression' || current.type === 'TSAsExpression' || current.type === 'TSNonNullExpression') {
        current = current.expression as Node;
        continue;
      }
      return undefined;
    }
    return undefined;
  };

  // Pass 2: calls on instances, in source order (a group call is seen before the calls in its callback).
  walk(program, (node, ancestors) => {
    if (node.type !== 'CallExpression') return undefined;
    const callee = node.callee as Node;
    const name = memberName(callee);
    if (!name || callee.type !== 'MemberExpression') return undefined;
    const target = resolve(callee.object as Node, ancestors);
    if (!target) return undefined;
    const args = node.arguments as Node[];
    const at = loc(file.path, node);
    const verb = VERBS[name];
    if (verb || name === 'route') {
      const method = verb ?? methodFromString(stringValue(args[0]) ?? '');
      const path = stringValue(args[verb ? 0 : 1]);
      if (!method || path === undefined || args.length < (verb ? 2 : 3)) return undefined;
      const handler = args[verb ? 1 : 2];
      facts.push({
        kind: 'route', framework: FRAMEWORK, method, path: joinPrefix(target.prefix, path) || '/', router: ref(target.ref), location: at,
        handler: { name: handler ? (memberPath(handler)?.join('.') ?? '<anonymous>') : '<anonymous>' },
      });
    } else if (name === 'group' || name === 'guard') {
      const prefix = name === 'group' ? stringValue(args[0]) : '';
      if (prefix === undefined) return undefined;
      const fn = args[args.length - 1];
      if (fn?.type !== 'ArrowFunctionExpression' && fn?.type !== 'FunctionExpression') return undefined;
      const param = fn.params[0];
      if (param?.type !== 'Identifier') return undefined;
      groupParams.set(fn, { name: param.name, target: { ref: target.ref, prefix: joinPrefix(target.prefix, prefix) } });
    } else if (name === 'use' && args.length === 1) {
      const arg = args[0]!;
      let child: string[] | undefined;
      if (arg.type === 'Identifier' || arg.type === 'MemberExpression') {
        child = memberPath(arg);
        // A plain identifier that is not an instance of this file may be an imported instance, or a plugin
        // function: the model links it only when it resolves to an instance.
      } else {
        const inner = resolve(arg, ancestors);
        if (inner && !inner.prefix) child = inner.ref;
      }
      if (child) facts.push({ kind: 'mount', framework: FRAMEWORK, parent: ref(target.ref), child: ref(child), prefix: target.prefix, location: at });
    }
    return undefined;
  });
  return facts;
}

export const elysiaRoutes: Extractor = {
  id: 'elysia/routes',
  languages: ['javascript', 'typescript'],
  keywords: ['elysia'],
  extract: extractElysiaRoutes,
};
