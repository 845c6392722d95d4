// HTTP method names as ASP.NET Core writes them, route template clean-up, and test-path detection.
import type { HttpMethod } from '../../core/facts.js';

/**
 * The HTTP QUERY method (draft-ietf-httpbis-safe-method-w-body; HttpMethods.Query in .NET 10).
 * `HttpMethod` in core/facts.ts does not list it yet (requested as an additive change).
 */
export const QUERY_METHOD: HttpMethod = 'QUERY';

const METHODS: Record<string, HttpMethod> = {
  GET: 'GET', POST: 'POST', PUT: 'PUT', PATCH: 'PATCH', DELETE: 'DELETE', HEAD: 'HEAD', OPTIONS: 'OPTIONS',
  TRACE: 'TRACE', CONNECT: 'CONNECT', QUERY: QUERY_METHOD,
};

/** 'GET' / 'Get' / HttpMethods.Get member name -> 'GET'. */
export function toMethod(name: string): HttpMethod | undefined {
  return METHODS[name.trim().toUpperCase()];
}

/**
 * Route template parameters to `{name}`: `{id:int}`, `{id?}`, `{page=5}`, `{*slug}`, `{**path}`,
 * `{code:regex(^\\d{{3}}$)}` (nested braces). Literal text is kept.
 */
export function cleanTemplate(template: string): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (c !== '{' || template[i + 1] === '{') {
      out += c;
      continue;
    }
    let j = i + 1;
    while (template[j] === '*') j++;
    let name = '';
    while (j < template.length && /[A-Za-z0-9_]/.test(template[j]!)) name += template[j++]!;
    let depth = 1;
    let k = i + 1;
    while (k < template.length && depth > 0) {
      if (template[k] === '{') depth++;
      else if (template[k] === '}') depth--;
      if (depth > 0) k++;
    }
    if (!name || k >= template.length) {
      out += c;
      continue;
    }
    out += `{${name}}`;
    i = k;
  }
  return out;
}

/** Test projects and fixtures (`test/`, `tests/`, `testassets/`, `Foo.Tests/`, `UnitTests/`, `*Tests.cs`). */
export function isCsTestPath(path: string): boolean {
  const segments = path.split('/');
  const file = segments.pop() ?? '';
  if (/Tests?\.cs$/.test(file)) return true;
  return segments.some((seg) => /^(tests?|testassets|testing)$/i.test(seg) || /\.\w*Tests?$/.test(seg) || /^\w+Tests$/.test(seg));
}
