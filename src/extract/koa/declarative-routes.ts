// Declarative Koa route tables (Strapi plugins and similar): an exported array of
// `{ method: 'GET', path: '/items', handler: 'item.find', config }` objects. Only objects that have
// all three keys and sit in what the module exports (module.exports / export default, directly,
// returned by an exported function, or under `routes:`) count; request catalogues without a
// handler and hapi's `server.route({...})` do not.
import type * as t from '@babel/types';
import type { Fact, MiddlewareRef, RouteFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, walk, type Node } from '../javascript/ast.js';
import { commonJsExportName } from '../javascript/modules.js';
import { middlewareRef } from '../javascript/middleware-roles.js';
import { isFunctionNode, unwrap } from '../express/bindings.js';
import { isTestFile, methodFromString } from '../express/frameworks.js';
import type { Extractor } from '../types.js';

function keyOf(key: Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral') return key.value;
  return undefined;
}

function valueOf(obj: t.ObjectExpression, key: string): Node | undefined {
  for (const prop of obj.properties) {
    if (prop.type === 'ObjectProperty' && !prop.computed && keyOf(prop.key as Node) === key) return prop.value as Node;
  }
  return undefined;
}

/** Is this node (an array of route objects) part of what the module exports? */
function isExported(ancestors: readonly Node[]): boolean {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const a = ancestors[i]!;
    if (a.type === 'CallExpression' || a.type === 'NewExpression') return false;
    if (a.type === 'ExportDefaultDeclaration' || a.type === 'ExportNamedDeclaration') return true;
    if (a.type === 'AssignmentExpression' && commonJsExportName(a.left as Node) !== undefined) return true;
    if (isFunctionNode(a)) continue;
  }
  return false;
}

function handlerName(node: Node): string | undefined {
  const n = unwrap(node);
  if (n?.type === 'StringLiteral') return n.value;
  if (n?.type === 'Identifier') return n.name;
  return undefined;
}

function extractDeclarativeRoutes(file: ParsedFile): Fact[] {
  if (file.tree.kind !== 'babel' || isTestFile(file.path)) return [];
  const program = file.tree.ast.program;
  for (const stmt of program.body) {
    if (stmt.type === 'ImportDeclaration' && /hapi/.test(stmt.source.value)) return [];
  }
  const facts: Fact[] = [];
  walk(program, (node, ancestors) => {
    if (node.type !== 'ObjectExpression') return undefined;
    const parent = ancestors[ancestors.length - 1];
    if (parent?.type !== 'ArrayExpression') return undefined;
    const methodNode = unwrap(valueOf(node, 'method'));
    const pathNode = unwrap(valueOf(node, 'path'));
    const handler = valueOf(node, 'handler');
    if (methodNode?.type !== 'StringLiteral' || pathNode?.type !== 'StringLiteral' || !handler) return undefined;
    // Strapi names its handlers ('item.find'); a table of inline functions is a hapi route module.
    const handlerNode = unwrap(handler);
    if (handlerNode && isFunctionNode(handlerNode)) return undefined;
    const method = methodFromString(methodNode.value);
    if (!method || !pathNode.value.startsWith('/') || !isExported(ancestors)) return undefined;
    const middleware: MiddlewareRef[] = [];
    const config = unwrap(valueOf(node, 'config'));
    if (config?.type === 'ObjectExpression') {
      const auth = unwrap(valueOf(config, 'auth'));
      if (auth?.type === 'BooleanLiteral' && auth.value === false) {
        // Strapi's `auth: false` makes the route public: no auth middleware.
      } else if (auth) {
        middleware.push({ ...middlewareRef('strapi.auth', loc(file.path, auth)), role: 'auth' });
      }
    }
    const name = handlerName(handler);
    const fact: RouteFact = {
      kind: 'route', framework: 'koa', method, path: pathNode.value, location: loc(file.path, node),
      ...(name ? { handler: { name, location: loc(file.path, handler) } } : {}),
      ...(middleware.length > 0 ? { middleware } : {}),
    };
    facts.push(fact);
    return false;
  });
  return facts;
}

export const koaDeclarativeRoutes: Extractor = {
  id: 'koa/declarative-routes',
  languages: ['javascript', 'typescript'],
  keywords: ['handler'],
  extract: extractDeclarativeRoutes,
};
