// Python calls that run SQL text, and how that text was built: DB-API `cursor.execute` /
// `executemany` / `executescript`, connection / engine / session `execute`, asyncpg `fetch*`,
// SQLAlchemy `text()` and string arguments of Query `filter` / `order_by` / ..., Django
// `Model.objects.raw`, `.extra(where=...)`, `RawSQL`, and pandas `read_sql`.
import type { Fact, SqlBuild, SqlCallFact } from '../../core/facts.js';
import type { Location } from '../../core/types.js';
import type { ParsedFile } from '../../languages/types.js';
import { looksLikeSql } from '../code-facts-text.js';
import type { Extractor } from '../types.js';
import { dottedPath, keywordArg, loc, positionalArgs, type Node } from './ast.js';
import { analyzeText, type PyBuiltText } from './built-text.js';
import { PyFileValues } from './code-values.js';
import { field, rootOf, textOf } from '../tree-sitter/ast.js';

const EXECUTE_METHODS = new Set(['execute', 'executemany', 'executescript', 'mogrify', 'exec_driver_sql']);
const ASYNC_METHODS = new Set(['fetch', 'fetchrow', 'fetchval', 'fetchone', 'fetchall', 'cursor', 'copy_from_query', 'prepare', 'query', 'run_query', 'raw', 'run']);
const QUERY_METHODS = new Set(['filter', 'distinct', 'having', 'group_by', 'order_by', 'where', 'select_from', 'from_statement']);
const DB_RECEIVER = /^(cursor|cur|curs|c|conn|connection|con|cnx|db|database|engine|session|sess|tx|trx|transaction|pool|client|connect|get_connection|get_db|get_cursor|acquire|begin)$/i;
const DB_RECEIVER_WORD = /(cursor|conn|connection|engine|session|db|database|pool)$/i;
const TEXT_FUNCTIONS = new Set(['sqlalchemy.text', 'sqlalchemy.sql.text', 'sqlalchemy.sql.expression.text', 'db.text', 'sa.text']);
/** Local names that hold a SQLAlchemy query (not Django querysets). */
const QUERY_NAME = /^(query|q|stmt|statement|select_stmt|base_query|sql_query)$|_query$/;
const READ_SQL = /(^|\.)(read_sql|read_sql_query)$/;

export const pythonSqlCalls: Extractor = {
  id: 'python/sql-calls',
  languages: ['python'],
  keywords: ['execute', 'text', 'raw', 'extra', 'RawSQL', 'read_sql', 'fetch', 'cursor', 'filter', 'order_by', 'group_by', 'having', 'distinct', 'query', 'mogrify'],
  extract(file: ParsedFile): Fact[] {
    if (file.tree.kind !== 'tree-sitter') return [];
    const values = PyFileValues.of(rootOf(file.tree.tree));
    const facts: Fact[] = [];
    for (const call of values.calls) {
      const fact = sqlCallFact(file.path, values, call);
      if (fact) facts.push(fact);
    }
    return facts;
  },
};

interface Sink {
  sink: string;
  strong: boolean;
  text?: Node;
  hasParams: boolean;
  /** Only report when the text is visibly built (skip opaque values): query-builder methods. */
  onlyBuilt?: boolean;
  /** Django extra(): several texts. */
  texts?: Node[];
}

function receiverName(receiver: Node | null): string {
  if (!receiver) return '';
  const path = dottedPath(receiver);
  if (path) return path.at(-1) ?? '';
  if (receiver.type === 'call') return dottedPath(field(receiver, 'function'))?.at(-1) ?? '';
  if (receiver.type === 'await' || receiver.type === 'parenthesized_expression') return receiverName(receiver.namedChildren[0] ?? null);
  return '';
}

function isDbName(name: string): boolean {
  return DB_RECEIVER.test(name) || DB_RECEIVER_WORD.test(name);
}

/** The receiver chain contains `.query(...)` (SQLAlchemy session.query(Model)...), directly or via a local. */
function isQueryChain(values: PyFileValues, node: Node | null, depth = 0): boolean {
  if (!node || depth > 20) return false;
  if (node.type === 'call') {
    const fn = field(node, 'function');
    if (fn?.type === 'attribute') {
      const attr = textOf(field(fn, 'attribute'));
      if (attr === 'query' || attr === 'select') return true;
      if (attr === 'objects') return false;
      return isQueryChain(values, field(fn, 'object'), depth + 1);
    }
    return false;
  }
  if (node.type === 'identifier') {
    if (QUERY_NAME.test(textOf(node))) return true;
    const res = values.resolve(textOf(node), node);
    return res.kind === 'bindings' && res.bindings.some((b) => b.op === '=' && isQueryChain(values, b.value ?? null, depth + 1));
  }
  if (node.type === 'attribute') {
    const attr = textOf(field(node, 'attribute'));
    if (attr === 'objects') return false; // Django managers: order_by / filter take field names, not SQL
    if (attr === 'query') return true; // Flask-SQLAlchemy Model.query
    return isQueryChain(values, field(node, 'object'), depth + 1);
  }
  return false;
}

/** Method names `classify` can accept (its qualified-name checks need these last segments too). */
const SINK_METHODS = new Set([...EXECUTE_METHODS, ...ASYNC_METHODS, ...QUERY_METHODS, 'raw', 'extra', 'text', 'read_sql', 'read_sql_query']);

function classify(values: PyFileValues, call: Node): Sink | undefined {
  const fn = field(call, 'function');
  if (!fn) return undefined;
  // Cheap exit first: an attribute callee's qualified name ends with its method name, so a method
  // no check below accepts rules the call out; a plain name can only match the qualified checks.
  if (fn.type === 'attribute') {
    const method = textOf(field(fn, 'attribute')) ?? '';
    if (!SINK_METHODS.has(method) && !method.endsWith('RawSQL')) return undefined;
  } else if (fn.type !== 'identifier') return undefined;
  const qualified = values.qualifiedName(fn) ?? '';
  if (fn.type === 'identifier' && !TEXT_FUNCTIONS.has(qualified) && !(textOf(fn) === 'text' && qualified.startsWith('sqlalchemy'))
    && !qualified.endsWith('RawSQL') && !READ_SQL.test(qualified)) return undefined;
  const args = positionalArgs(call);
  const kwParams = !!(keywordArg(call, 'params') ?? keywordArg(call, 'parameters') ?? keywordArg(call, 'args') ?? keywordArg(call, 'vars'));
  if (fn.type === 'identifier' || fn.type === 'attribute') {
    if (TEXT_FUNCTIONS.has(qualified) || (fn.type === 'identifier' && textOf(fn) === 'text' && qualified.startsWith('sqlalchemy'))) {
      return { sink: 'sqlalchemy.text', strong: true, text: args[0] ?? keywordArg(call, 'text'), hasParams: false };
    }
    if (qualified.endsWith('RawSQL')) {
      return { sink: 'django.RawSQL', strong: true, text: args[0] ?? keywordArg(call, 'sql'), hasParams: args.length > 1 || kwParams };
    }
    if (READ_SQL.test(qualified)) {
      return { sink: 'pandas.read_sql', strong: true, text: args[0] ?? keywordArg(call, 'sql'), hasParams: kwParams };
    }
  }
  if (fn.type !== 'attribute') return undefined;
  const method = textOf(field(fn, 'attribute')) ?? '';
  const receiver = field(fn, 'object');
  const recv = receiverName(receiver);
  const recvPath = dottedPath(receiver) ?? [];
  const sinkName = `${recv || 'db'}.${method}`;
  if (EXECUTE_METHODS.has(method)) {
    const extraKw = namedArgs(call).some((n) => !['multi', 'timeout', 'prepare', 'execution_options'].includes(n));
    return { sink: sinkName, strong: isDbName(recv), text: args[0] ?? keywordArg(call, 'operation') ?? keywordArg(call, 'statement') ?? keywordArg(call, 'query') ?? keywordArg(call, 'sql'),
      hasParams: args.length > 1 || kwParams || extraKw };
  }
  if (method === 'raw' && (recvPath.includes('objects') || /manager|objects/i.test(recv))) {
    return { sink: 'django.raw', strong: true, text: args[0] ?? keywordArg(call, 'raw_query'), hasParams: args.length > 1 || kwParams };
  }
  if (method === 'extra' && (recvPath.includes('objects') || receiver?.type === 'call' || /queryset|qs|objects/i.test(recv))) {
    const texts: Node[] = [];
    for (const kw of ['where', 'select', 'tables', 'order_by']) {
      const v = keywordArg(call, kw);
      if (!v) continue;
      if (v.type === 'list' || v.type === 'tuple') texts.push(...v.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment'));
      else if (v.type === 'dictionary') for (const p of v.namedChildren) { const val = field(p, 'value'); if (val) texts.push(val); }
      else texts.push(v);
    }
    return { sink: 'django.extra', strong: true, texts, hasParams: !!keywordArg(call, 'params') || !!keywordArg(call, 'select_params'), onlyBuilt: true };
  }
  if (QUERY_METHODS.has(method) && isQueryChain(values, receiver)) {
    const first = args[0];
    if (!first) return undefined;
    return { sink: `sqlalchemy.${method}`, strong: true, text: first, hasParams: false, onlyBuilt: true };
  }
  if (ASYNC_METHODS.has(method) && args[0]) {
    return { sink: sinkName, strong: false, text: args[0], hasParams: args.length > 1 || kwParams };
  }
  return undefined;
}

function namedArgs(call: Node): string[] {
  const args = field(call, 'arguments');
  if (!args) return [];
  return args.namedChildren
    .filter((c): c is Node => c?.type === 'keyword_argument')
    .map((c) => textOf(field(c, 'name')) ?? '');
}

function sqlCallFact(file: string, values: PyFileValues, call: Node): SqlCallFact | undefined {
  const sink = classify(values, call);
  if (!sink) return undefined;
  let built: PyBuiltText | undefined;
  if (sink.texts) {
    // django extra(): the most dangerous of its texts
    for (const t of sink.texts) {
      const r = analyzeText(values, t);
      if (!built || (r.dynamic && !built.dynamic)) built = r;
    }
    if (!built) return undefined;
  } else {
    if (!sink.text) return undefined;
    if (['lambda', 'list', 'dictionary', 'integer'].includes(sink.text.type)) return undefined;
    built = analyzeText(values, sink.text);
  }
  if (sink.onlyBuilt && !built.dynamic) return undefined;
  if (!sink.strong) {
    const fn = field(call, 'function');
    const recv = receiverName(field(fn, 'object') ?? null);
    if (built.opaque) {
      if (!isDbName(recv) || !EXECUTE_METHODS.has(textOf(field(fn, 'attribute')) ?? '')) return undefined;
    } else if (!looksLikeSql(built.text)) {
      // Text with no constant part (`q.format(x)` where q is opaque) cannot be checked: trust a DB receiver.
      if (!(built.dynamic && built.text.replace(/\?/g, '').trim() === '' && isDbName(recv))) return undefined;
    }
  }
  const { build, dynamic } = classifyBuild(built, sink.hasParams);
  const textNode = sink.text ?? sink.texts?.[0];
  const fact: SqlCallFact = { kind: 'sql-call', sink: sink.sink, build, dynamic, location: sqlLocation(file, call, textNode) };
  if (built.builtAt && (built.builtAt.startIndex < call.startIndex || built.builtAt.startIndex >= call.endIndex)) {
    fact.builtAt = loc(file, built.builtAt);
  }
  return fact;
}

function classifyBuild(built: PyBuiltText, hasParams: boolean): { build: SqlBuild; dynamic: boolean } {
  if (built.opaque) return { build: 'unknown', dynamic: false };
  if (built.dynamic) return { build: built.build, dynamic: true };
  if (built.build === 'parameterised' || hasParams) return { build: 'parameterised', dynamic: false };
  return { build: 'literal', dynamic: false };
}

/** Where to point: the call, or the SQL text argument when the call starts on an earlier line (multi-line calls). */
function sqlLocation(file: string, call: Node, text: Node | undefined): Location {
  const full = callLocation(file, call);
  if (!text) return full;
  const arg = loc(file, text);
  if (arg.startLine > full.startLine && arg.startLine <= full.endLine) return { ...full, startLine: arg.startLine, startColumn: arg.startColumn };
  return full;
}

/** The call's location, starting at the method name when the receiver chain starts on an earlier line. */
export function callLocation(file: string, call: Node): Location {
  const full = loc(file, call);
  const fn = field(call, 'function');
  const attr = fn?.type === 'attribute' ? field(fn, 'attribute') : null;
  if (attr) {
    const a = loc(file, attr);
    if (a.startLine > full.startLine) return { ...full, startLine: a.startLine, startColumn: a.startColumn };
  }
  return full;
}
