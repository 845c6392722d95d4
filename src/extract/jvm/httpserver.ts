// The JDK's built-in server (com.sun.net.httpserver): `server.createContext("/path", handler)`.
// A context receives every method under its path; the methods reported are those the handler
// compares the request method with (`"POST".equals(ex.getRequestMethod())`, `.equals("GET")`,
// `switch (ex.getRequestMethod())` / on a local holding it, `case "GET" ->`), found in a lambda body,
// an anonymous HttpHandler, a handler class declared in the file (`new UploadHandler()`) or a method
// reference to a method of the file (`App::health`). A handler that never branches on the method
// (or that cannot be followed) is reported as GET, the method such contexts are written for.
import type { Fact, HttpMethod } from '../../core/facts.js';
import { loc, namedChildren, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { argStrings } from './calls.js';
import { javaStringValue } from './java-ast.js';
import type { JvmFile } from './jvm-source.js';
import { allClasses } from './jvm-source.js';
import { isTestSource, outlineOf } from './outline.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const VERBS = new Set<HttpMethod>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE']);
const CASE_CHANGES = new Set(['toUpperCase', 'toLowerCase', 'trim', 'strip', 'name', 'toString']);

/** `ex.getRequestMethod()`, optionally followed by case / whitespace normalisation, or a local holding one. */
function isMethodExpr(node: Node | null | undefined, locals: ReadonlySet<string>): boolean {
  let current = node;
  while (current?.type === 'parenthesized_expression') current = namedChildren(current)[0];
  if (!current) return false;
  if (current.type === 'identifier') return locals.has(current.text);
  if (current.type !== 'method_invocation') return false;
  const name = fieldOf(current, 'name')?.text;
  if (name === 'getRequestMethod') return true;
  return name !== undefined && CASE_CHANGES.has(name) && isMethodExpr(fieldOf(current, 'object'), locals);
}

function verbOf(node: Node | null | undefined): HttpMethod | undefined {
  const value = javaStringValue(node)?.toUpperCase() as HttpMethod | undefined;
  return value && VERBS.has(value) ? value : undefined;
}

/** The HTTP methods a handler body branches on, in source order. */
export function comparedMethods(body: Node): HttpMethod[] {
  const locals = new Set<string>();
  for (const declarator of body.descendantsOfType('variable_declarator')) {
    if (!declarator) continue;
    const name = fieldOf(declarator, 'name')?.text;
    if (name && isMethodExpr(fieldOf(declarator, 'value'), locals)) locals.add(name);
  }
  const found: HttpMethod[] = [];
  const add = (verb: HttpMethod | undefined) => {
    if (verb && !found.includes(verb)) found.push(verb);
  };
  for (const node of body.descendantsOfType(['method_invocation', 'switch_expression', 'switch_statement'])) {
    if (!node) continue;
    if (node.type === 'method_invocation') {
      const name = fieldOf(node, 'name')?.text;
      if (name !== 'equals' && name !== 'equalsIgnoreCase') continue;
      const receiver = fieldOf(node, 'object');
      const arg = namedChildren(fieldOf(node, 'arguments'))[0];
      if (isMethodExpr(receiver, locals)) add(verbOf(arg));
      else if (isMethodExpr(arg, locals)) add(verbOf(receiver));
      continue;
    }
    if (!isMethodExpr(fieldOf(node, 'condition'), locals)) continue;
    for (const label of fieldOf(node, 'body')?.descendantsOfType('switch_label') ?? []) {
      for (const value of namedChildren(label)) add(verbOf(value));
    }
  }
  return found;
}

function handleMethodBody(classBody: Node | null | undefined): Node | undefined {
  for (const member of namedChildren(classBody)) {
    if (member.type === 'method_declaration' && fieldOf(member, 'name')?.text === 'handle') return fieldOf(member, 'body') ?? undefined;
  }
  return undefined;
}

/** The body of the code that handles requests for a createContext handler argument, when it is in this file. */
function handlerBody(file: JvmFile, handler: Node): Node | undefined {
  if (handler.type === 'lambda_expression') return fieldOf(handler, 'body') ?? undefined;
  if (handler.type === 'object_creation_expression') {
    const anonymous = namedChildren(handler).find((c) => c.type === 'class_body');
    if (anonymous) return handleMethodBody(anonymous);
    const typeName = fieldOf(handler, 'type')?.text;
    const cls = allClasses(file).find((c) => c.name === typeName);
    return cls ? handleMethodBody(fieldOf(cls.node, 'body')) : undefined;
  }
  if (handler.type === 'method_reference') {
    const parts = namedChildren(handler);
    const name = parts[parts.length - 1]?.text;
    for (const cls of allClasses(file)) {
      const method = cls.methods.find((m) => m.name === name && m.body);
      if (method) return method.body;
    }
  }
  return undefined;
}

function importsHttpServer(file: JvmFile): boolean {
  return [...file.imports.values(), ...file.wildcardImports].some((s) => s.startsWith('com.sun.net.httpserver'));
}

export const jdkHttpServerRoutes: Extractor = {
  id: 'jvm/jdk-httpserver',
  languages: ['java'],
  keywords: ['com.sun.net.httpserver'],
  extract(parsed) {
    if (isTestSource(parsed.path)) return [];
    const file = outlineOf(parsed);
    if (!file || !importsHttpServer(file)) return [];
    const facts: Fact[] = [];
    for (const call of file.root.descendantsOfType('method_invocation')) {
      if (!call || fieldOf(call, 'name')?.text !== 'createContext' || !fieldOf(call, 'object')) continue;
      const args = namedChildren(fieldOf(call, 'arguments'));
      if (args.length < 1 || args.length > 2) continue;
      const paths = argStrings(file, args[0]).filter((p) => p.kind === 'literal');
      if (paths.length === 0) continue;
      const body = args[1] ? handlerBody(file, args[1]) : undefined;
      const methods = body ? comparedMethods(body) : [];
      for (const path of paths) {
        if (path.kind !== 'literal' || !path.text.startsWith('/')) continue;
        for (const method of methods.length ? methods : (['GET'] as HttpMethod[])) {
          facts.push({ kind: 'route', framework: 'httpserver', method, path: path.text, location: loc(file.path, call) });
        }
      }
    }
    return facts;
  },
};
