// go-zero API description files (`*.api`, the goctl DSL): routes declared inside `service name { ... }`
// blocks as `get /users/:id (Req) returns (Resp)` lines, `@handler Name` above them, and an optional
// `@server(prefix: /v1, group: g, jwt: Auth, middleware: A, B)` block applying to the next service block.
// Plain text (language 'text'); read line by line.
import type { Fact, HttpMethod, MiddlewareRef } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import type { Extractor } from '../types.js';
import { goMiddlewareRef } from './middleware-roles.js';

const METHODS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS',
  connect: 'CONNECT', trace: 'TRACE',
};

export function isGoZeroApiFile(path: string): boolean {
  return path.toLowerCase().endsWith('.api');
}

function stripComment(line: string): string {
  const i = line.indexOf('//');
  return (i >= 0 ? line.slice(0, i) : line).trim();
}

function joinPrefix(prefix: string, path: string): string {
  if (!prefix) return path;
  const head = prefix.startsWith('/') ? prefix : `/${prefix}`;
  return `${head.replace(/\/+$/, '')}${path === '/' ? '' : path}` || '/';
}

/** Routes of one .api file's text. */
export function goZeroApiRoutes(path: string, text: string): Fact[] {
  const facts: Fact[] = [];
  const lines = text.split('\n');
  let server: Map<string, string> | undefined; // the pending @server(...) block
  let inServer = false;
  let service: { prefix: string; middleware: MiddlewareRef[] } | undefined;
  let handler: string | undefined;
  let handlerLine = 0;
  for (let n = 0; n < lines.length; n++) {
    const line = stripComment(lines[n]!);
    if (!line) continue;
    if (inServer) {
      if (line.startsWith(')')) { inServer = false; continue; }
      const colon = line.indexOf(':');
      if (colon > 0) server!.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
      continue;
    }
    if (!service) {
      if (line.startsWith('@server')) {
        server = new Map();
        const open = line.indexOf('(');
        const close = line.lastIndexOf(')');
        if (open >= 0 && close > open) {
          // @server(prefix: /v1) on one line
          for (const part of line.slice(open + 1, close).split(/\s{2,}|\t/)) {
            const colon = part.indexOf(':');
            if (colon > 0) server.set(part.slice(0, colon).trim(), part.slice(colon + 1).trim());
          }
        } else inServer = true;
        continue;
      }
      const words = line.split(/\s+/);
      if (words[0] === 'service' && line.endsWith('{')) {
        const middleware: MiddlewareRef[] = [];
        const jwt = server?.get('jwt');
        if (jwt) middleware.push({ ...goMiddlewareRef(`jwt: ${jwt}`), role: 'auth' });
        for (const name of (server?.get('middleware') ?? '').split(',')) {
          if (name.trim()) middleware.push(goMiddlewareRef(name.trim()));
        }
        service = { prefix: server?.get('prefix') ?? '', middleware };
        server = undefined;
      }
      continue;
    }
    if (line === '}') { service = undefined; handler = undefined; continue; }
    if (line.startsWith('@handler')) {
      handler = line.slice('@handler'.length).trim() || undefined;
      handlerLine = n + 1;
      continue;
    }
    const space = line.search(/\s/);
    if (space < 0) continue;
    const method = METHODS[line.slice(0, space)];
    const rest = line.slice(space).trim();
    if (!method || !rest.startsWith('/')) continue;
    const end = rest.search(/[\s(]/);
    const route = end < 0 ? rest : rest.slice(0, end);
    const location = { file: path, startLine: n + 1, startColumn: 1, endLine: n + 1, endColumn: lines[n]!.length + 1 };
    facts.push({
      kind: 'route', framework: 'go-zero', method, path: joinPrefix(service.prefix, route), location,
      ...(handler ? { handler: { name: handler, location: { ...location, startLine: handlerLine, endLine: handlerLine } } } : {}),
      ...(service.middleware.length ? { middleware: service.middleware } : {}),
    });
    handler = undefined;
  }
  return facts;
}

export const goZeroApi: Extractor = {
  id: 'go/go-zero-api',
  languages: ['text'],
  keywords: ['service'],
  extract(file: ParsedFile): Fact[] {
    if (!isGoZeroApiFile(file.path)) return [];
    try {
      return goZeroApiRoutes(file.path, file.text);
    } catch {
      return [];
    }
  },
};
