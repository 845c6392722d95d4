// PHP calls that run SQL text: mysql_* / mysqli_* / pg_* / sqlsrv / odbc / oci functions, PDO and
// mysqli query / exec / prepare / multi_query, WordPress $wpdb, Laravel DB::raw / select / statement /
// unprepared / insert / update / delete and the *Raw builder methods, column arguments of builder
// methods (where / orderBy / pluck / max ... fed request input), Doctrine createQuery /
// createNativeQuery / executeQuery / executeStatement and QueryBuilder expressions.
import type { CallView, Node } from '../core/expr.js';
import { namePath, receiverChain, receiverName } from '../core/expr.js';
import type { SqlSink } from '../core/sql.js';
import { sqlExtractor } from '../core/sql-extractor.js';
import type { TextContext } from '../core/built-text.js';
import { phpLang, phpTextHooks } from './lang.js';

/** function -> index of the SQL argument (negative: from the end; 'pg' = last of one or two). */
const FUNCTIONS: Record<string, number | 'pg'> = {
  mysql_query: 0, mysql_unbuffered_query: 0, mysql_db_query: 1, mysqli_query: 1, mysqli_multi_query: 1, mysqli_real_query: 1, mysqli_prepare: 1,
  mysqli_send_query: 1, pg_query: 'pg', pg_send_query: 1, pg_prepare: 2, pg_query_params: 1, pg_send_query_params: 1, sqlite_query: 'pg', sqlite_exec: 'pg',
  sqlsrv_query: 1, sqlsrv_prepare: 1, odbc_exec: 1, odbc_prepare: 1, db2_exec: 1, db2_prepare: 1, oci_parse: 1, mssql_query: 0, ibase_query: 'pg',
  cubrid_query: 0, maxdb_query: 1, ifx_query: 0, sybase_query: 0, fbsql_query: 0, ingres_query: 1, msql_query: 0, dbx_query: 1,
};
const PARAM_FUNCTIONS = new Set(['pg_query_params', 'pg_send_query_params', 'sqlsrv_query', 'sqlsrv_prepare']);
const LARAVEL_STATEMENTS = new Set(['select', 'selectOne', 'statement', 'unprepared', 'insert', 'update', 'delete', 'affectingStatement', 'scalar', 'cursor', 'selectFromWriteConnection']);
const RAW_METHODS = new Set(['whereRaw', 'orWhereRaw', 'selectRaw', 'orderByRaw', 'havingRaw', 'orHavingRaw', 'groupByRaw', 'fromRaw', 'joinRaw', 'whereNotRaw', 'raw']);
/** Builder methods whose first argument is a column name. */
const COLUMN_METHODS = new Set(['where', 'orWhere', 'whereIn', 'whereNotIn', 'whereNull', 'whereBetween', 'orderBy', 'orderByDesc', 'groupBy', 'having', 'pluck',
  'max', 'min', 'sum', 'avg', 'select', 'addSelect', 'latest', 'oldest', 'value', 'increment', 'decrement', 'distinct', 'join', 'leftJoin', 'firstWhere']);
const DOCTRINE_QB = new Set(['where', 'andWhere', 'orWhere', 'having', 'andHaving', 'orHaving', 'orderBy', 'addOrderBy', 'groupBy', 'addGroupBy', 'select', 'addSelect', 'from', 'join', 'innerJoin', 'leftJoin', 'set']);
const STATEMENT_METHODS = new Set(['query', 'exec', 'prepare', 'multi_query', 'real_query', 'unbuffered_query', 'send_query', 'executeQuery', 'executeStatement', 'executeUpdate',
  'fetchAll', 'fetchAllAssociative', 'fetchAssociative', 'fetchOne', 'fetchColumn', 'get_results', 'get_var', 'get_row', 'get_col', 'createCommand', 'rawQuery', 'queryAll', 'queryRow', 'queryScalar']);
const DB_RECEIVER = /^(pdo|db|dbh|dbc|conn|connection|con|mysqli|mysql|link|wpdb|database|adapter|dbal|pg|sqlite|handle|driver|em|entityManager|manager|connexion|cnx|bdd|mysqlcon)$|(db|pdo|conn|connection|Db|Pdo|Conn|Connection|Database|Adapter)$/i;

function laravelBuilder(ctx: TextContext, view: CallView): boolean {
  const chain = receiverChain(phpLang, view.receiver);
  if (chain.some((n) => /^(table|query|newQuery|getQuery|from|toBase)$/.test(n))) return true;
  const recv = receiverName(phpLang, view.receiver);
  if (/^(query|builder|qb|q|queryBuilder|baseQuery)$/i.test(recv)) return true;
  // Eloquent static calls: User::where(...) when the file uses Eloquent models
  if (view.receiver && phpLang.expr(view.receiver).k === 'name' && /^[A-Z]/.test(recv) && recv !== 'DB') {
    return /Illuminate\\Database|\\Models\\|Eloquent/.test(ctx.values.root.text.slice(0, 4000));
  }
  return false;
}

function classify(view: CallView, _call: Node, ctx: TextContext): SqlSink | undefined {
  if (view.isNew) return undefined;
  if (!view.receiver) {
    const fn = view.method.toLowerCase();
    const index = FUNCTIONS[fn];
    if (index === undefined) return undefined;
    const text = index === 'pg' ? view.args.at(view.args.length >= 2 ? 1 : 0) : view.args[index];
    return { sink: fn, strong: true, text, hasParams: PARAM_FUNCTIONS.has(fn), statement: fn !== 'oci_parse' };
  }
  const recvPath = namePath(phpLang, view.receiver);
  const recv = receiverName(phpLang, view.receiver);
  const method = view.method;
  const text = view.args[0];
  if (recvPath?.length === 1 && recvPath[0] === 'DB') {
    if (method === 'raw') return { sink: 'DB::raw', strong: true, text, hasParams: view.args.length > 1, onlyBuilt: true };
    if (LARAVEL_STATEMENTS.has(method)) return { sink: `DB::${method}`, strong: true, text, hasParams: view.args.length > 1 };
    return undefined;
  }
  if (RAW_METHODS.has(method) && method !== 'raw') return { sink: `laravel.${method}`, strong: true, text, hasParams: view.args.length > 1, onlyBuilt: true };
  if (method === 'createQuery' || method === 'createNativeQuery') return { sink: `doctrine.${method}`, strong: true, text, hasParams: false };
  if (STATEMENT_METHODS.has(method)) {
    const db = DB_RECEIVER.test(recv) || /(^|->)db(->|$)/.test(view.receiver.text);
    if (!text) return undefined;
    return { sink: `${recv || 'db'}->${method}`, strong: db, text, hasParams: view.args.length > 1, statement: true, trustOpaque: db };
  }
  if (COLUMN_METHODS.has(method) && laravelBuilder(ctx, view)) {
    if (!text) return undefined;
    const e = phpLang.expr(text);
    if (e.k === 'lambda' || e.k === 'list' || e.k === 'map') return undefined;
    return { sink: `laravel.${method}`, strong: true, text, hasParams: view.args.length > 1, onlyBuilt: true, identifierOnly: true };
  }
  if (DOCTRINE_QB.has(method) && (/^(qb|queryBuilder|builder)$/i.test(recv) || receiverChain(phpLang, view.receiver).includes('createQueryBuilder'))) {
    if (!text) return undefined;
    return { sink: `doctrine.${method}`, strong: true, text, hasParams: false, onlyBuilt: true };
  }
  return undefined;
}

export const phpSqlCalls = sqlExtractor({
  id: 'php/sql-calls',
  language: 'php',
  lang: phpLang,
  hooks: phpTextHooks,
  keywords: ['query', 'exec', 'prepare', 'DB::', 'Raw', 'raw', 'createQuery', 'createNativeQuery', 'execute', '->where', '->orderBy', 'pluck', '->max', '->select', 'get_results', 'Statement', 'Command'],
  classify,
});
