// Lexical bindings of one JS/TS file: which name is declared where, and as what (import, variable,
// parameter, function, class, enum). Function-level scopes only: block-scoped `let`/`const` are
// hoisted to their function, which is enough to tell a plugin's `fastify` parameter from a
// top-level `fastify` app. Shared by the Express, Koa, Fastify and Hono extractors.
import type * as t from '@babel/types';
import { walk, type Node } from '../javascript/ast.js';

export type ScopeOwner = t.Program | FunctionNode;
export type FunctionNode =
  | t.FunctionDeclaration | t.FunctionExpression | t.ArrowFunctionExpression
  | t.ObjectMethod | t.ClassMethod | t.ClassPrivateMethod;

export type Binding =
  | { kind: 'import'; name: string; source: string; imported: string; node: Node; scope: ScopeOwner[] }
  | { kind: 'var'; name: string; init: Node | undefined; declarator: Node; isConst: boolean; scope: ScopeOwner[] }
  | { kind: 'param'; name: string; fn: FunctionNode; index: number; param: Node; scope: ScopeOwner[] }
  | { kind: 'function'; name: string; fn: t.FunctionDeclaration; scope: ScopeOwner[] }
  | { kind: 'class'; name: string; node: t.ClassDeclaration; scope: ScopeOwner[] }
  | { kind: 'enum'; name: string; node: t.TSEnumDeclaration; scope: ScopeOwner[] }
  | { kind: 'other'; name: string; scope: ScopeOwner[] };

export interface Bindings {
  program: t.Program;
  /** The binding `name` refers to from inside `scope` (outermost first), or undefined for globals. */
  lookup(name: string, scope: readonly ScopeOwner[]): Binding | undefined;
  /** Every binding declared directly in `owner`. */
  declaredIn(owner: ScopeOwner): ReadonlyMap<string, Binding>;
  /** The scope chain (outermost first) of a node, given its ancestors from `walk`. */
  scopeOf(ancestors: readonly Node[]): ScopeOwner[];
  /** Parent of each node (as seen by `walk`). */
  parentOf(node: Node): Node | undefined;
}

export function isFunctionNode(node: Node): node is FunctionNode {
  switch (node.type) {
    case 'FunctionDeclaration': case 'FunctionExpression': case 'ArrowFunctionExpression':
    case 'ObjectMethod': case 'ClassMethod': case 'ClassPrivateMethod':
      return true;
    default:
      return false;
  }
}

/** `require('x')` -> 'x'. */
export function requireSource(node: Node | null | undefined): string | undefined {
  if (!node || node.type !== 'CallExpression') return undefined;
  if (node.callee.type !== 'Identifier' || node.callee.name !== 'require') return undefined;
  const arg = node.arguments[0];
  return arg && arg.type === 'StringLiteral' ? arg.value : undefined;
}

/** Strips TS-only wrappers and parentheses: `x as Y`, `x!`, `(x)`, `await x` is kept. */
export function unwrap(node: Node | null | undefined): Node | undefined {
  let cur = node ?? undefined;
  while (cur && (cur.type === 'TSAsExpression' || cur.type === 'TSNonNullExpression' || cur.type === 'ParenthesizedExpression'
    || cur.type === 'TSSatisfiesExpression' || cur.type === 'TSTypeAssertion')) {
    cur = cur.expression;
  }
  return cur;
}

function paramName(param: Node): string | undefined {
  if (param.type === 'Identifier') return param.name;
  if (param.type === 'AssignmentPattern' && param.left.type === 'Identifier') return param.left.name;
  if (param.type === 'TSParameterProperty') return paramName(param.parameter);
  return undefined;
}

function patternNames(pattern: Node, out: string[]): void {
  switch (pattern.type) {
    case 'Identifier': out.push(pattern.name); break;
    case 'AssignmentPattern': patternNames(pattern.left, out); break;
    case 'RestElement': patternNames(pattern.argument, out); break;
    case 'ArrayPattern': for (const el of pattern.elements) if (el) patternNames(el, out); break;
    case 'ObjectPattern':
      for (const prop of pattern.properties) {
        if (prop.type === 'RestElement') patternNames(prop.argument, out);
        else patternNames(prop.value as Node, out);
      }
      break;
    default: break;
  }
}

function propertyKeyName(key: Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral') return key.value;
  return undefined;
}

export function analyzeBindings(program: t.Program): Bindings {
  const scopes = new Map<ScopeOwner, Map<string, Binding>>();
  const parents = new Map<Node, Node>();
  const declare = (owner: ScopeOwner, binding: Binding) => {
    let map = scopes.get(owner);
    if (!map) scopes.set(owner, (map = new Map()));
    if (!map.has(binding.name) || binding.kind !== 'other') map.set(binding.name, binding);
  };
  scopes.set(program, new Map());
  const scopeOf = (ancestors: readonly Node[]): ScopeOwner[] => {
    const out: ScopeOwner[] = [];
    for (const a of ancestors) if (a.type === 'Program' || isFunctionNode(a)) out.push(a as ScopeOwner);
    if (out.length === 0) out.push(program);
    return out;
  };

  walk(program, (node, ancestors) => {
    const parent = ancestors[ancestors.length - 1];
    if (parent) parents.set(node, parent);
    const chain = () => scopeOf(ancestors);
    const owner = () => { const c = chain(); return c[c.length - 1]!; };
    switch (node.type) {
      case 'ImportDeclaration': {
        const source = node.source.value;
        for (const spec of node.specifiers) {
          const imported = spec.type === 'ImportDefaultSpecifier' ? 'default'
            : spec.type === 'ImportNamespaceSpecifier' ? '*'
              : spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value;
          declare(program, { kind: 'import', name: spec.local.name, source, imported, node: spec, scope: [program] });
        }
        break;
      }
      case 'TSImportEqualsDeclaration': {
        const ref = node.moduleReference;
        if (ref.type === 'TSExternalModuleReference') {
          declare(owner(), { kind: 'import', name: node.id.name, source: ref.expression.value, imported: 'default', node, scope: chain() });
        }
        break;
      }
      case 'VariableDeclarator': {
        const decl = parent && parent.type === 'VariableDeclaration' ? parent : undefined;
        const isConst = decl?.kind === 'const';
        const init = unwrap(node.init);
        const src = requireSource(init);
        if (node.id.type === 'Identifier') {
          if (src !== undefined) {
            declare(owner(), { kind: 'import', name: node.id.name, source: src, imported: 'default', node, scope: chain() });
          } else if (init && init.type === 'MemberExpression' && requireSource(init.object) !== undefined && !init.computed && init.property.type === 'Identifier') {
            declare(owner(), { kind: 'import', name: node.id.name, source: requireSource(init.object)!, imported: init.property.name, node, scope: chain() });
          } else {
            declare(owner(), { kind: 'var', name: node.id.name, init, declarator: node, isConst, scope: chain() });
          }
        } else if (node.id.type === 'ObjectPattern' && src !== undefined) {
          for (const prop of node.id.properties) {
            if (prop.type !== 'ObjectProperty') continue;
            const key = propertyKeyName(prop.key);
            const value = prop.value.type === 'AssignmentPattern' ? prop.value.left : prop.value;
            if (key && value.type === 'Identifier') {
              declare(owner(), { kind: 'import', name: value.name, source: src, imported: key, node: prop, scope: chain() });
            }
          }
        } else {
          const names: string[] = [];
          patternNames(node.id, names);
          for (const name of names) declare(owner(), { kind: 'other', name, scope: chain() });
        }
        break;
      }
      case 'FunctionDeclaration':
        if (node.id) declare(owner(), { kind: 'function', name: node.id.name, fn: node, scope: chain() });
        break;
      case 'ClassDeclaration':
        if (node.id) declare(owner(), { kind: 'class', name: node.id.name, node, scope: chain() });
        break;
      case 'TSEnumDeclaration':
        declare(owner(), { kind: 'enum', name: node.id.name, node, scope: chain() });
        break;
      case 'CatchClause':
        if (node.param) {
          const names: string[] = [];
          patternNames(node.param, names);
          for (const name of names) declare(owner(), { kind: 'other', name, scope: chain() });
        }
        break;
      default:
        break;
    }
    if (isFunctionNode(node)) {
      const fnChain = [...chain(), node];
      scopes.set(node, scopes.get(node) ?? new Map());
      node.params.forEach((param, index) => {
        const name = paramName(param as Node);
        if (name) declare(node, { kind: 'param', name, fn: node, index, param: param as Node, scope: fnChain });
        else {
          const names: string[] = [];
          patternNames(param as Node, names);
          for (const n of names) declare(node, { kind: 'other', name: n, scope: fnChain });
        }
      });
    }
    return undefined;
  });

  return {
    program,
    lookup(name, scope) {
      for (let i = scope.length - 1; i >= 0; i--) {
        const found = scopes.get(scope[i]!)?.get(name);
        if (found) return found;
      }
      return undefined;
    },
    declaredIn: (owner) => scopes.get(owner) ?? new Map(),
    scopeOf,
    parentOf: (node) => parents.get(node),
  };
}
