// Python configuration problems visible in code.
// debug-enabled: Flask `app.run(debug=True)`, `app.debug = True`, `app.config['DEBUG'] = True`,
//   `app.config.update(DEBUG=True)`, FastAPI / Starlette `(debug=True)`, and Django `DEBUG = True` in a
//   production-like settings module (settings.py / production.py / prod.py, not local / dev / test ones).
// tls-verification-disabled: requests / httpx `verify=False`, `session.verify = False`, aiohttp
//   `ssl=False` / `verify_ssl=False`, `ssl._create_unverified_context`, `ssl.CERT_NONE`,
//   `check_hostname = False`.
import type { ConfigIssueFact, Fact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import type { Extractor } from '../types.js';
import { dottedPath, keywordArg, loc, stringValue, walk, type Node } from './ast.js';
import { PyFileValues } from './code-values.js';
import { field, rootOf, textOf } from '../tree-sitter/ast.js';

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'send', 'stream',
  'Client', 'AsyncClient', 'Session', 'urlopen', 'fetch', 'TCPConnector', 'ClientSession', 'ws_connect', 'mount']);
const DJANGO_SETTINGS = new Set(['INSTALLED_APPS', 'ALLOWED_HOSTS', 'MIDDLEWARE', 'ROOT_URLCONF', 'DATABASES', 'SECRET_KEY', 'WSGI_APPLICATION', 'TEMPLATES']);

export const pythonConfigIssues: Extractor = {
  id: 'python/config-issues',
  languages: ['python'],
  keywords: ['debug', 'DEBUG', 'verify', 'ssl', 'CERT_NONE', 'check_hostname', 'unverified'],
  extract(file: ParsedFile): Fact[] {
    if (file.tree.kind !== 'tree-sitter') return [];
    const values = PyFileValues.of(rootOf(file.tree.tree));
    const facts: Fact[] = [];
    const add = (issue: ConfigIssueFact['issue'], node: Node, detail: string) =>
      facts.push({ kind: 'config-issue', issue, detail, location: loc(file.path, node) });
    for (const call of values.calls) callIssues(values, call, add);
    for (const assignment of values.assignments) assignmentIssues(file.path, values, assignment, add);
    walk(rootOf(file.tree.tree), (node) => {
      if (node.type !== 'attribute') return undefined;
      const q = values.qualifiedName(node);
      if (q === 'ssl._create_unverified_context') add('tls-verification-disabled', node, 'ssl._create_unverified_context');
      else if (q === 'ssl.CERT_NONE') add('tls-verification-disabled', node, 'ssl.CERT_NONE');
      return undefined;
    });
    return facts;
  },
};

type Add = (issue: ConfigIssueFact['issue'], node: Node, detail: string) => void;

function isTrue(node: Node | undefined): boolean {
  return node?.type === 'true';
}

function isFalse(node: Node | undefined): boolean {
  return node?.type === 'false';
}

function callIssues(values: PyFileValues, call: Node, add: Add): void {
  const fn = field(call, 'function');
  if (!fn) return;
  const q = values.qualifiedName(fn) ?? '';
  const method = q.split('.').at(-1) ?? (fn.type === 'identifier' ? textOf(fn) : '');
  // debug
  if (method === 'run' && isTrue(keywordArg(call, 'debug'))) add('debug-enabled', call, `${q || 'app.run'}(debug=True)`);
  if ((method === 'FastAPI' || method === 'Starlette' || method === 'Quart' || method === 'Sanic') && isTrue(keywordArg(call, 'debug'))) add('debug-enabled', call, `${method}(debug=True)`);
  if ((method === 'update' || method === 'from_mapping') && /(^|\.)config$/.test(q.split('.').slice(0, -1).join('.')) && isTrue(keywordArg(call, 'DEBUG'))) {
    add('debug-enabled', call, `config.${method}(DEBUG=True)`);
  }
  // TLS
  if (/jwt|jose/i.test(q)) return;
  const verify = keywordArg(call, 'verify');
  if (isFalse(verify) && (HTTP_METHODS.has(method) || /^(requests|httpx|urllib3|aiohttp)\./.test(q))) add('tls-verification-disabled', call, `${q || method}(verify=False)`);
  const sslArg = keywordArg(call, 'ssl') ?? keywordArg(call, 'verify_ssl');
  if (isFalse(sslArg) && HTTP_METHODS.has(method)) add('tls-verification-disabled', call, `${q || method}(ssl=False)`);
  const certReqs = keywordArg(call, 'cert_reqs');
  const certValue = certReqs ? stringValue(certReqs) : undefined;
  if (certValue === 'CERT_NONE' || certValue === 'NONE') add('tls-verification-disabled', call, `cert_reqs='${certValue}'`);
}

function assignmentIssues(file: string, values: PyFileValues, assignment: Node, add: Add): void {
  const left = field(assignment, 'left');
  const right = field(assignment, 'right') ?? undefined;
  if (!left || !right) return;
  if (left.type === 'attribute') {
    const attr = textOf(field(left, 'attribute'));
    const object = dottedPath(field(left, 'object'))?.join('.') ?? '';
    if (attr === 'debug' && isTrue(right) && /(^|\.)(app|application|server)$/.test(object)) add('debug-enabled', assignment, `${object}.debug = True`);
    if (attr === 'verify' && isFalse(right) && /session|client|sess|http|s$/i.test(object)) add('tls-verification-disabled', assignment, `${object}.verify = False`);
    if (attr === 'check_hostname' && isFalse(right)) add('tls-verification-disabled', assignment, `${object}.check_hostname = False`);
    return;
  }
  if (left.type === 'subscript') {
    const key = stringValue(field(left, 'subscript'));
    const object = dottedPath(field(left, 'value'))?.join('.') ?? '';
    if (key === 'DEBUG' && isTrue(right) && /(^|\.)config$/.test(object)) add('debug-enabled', assignment, `${object}['DEBUG'] = True`);
    return;
  }
  if (left.type === 'identifier' && textOf(left) === 'DEBUG' && isTrue(right) && isModuleLevel(assignment) && isProductionSettings(file, values)) {
    add('debug-enabled', assignment, 'DEBUG = True in Django settings');
  }
}

function isModuleLevel(node: Node): boolean {
  const stmt = node.parent;
  return stmt?.type === 'expression_statement' && stmt.parent?.type === 'module';
}

const NON_PRODUCTION = /(^|[/_.-])(local|dev|develop|development|test|tests|testing|ci|example|sample|debug)([/_.-]|$)/i;

/** A Django settings module that is not explicitly for local / dev / test use. */
function isProductionSettings(file: string, values: PyFileValues): boolean {
  const lower = file.toLowerCase();
  const base = lower.slice(lower.lastIndexOf('/') + 1);
  const dir = lower.slice(0, lower.lastIndexOf('/') + 1);
  if (NON_PRODUCTION.test(base.replace(/\.py$/, '')) || /(^|\/)(tests?|examples?|docs?|fixtures?)\//.test(dir)) return false;
  const named = base === 'settings.py' || /^(prod|production|live|staging|settings_prod|settings_production|prod_settings|production_settings)\.py$/.test(base);
  if (!named) return false;
  if (/^(prod|production|live)/.test(base) || base.includes('prod')) return true;
  // settings.py / settings/base.py: must look like Django settings
  return values.assignments.some((a) => {
    const l = field(a, 'left');
    return l?.type === 'identifier' && DJANGO_SETTINGS.has(textOf(l)) && isModuleLevel(a);
  });
}
