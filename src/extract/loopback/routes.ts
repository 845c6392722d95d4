// LoopBack 4 controllers: operation decorators from '@loopback/rest' / '@loopback/openapi-v3' on class
// methods (`@get('/products/{id}')`, `@post`, `@put`, `@patch`, `@del`, `@operation('get', '/x')`), the
// class decorator `@api({ basePath: '/v1' })` as a prefix, and `@authenticate(...)` (class or method)
// as auth middleware. `app.basePath('/api')` / `this.basePath('/api')` is a global prefix.
import type * as t from '@babel/types';
import type { Fact, HttpMethod, MiddlewareRef } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { isTestFile, methodFromString } from '../express/frameworks.js';
import { loc, memberPath, objectProperty, stringValue, walk, type Node } from '../javascript/ast.js';
import { middlewareRef } from '../javascript/middleware-roles.js';
import type { Extractor } from '../types.js';

const FRAMEWORK = 'loopback';

const SOURCES = new Set(['@loopback/rest', '@loopback/openapi-v3']);
const VERBS: Record<string, HttpMethod> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', del: 'DELETE' };

interface Names {
  /** Local decorator name -> imported name ('get', 'operation', 'api'). */
  decorators: Map<string, string>;
  /** Local names of `authenticate` from @loopback/authentication. */
  authenticate: Set<string>;
  /** `import * as rest from '@loopback/rest'`. */
  namespaces: Set<string>;
}

function readImports(program: t.Program): Names | undefined {
  const names: Names = { decorators: new Map(), authenticate: new Set(), namespaces: new Set() };
  let found = false;
  for (const stmt of program.body) {
    if (stmt.type !== 'ImportDeclaration') continue;
    const source = stmt.source.value;
    if (SOURCES.has(source)) {
      found = true;
      for (const spec of stmt.specifiers) {
        if (spec.type === 'ImportSpecifier') names.decorators.set(spec.local.name, spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value);
        else names.namespaces.add(spec.local.name);
      }
    } else if (source === '@loopback/authentication') {
      for (const spec of stmt.specifiers) {
        if (spec.type === 'ImportSpecifier' && (spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value) === 'authenticate') names.authenticate.add(spec.local.name);
      }
    }
  }
  return found ? names : undefined;
}

/** The decorator's imported name and arguments: `@get('/x')` -> ['get', args]; `@rest.get(...)` too. */
function decoratorCall(names: Names, decorator: t.Decorator): { name: string; args: Node[]; callee: string[] } | undefined {
  const expr = decorator.expression as Node;
  if (expr.type !== 'CallExpression') return undefined;
  const callee = memberPath(expr.callee as Node);
  if (!callee) return undefined;
  let name: string | undefined;
  if (callee.length === 1) name = names.decorators.get(callee[0]!);
  else if (callee.length === 2 && names.namespaces.has(callee[0]!)) name = callee[1];
  return name ? { name, args: expr.arguments as Node[], callee } : { name: '', args: expr.arguments as Node[], callee };
}

function joinBase(base: string, path: string): string {
  if (!base) return path;
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function authOf(file: ParsedFile, names: Names, decorators: readonly t.Decorator[] | null | undefined): MiddlewareRef[] {
  const out: MiddlewareRef[] = [];
  for (const d of decorators ?? []) {
    const call = decoratorCall(names, d);
    if (!call) continue;
    const head = call.callee[0]!;
    if (!names.authenticate.has(head)) continue;
    // @authenticate('jwt') requires auth; @authenticate.skip() opts out.
    const name = call.callee.length === 1 ? 'authenticate' : `authenticate.${call.callee.slice(1).join('.')}`;
    out.push(call.callee.length === 1 ? { name, role: 'auth', location: loc(file.path, d) } : middlewareRef(name, loc(file.path, d)));
  }
  return out;
}

function classRoutes(file: ParsedFile, names: Names, cls: t.Class, facts: Fact[]): void {
  let base = '';
  for (const d of cls.decorators ?? []) {
    const call = decoratorCall(names, d);
    if (call?.name !== 'api') continue;
    const value = stringValue(objectProperty(call.args[0], 'basePath'));
    if (value !== undefined) base = value;
  }
  const classAuth = authOf(file, names, cls.decorators);
  for (const member of cls.body.body) {
    if (member.type !== 'ClassMethod' || !member.decorators?.length) continue;
    const methodAuth = authOf(file, names, member.decorators);
    const skip = methodAuth.some((m) => m.name === 'authenticate.skip');
    const middleware = skip ? methodAuth : [...classAuth, ...methodAuth];
    for (const d of member.decorators) {
      const call = decoratorCall(names, d);
      if (!call || !call.name) continue;
      let method: HttpMethod | undefined;
      let path: string | undefined;
      if (call.name === 'operation') {
        method = methodFromString(stringValue(call.args[0]) ?? '');
        path = stringValue(call.args[1]);
      } else {
        method = VERBS[call.name];
        path = stringValue(call.args[0]);
      }
      if (!method || path === undefined) continue;
      const key = member.key;
      const methodName = key.type === 'Identifier' ? key.name : stringValue(key as Node) ?? '<method>';
      facts.push({
        kind: 'route', framework: FRAMEWORK, method, path: joinBase(base, path), location: loc(file.path, d),
        handler: { name: `${cls.id?.name ?? '<class>'}.${methodName}`, location: loc(file.path, member) },
        ...(middleware.length ? { middleware } : {}),
      });
    }
  }
}

export function extractLoopbackRoutes(file: ParsedFile): Fact[] {
  if (file.tree.kind !== 'babel' || isTestFile(file.path)) return [];
  const program = file.tree.ast.program;
  const names = readImports(program);
  if (!names) return [];
  const facts: Fact[] = [];
  walk(program, (node) => {
    if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') {
      classRoutes(file, names, node, facts);
    } else if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && !node.callee.computed
      && node.callee.property.type === 'Identifier' && node.callee.property.name === 'basePath' && node.arguments.length === 1) {
      // RestApplication#basePath('/api')
      const prefix = stringValue(node.arguments[0] as Node);
      if (prefix !== undefined && prefix !== '' && prefix !== '/') facts.push({ kind: 'global-prefix', framework: FRAMEWORK, prefix, location: loc(file.path, node) });
    }
    return undefined;
  });
  return facts;
}

export const loopbackRoutes: Extractor = {
  id: 'loopback/routes',
  languages: ['javascript', 'typescript'],
  keywords: ['@loopback/rest', '@loopback/openapi-v3'],
  extract: extractLoopbackRoutes,
};
