// CORS policies in Python: Starlette/FastAPI CORSMiddleware, flask-cors / sanic-cors CORS() and
// @cross_origin, django-cors-headers settings, aiohttp-cors defaults, and raw
// Access-Control-Allow-Origin headers.
import type { Node } from 'web-tree-sitter';
import type { CorsConfigFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import type { CorsConfigFact as CorsFact } from '../../core/facts.js';
import { weakOriginRegex } from '../cors/origin-patterns.js';
import { indexPythonFile, pyEnvFallback, qualifiedCallName, resolvePyReference, type PyFileIndex } from '../secrets/py-values.js';
import type { Extractor } from '../types.js';
import { callName, keywordArg, loc, positionalArgs, stringValue, walk } from './ast.js';
import { field, rootOf, textOf } from '../tree-sitter/ast.js';

type Policy = CorsConfigFact['policy'];

interface Judgement {
  policy: Policy;
  detail: string;
  permissivePattern?: string;
}

const ALLOW_ORIGIN = 'access-control-allow-origin';
const DJANGO_SETTINGS = new Set([
  'CORS_ALLOW_ALL_ORIGINS', 'CORS_ORIGIN_ALLOW_ALL', 'CORS_ALLOWED_ORIGINS', 'CORS_ORIGIN_WHITELIST',
  'CORS_ALLOWED_ORIGIN_REGEXES', 'CORS_ORIGIN_REGEX_WHITELIST', 'CORS_ALLOW_CREDENTIALS',
]);
const ALLOW_CREDENTIALS = 'access-control-allow-credentials';

function resolved(node: Node | null | undefined, index: PyFileIndex, depth = 0): Node | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier' && depth < 2) {
    const target = resolvePyReference(node, index);
    return target ? resolved(target, index, depth + 1) : node;
  }
  return node;
}

/** `os.getenv('X', '*').split(',')` -> the env fallback judged; otherwise the value itself. */
function judgeOrigins(node: Node | null | undefined, index: PyFileIndex): Judgement {
  const n = resolved(node, index);
  if (!n) return { policy: 'unknown', detail: 'origins not resolved' };
  const single = stringValue(n);
  if (single !== undefined) return single.trim() === '*' ? { policy: 'wildcard', detail: "'*'" } : { policy: 'allowlist', detail: `'${single}'` };
  if (n.type === 'list' || n.type === 'tuple' || n.type === 'set') {
    for (const el of n.namedChildren) {
      if (el && stringValue(el)?.trim() === '*') return { policy: 'wildcard', detail: "['*']" };
    }
    return { policy: 'allowlist', detail: 'an allowlist' };
  }
  if (n.type === 'call') {
    const fn = field(n, 'function');
    if (fn?.type === 'attribute' && textOf(field(fn, 'attribute')) === 'split') return judgeOrigins(field(fn, 'object'), index);
    const fallback = pyEnvFallback(n, index);
    if (fallback) {
      const judged = judgeOrigins(fallback.fallback, index);
      return { ...judged, detail: `${judged.detail} (default of env ${fallback.env})` };
    }
  }
  if (n.type === 'boolean_operator') {
    const fallback = pyEnvFallback(n, index);
    if (fallback) return judgeOrigins(fallback.fallback, index);
  }
  return { policy: 'unknown', detail: 'origins not resolved in this file' };
}

function judgeRegex(node: Node | null | undefined, index: PyFileIndex): Judgement | undefined {
  const n = resolved(node, index);
  const pattern = stringValue(n);
  if (pattern === undefined) return n ? { policy: 'unknown', detail: 'origin regex not resolved' } : undefined;
  const weak = weakOriginRegex(pattern);
  if (weak === 'matches-any') return { policy: 'wildcard', detail: `origin regex '${pattern}' matches any origin` };
  if (weak) return { policy: 'allowlist', detail: `origin regex '${pattern}' has an unescaped '.'`, permissivePattern: pattern };
  return { policy: 'allowlist', detail: `origin regex '${pattern}'` };
}

function boolValue(node: Node | null | undefined, index: PyFileIndex): boolean | null {
  const n = resolved(node, index);
  if (!n) return false;
  if (n.type === 'true') return true;
  if (n.type === 'false') return false;
  return null;
}

function isRequestOrigin(node: Node | null | undefined): boolean {
  if (!node) return false;
  if (node.type === 'boolean_operator') return isRequestOrigin(field(node, 'left'));
  if (node.type === 'subscript') {
    const key = stringValue(field(node, 'subscript'))?.toLowerCase();
    if (key === 'origin' || key === 'http_origin') return true;
    return isRequestInput(field(node, 'value'));
  }
  if (node.type === 'call') {
    const name = callName(node) ?? '';
    const key = stringValue(positionalArgs(node)[0])?.toLowerCase();
    if (/(headers|META|environ)\.get$/.test(name) && (key === 'origin' || key === 'http_origin')) return true;
    const fn = field(node, 'function');
    return fn?.type === 'attribute' && textOf(field(fn, 'attribute')) === 'get' && isRequestInput(field(fn, 'object'));
  }
  return false;
}

/** `request.args`, `request.GET`, `request.query_params`, `self.request.arguments`: values the caller chooses. */
function isRequestInput(node: Node | null | undefined): boolean {
  const text = textOf(node) ?? '';
  return /^(self\.)?request\.(args|form|values|GET|POST|query_params|json|data|arguments)$/.test(text);
}

export function extractPythonCors(file: ParsedFile): CorsFact[] {
  if (file.tree.kind !== 'tree-sitter') return [];
  const root = rootOf(file.tree.tree);
  const index = indexPythonFile(root);
  const facts: CorsFact[] = [];
  const push = (j: Judgement, credentials: boolean | null, library: string, at: Node) => {
    const fact: CorsFact = { kind: 'cors-config', policy: j.policy, credentials, library, detail: j.detail, location: loc(file.path, at) };
    if (j.permissivePattern !== undefined) fact.permissivePattern = j.permissivePattern;
    facts.push(fact);
  };
  const importsFrom = (prefix: string) => [...index.imports.values()].some((m) => m === prefix || m.startsWith(`${prefix}.`));
  const settings = new Map<string, Node>();
  let headerCredentials: boolean | null = null;

  /** CORSMiddleware keyword arguments (Starlette / FastAPI). */
  const starlette = (call: Node) => {
    const origins = keywordArg(call, 'allow_origins');
    const regex = keywordArg(call, 'allow_origin_regex');
    const credentials = boolValue(keywordArg(call, 'allow_credentials'), index);
    if (origins) {
      const j = judgeOrigins(origins, index);
      push({ ...j, detail: `allow_origins=${j.detail}` }, credentials, 'starlette', origins.parent ?? origins);
    }
    const r = judgeRegex(regex, index);
    if (regex && r) push(r, credentials, 'starlette', regex.parent ?? regex);
    if (!origins && !regex && field(call, 'arguments')?.namedChildren.some((c) => c?.type === 'dictionary_splat')) {
      push({ policy: 'unknown', detail: 'CORSMiddleware options not resolved' }, null, 'starlette', call);
    }
  };

  /** flask-cors CORS(app, ...) / @cross_origin(...): origins default to '*'. */
  const flaskCors = (call: Node, library: string) => {
    const credentials = boolValue(keywordArg(call, 'supports_credentials'), index);
    const origins = keywordArg(call, 'origins') ?? keywordArg(call, 'origin');
    if (origins) {
      const j = judgeOrigins(origins, index);
      push({ ...j, detail: `origins=${j.detail}` }, credentials, library, origins.parent ?? origins);
      return;
    }
    const resources = resolved(keywordArg(call, 'resources'), index);
    if (resources?.type === 'dictionary') {
      let found = false;
      walk(resources, (n) => {
        if (n.type !== 'pair' || stringValue(field(n, 'key')) !== 'origins') return undefined;
        found = true;
        push(judgeOrigins(field(n, 'value'), index), credentials, library, n);
        return false;
      });
      if (found) return;
    }
    push({ policy: 'wildcard', detail: `${callName(call) ?? 'CORS'}() with default origins '*'` }, credentials, library, call);
  };

  const header = (value: Node | null | undefined, at: Node) => {
    const n = resolved(value, index);
    if (!n) return;
    const s = stringValue(n);
    if (s !== undefined) {
      if (s.trim() === '*') push({ policy: 'wildcard', detail: 'Access-Control-Allow-Origin: *' }, headerCredentials, 'header', at);
      else if (s.trim() && s.trim() !== 'null') push({ policy: 'allowlist', detail: `Access-Control-Allow-Origin: ${s}` }, headerCredentials, 'header', at);
      return;
    }
    if (isRequestOrigin(n)) push({ policy: 'reflect-origin', detail: 'Access-Control-Allow-Origin echoes the request Origin' }, headerCredentials, 'header', at);
  };

  // First pass: credentials headers anywhere in the file.
  walk(root, (node) => {
    if (node.type === 'string' && stringValue(node)?.toLowerCase() === ALLOW_CREDENTIALS) {
      const parent = node.parent;
      const sibling = parent?.type === 'pair' ? field(parent, 'value')
        : parent?.parent?.type === 'assignment' ? field(parent.parent, 'right')
          : parent?.type === 'argument_list' ? parent.namedChildren[1] : undefined;
      const v = stringValue(sibling ?? null);
      if (v !== undefined) headerCredentials = /^true$/i.test(v);
      else if (sibling?.type === 'true') headerCredentials = true;
    }
    return undefined;
  });

  walk(root, (node) => {
    switch (node.type) {
      case 'call': {
        const name = callName(node) ?? '';
        const qualified = qualifiedCallName(node, index) ?? name;
        const args = positionalArgs(node);
        const last = name.split('.').pop() ?? '';
        if ((last === 'add_middleware' || last === 'Middleware') && args[0] && /CORSMiddleware$/.test(textOf(args[0]))) starlette(node);
        else if (/(^|\.)CORSMiddleware$/.test(name)) starlette(node);
        else if (/^(flask_cors|sanic_cors|quart_cors)\.(CORS|cross_origin|cors)$/.test(qualified)
          || ((name === 'CORS' || name === 'cross_origin') && (importsFrom('flask_cors') || importsFrom('sanic_cors')))) {
          flaskCors(node, qualified.startsWith('sanic_cors') ? 'sanic-cors' : 'flask-cors');
        } else if (/(^|\.)ResourceOptions$/.test(name) && node.parent?.type === 'pair' && stringValue(field(node.parent, 'key')) === '*') {
          push({ policy: 'wildcard', detail: "aiohttp_cors defaults for '*'" }, boolValue(keywordArg(node, 'allow_credentials'), index), 'aiohttp-cors', node.parent);
        } else if (/^(add|set|set_header|add_header|__setitem__|setdefault)$/.test(last) && stringValue(args[0])?.toLowerCase() === ALLOW_ORIGIN) {
          header(args[1], node);
        }
        break;
      }
      case 'assignment': {
        const left = field(node, 'left');
        const right = field(node, 'right');
        if (!left || !right) break;
        if (left.type === 'identifier' && /^CORS_/.test(textOf(left))) settings.set(textOf(left), node);
        // Settings such as BACKEND_CORS_ORIGINS: List[str] = ['*'] or cors_origins = '*'
        const inClass = node.parent?.type === 'expression_statement' && node.parent.parent?.parent?.type === 'class_definition';
        if (left.type === 'identifier' && (/cors/i.test(textOf(left)) || (inClass && /(^|_)origins(_|$)/i.test(textOf(left))))
          && !DJANGO_SETTINGS.has(textOf(left)) && !/host/i.test(textOf(left))) {
          const j = judgeOrigins(right, index);
          if (j.policy === 'wildcard') push({ ...j, detail: `${textOf(left)} = ${j.detail}` }, null, 'settings', node);
        }
        if (left.type === 'subscript' && stringValue(field(left, 'subscript'))?.toLowerCase() === ALLOW_ORIGIN) header(right, node);
        break;
      }
      case 'pair': {
        if (stringValue(field(node, 'key'))?.toLowerCase() === ALLOW_ORIGIN) header(field(node, 'value'), node);
        break;
      }
      default:
        break;
    }
    return undefined;
  });

  // django-cors-headers settings
  const value = (name: string) => field(settings.get(name), 'right');
  const credentialsSetting = settings.has('CORS_ALLOW_CREDENTIALS') ? boolValue(value('CORS_ALLOW_CREDENTIALS'), index) : false;
  for (const name of ['CORS_ALLOW_ALL_ORIGINS', 'CORS_ORIGIN_ALLOW_ALL']) {
    const assignment = settings.get(name);
    if (!assignment) continue;
    const v = boolValue(value(name), index);
    if (v === true) push({ policy: 'wildcard', detail: `${name} = True` }, credentialsSetting, 'django-cors-headers', assignment);
    else if (v === null) push({ policy: 'unknown', detail: `${name} set from an expression` }, credentialsSetting, 'django-cors-headers', assignment);
  }
  for (const name of ['CORS_ALLOWED_ORIGINS', 'CORS_ORIGIN_WHITELIST']) {
    const assignment = settings.get(name);
    if (assignment) push(judgeOrigins(value(name), index), credentialsSetting, 'django-cors-headers', assignment);
  }
  for (const name of ['CORS_ALLOWED_ORIGIN_REGEXES', 'CORS_ORIGIN_REGEX_WHITELIST']) {
    const assignment = settings.get(name);
    const list = resolved(value(name), index);
    if (!assignment || !list) continue;
    for (const el of list.namedChildren) {
      const r = el ? judgeRegex(el, index) : undefined;
      if (r && r.policy !== 'unknown' && el) push(r, credentialsSetting, 'django-cors-headers', el);
    }
  }
  return facts;
}

export const pythonCors: Extractor = {
  id: 'python/cors',
  languages: ['python'],
  keywords: ['CORS', 'cors', 'cross_origin', 'Access-Control-Allow-Origin', 'access-control-allow-origin', 'ResourceOptions'],
  extract: extractPythonCors,
};
