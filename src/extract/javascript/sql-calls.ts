// JS/TS calls that run SQL text, and how that text was built: pg / mysql / mysql2 / mssql /
// sqlite3 / better-sqlite3 `query` / `execute` / `run` / `all` / `prepare` ..., knex `raw` and the
// `*Raw` builders, sequelize `query` / `literal`, typeorm `query` and query-builder `where`,
// prisma `$queryRawUnsafe` / `$executeRawUnsafe` (tagged `$queryRaw` is parameterised).
import type * as t from '@babel/types';
import type { Fact, SqlBuild, SqlCallFact } from '../../core/facts.js';
import type { Location } from '../../core/types.js';
import type { ParsedFile } from '../../languages/types.js';
import { looksLikeSql } from '../code-facts-text.js';
import type { Extractor } from '../types.js';
import { loc, memberPath, objectProperty, walk, type Node } from './ast.js';
import { analyzeText, type BuiltText } from './built-text.js';
import { FileValues, nodeEnd, nodeStart, unwrap } from './code-values.js';

/** Builder methods whose string argument is raw SQL, whatever the receiver. */
const RAW_METHODS = new Set([
  'whereRaw', 'orWhereRaw', 'andWhereRaw', 'havingRaw', 'orHavingRaw', 'joinRaw', 'orderByRaw', 'groupByRaw',
  'fromRaw', 'selectRaw', 'onRaw', 'orOnRaw', 'andOnRaw', 'whereNotRaw',
  '$queryRawUnsafe', '$executeRawUnsafe', '$queryRaw', '$executeRaw',
]);
/** Methods that run SQL on a client / pool / connection / database object (checked for SQL-looking text). */
const GENERIC_METHODS = new Set([
  'query', 'execute', 'exec', 'run', 'all', 'get', 'each', 'prepare', 'raw', 'none', 'one', 'many', 'any',
  'oneOrNone', 'manyOrNone', 'result', 'multi', 'unsafe', 'queryOne', 'queryAll', 'executeQuery', 'batch',
]);
/** typeorm SelectQueryBuilder methods taking a condition string. */
const QUERY_BUILDER_METHODS = new Set(['where', 'andWhere', 'orWhere', 'having', 'andHaving', 'orHaving']);
const DB_RECEIVER = /^(db|database|conn|connection|con|client|pool|pg|mysql|sql|sqlite|knex|trx|tx|transaction|sequelize|manager|entityManager|em|queryRunner|dataSource|datasource|repository|repo|request|prisma|postgres|mssql|cnx|dbClient|dbPool|dbConn|pgPool|pgClient|mysqlPool|connectionPool)$/i;
const DB_RECEIVER_WORD = /(db|database|conn|connection|client|pool|knex|sequelize|repository|manager|sql|prisma)$/i;

export const javascriptSqlCalls: Extractor = {
  id: 'javascript/sql-calls',
  languages: ['javascript', 'typescript'],
  keywords: ['query', 'execute', 'Raw', 'raw', 'run', 'prepare', 'exec', 'literal', '.all', '.get', '.each', '.one', '.any', '.none', '.many', 'where', 'unsafe'],
  extract(file: ParsedFile): Fact[] {
    if (file.tree.kind !== 'babel') return [];
    const values = FileValues.of(file.tree.ast as unknown as Node);
    const facts: Fact[] = [];
    for (const call of values.calls) {
      if (call.type !== 'CallExpression') continue;
      const fact = sqlCallFact(file.path, values, call);
      if (fact) facts.push(fact);
    }
    for (const tagged of taggedSqlCalls(values)) facts.push(toTaggedFact(file.path, tagged));
    return facts;
  },
};

interface Callee {
  method: string;
  receiver: Node;
  /** Last name of the receiver: `this.db` -> 'db', `pool.request()` -> 'request', `new sql.Request()` -> 'Request'. */
  receiverName: string;
  receiverPath: string[];
}

function calleeOf(call: t.CallExpression): Callee | undefined {
  const callee = unwrap(call.callee as Node);
  if (!callee || (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression')) return undefined;
  let method: string | undefined;
  if (!callee.computed && callee.property.type === 'Identifier') method = callee.property.name;
  else if (callee.property.type === 'StringLiteral') method = callee.property.value;
  if (!method) return undefined;
  const receiver = unwrap(callee.object as Node)!;
  const receiverPath = memberPath(receiver) ?? [];
  return { method, receiver, receiverName: receiverNameOf(receiver), receiverPath };
}

function receiverNameOf(receiver: Node | undefined): string {
  const node = unwrap(receiver);
  if (!node) return '';
  const path = memberPath(node);
  if (path) return path.at(-1) ?? '';
  if (node.type === 'CallExpression' || node.type === 'NewExpression') {
    const inner = memberPath(node.callee as Node);
    return inner?.at(-1) ?? '';
  }
  return '';
}

function isDbReceiver(c: Callee): boolean {
  return DB_RECEIVER.test(c.receiverName) || DB_RECEIVER_WORD.test(c.receiverName)
    || c.receiverPath.some((p) => /^(db|knex|sequelize|prisma|pool)$/i.test(p));
}

/** A chain that starts at `createQueryBuilder(...)`, directly or through a local variable. */
function isQueryBuilderChain(values: FileValues, node: Node | undefined, depth = 0): boolean {
  const n = unwrap(node);
  if (!n || depth > 20) return false;
  if (n.type === 'CallExpression') {
    const callee = unwrap(n.callee as Node);
    if (callee && callee.type === 'MemberExpression') {
      if (!callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'createQueryBuilder') return true;
      return isQueryBuilderChain(values, callee.object as Node, depth + 1);
    }
    return false;
  }
  if (n.type === 'Identifier') {
    const res = values.resolve(n.name, n);
    if (res.kind !== 'bindings') return false;
    return res.bindings.some((b) => b.op === '=' && isQueryBuilderChain(values, b.value, depth + 1));
  }
  return false;
}

interface SinkKind {
  sink: string;
  /** Known SQL API: no need for the text to look like SQL. */
  strong: boolean;
}

function classify(values: FileValues, c: Callee): SinkKind | undefined {
  const recv = c.receiverName || c.receiverPath.join('.') || 'db';
  if (RAW_METHODS.has(c.method)) {
    const lib = c.method.startsWith('$') ? 'prisma' : 'knex';
    return { sink: `${lib}.${c.method}`, strong: true };
  }
  if (c.method === 'literal' && /^sequelize$/i.test(c.receiverName)) return { sink: 'sequelize.literal', strong: true };
  if (c.method === 'raw' && /^Prisma$/.test(c.receiverName)) return { sink: 'prisma.raw', strong: true };
  if (c.method === 'query' && /sequelize/i.test(c.receiverName)) return { sink: 'sequelize.query', strong: true };
  if (c.method === 'raw' && (/knex|trx|^db$|database/i.test(c.receiverName) || knexImported(values, c))) return { sink: 'knex.raw', strong: true };
  if (QUERY_BUILDER_METHODS.has(c.method) && isQueryBuilderChain(values, c.receiver)) return { sink: `typeorm.${c.method}`, strong: true };
  if (GENERIC_METHODS.has(c.method)) {
    if (c.receiver.type === 'ThisExpression' && c.method !== 'query' && c.method !== 'execute') return undefined;
    return { sink: `${recv}.${c.method}`, strong: false };
  }
  return undefined;
}

function knexImported(values: FileValues, c: Callee): boolean {
  const root = c.receiverPath[0];
  if (!root) return false;
  const imp = values.importOf(root);
  return !!imp && imp.source === 'knex';
}

/** The SQL text argument and whether bound parameters accompany it. */
function textArgument(call: t.CallExpression, c: Callee): { text?: Node; hasParams: boolean } {
  const args = call.arguments as Node[];
  const first = unwrap(args[0]);
  const second = unwrap(args[1]);
  if (first && first.type === 'ObjectExpression') {
    const sql = objectProperty(first, 'sql') ?? objectProperty(first, 'text') ?? objectProperty(first, 'query');
    const vals = objectProperty(first, 'values') ?? objectProperty(first, 'bind') ?? objectProperty(first, 'replacements');
    return { text: sql, hasParams: !!vals || isParamsArg(second) };
  }
  if (c.method === '$queryRawUnsafe' || c.method === '$executeRawUnsafe') return { text: first, hasParams: args.length > 1 };
  if (c.method === 'query' && second && second.type === 'ObjectExpression') {
    // sequelize: query(sql, { replacements | bind })
    const hasParams = !!(objectProperty(second, 'replacements') ?? objectProperty(second, 'bind') ?? objectProperty(second, 'values'));
    return { text: first, hasParams };
  }
  return { text: first, hasParams: isParamsArg(second) };
}

function isParamsArg(node: Node | undefined): boolean {
  if (!node) return false;
  return node.type !== 'ArrowFunctionExpression' && node.type !== 'FunctionExpression';
}

function sqlCallFact(file: string, values: FileValues, call: t.CallExpression): SqlCallFact | undefined {
  const c = calleeOf(call);
  if (!c) return undefined;
  const kind = classify(values, c);
  if (!kind) return undefined;
  const { text, hasParams } = textArgument(call, c);
  if (!text) return undefined;
  const textNode = unwrap(text);
  if (textNode && (textNode.type === 'ArrowFunctionExpression' || textNode.type === 'FunctionExpression' || textNode.type === 'ArrayExpression')) return undefined;
  const built = analyzeText(values, text);
  if (!kind.strong) {
    if (built.opaque) {
      if (!((c.method === 'query' || c.method === 'execute') && isDbReceiver(c))) return undefined;
    } else if (!looksLikeSql(built.text)) {
      return undefined;
    }
  } else if (kind.sink.startsWith('typeorm.') && built.opaque) {
    return undefined;
  }
  const { build, dynamic } = classifyBuild(built, hasParams);
  const fact: SqlCallFact = { kind: 'sql-call', sink: kind.sink, build, dynamic, location: sqlLocation(file, call, text) };
  if (built.builtAt && (nodeStart(built.builtAt) < nodeStart(call) || nodeStart(built.builtAt) >= nodeEnd(call))) {
    fact.builtAt = loc(file, built.builtAt);
  }
  return fact;
}

function classifyBuild(built: BuiltText, hasParams: boolean): { build: SqlBuild; dynamic: boolean } {
  if (built.opaque) return { build: 'unknown', dynamic: false };
  if (built.dynamic) return { build: built.build, dynamic: true };
  if (built.build === 'parameterised' || hasParams) return { build: 'parameterised', dynamic: false };
  return { build: 'literal', dynamic: false };
}

/** Where to point: the call, or the SQL text argument when the call starts on an earlier line (multi-line calls). */
function sqlLocation(file: string, call: t.CallExpression, text: Node): Location {
  const full = callLocation(file, call);
  const arg = loc(file, text);
  if (arg.startLine > full.startLine && arg.startLine <= full.endLine) return { ...full, startLine: arg.startLine, startColumn: arg.startColumn };
  return full;
}

/** The call's location, starting at the method name when the receiver chain starts on an earlier line. */
export function callLocation(file: string, call: t.CallExpression): Location {
  const full = loc(file, call as Node);
  const callee = unwrap(call.callee as Node);
  if (callee && (callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') && callee.property.loc) {
    const prop = loc(file, callee.property as Node);
    if (prop.startLine > full.startLine) return { ...full, startLine: prop.startLine, startColumn: prop.startColumn };
  }
  return full;
}

function taggedSqlCalls(values: FileValues): t.TaggedTemplateExpression[] {
  const out: t.TaggedTemplateExpression[] = [];
  walk(values.root, (node) => {
    if (node.type !== 'TaggedTemplateExpression') return;
    const last = memberPath(node.tag as Node)?.at(-1);
    if (last === '$queryRaw' || last === '$executeRaw') out.push(node);
  });
  return out;
}

function toTaggedFact(file: string, node: t.TaggedTemplateExpression): SqlCallFact {
  const tag = memberPath(node.tag as Node)?.at(-1) ?? '$queryRaw';
  return { kind: 'sql-call', sink: `prisma.${tag}`, build: 'parameterised', dynamic: false, location: loc(file, node as Node) };
}
