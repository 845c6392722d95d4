// Rust calls that run SQL text: sqlx query / query_as / query_scalar / query_with (the query! macros are
// checked at compile time: parameterised), diesel sql_query and dsl::sql fragments, rusqlite and
// postgres / tokio-postgres client methods (execute, query, query_row, prepare, batch_execute ...),
// the mysql crate (query_drop, exec ...), sea-orm Statement::from_string, tiberius Query::new.
import type { CallView, Node } from '../core/expr.js';
import { receiverName } from '../core/expr.js';
import type { SqlSink } from '../core/sql.js';
import { sqlExtractor } from '../core/sql-extractor.js';
import { rustLang, rustTextHooks } from './lang.js';

const CLIENT_METHODS = new Set(['execute', 'query', 'query_row', 'query_one', 'query_opt', 'query_map', 'prepare', 'prepare_cached', 'batch_execute', 'execute_batch',
  'simple_query', 'query_drop', 'query_first', 'query_iter', 'exec', 'exec_drop', 'exec_first', 'query_raw', 'execute_raw', 'query_typed']);
const DB_RECEIVER = /^(conn|connection|db|client|tx|transaction|pool|c|txn|trx|database|pg|sqlite|mysql|executor)$|(conn|connection|client|db|pool|tx)$/i;

function classify(view: CallView): SqlSink | undefined {
  const path = view.path ?? [view.method];
  const last = view.method;
  if (view.isMacro) {
    if (/^(query|query_as|query_scalar|query_file|query_file_as|query_unchecked|query_as_unchecked)$/.test(last) && (path[0] === 'sqlx' || path.length === 1)) {
      return { sink: `sqlx::${last}!`, strong: true, text: view.args[0], hasParams: true, parameterised: true };
    }
    return undefined;
  }
  if (!view.receiver) {
    if (/^(query|query_as|query_scalar|query_with|query_as_with|query_scalar_with|raw_sql)$/.test(last) && (path[0] === 'sqlx' || path.length === 1)) {
      if (path.length === 1 && !['query_as', 'query_scalar', 'query_with', 'query_as_with', 'raw_sql'].includes(last)) {
        // a bare `query(..)` is sqlx when imported with `use sqlx::query`; otherwise require SQL-looking text
        return { sink: `sqlx::${last}`, strong: false, text: view.args[0], hasParams: false, statement: true };
      }
      return { sink: `sqlx::${last}`, strong: true, text: view.args[0], hasParams: false, statement: true };
    }
    if (last === 'sql_query') return { sink: 'diesel::sql_query', strong: true, text: view.args[0], hasParams: false, statement: true };
    if (last === 'sql' && (path.includes('dsl') || path.length === 1)) return { sink: 'diesel::dsl::sql', strong: path.includes('dsl'), text: view.args[0], hasParams: false, onlyBuilt: true };
    if ((path.at(-2) === 'Statement' && /^(from_string|from_sql_and_values)$/.test(last))) {
      return { sink: `sea_orm::Statement::${last}`, strong: true, text: view.args[1], hasParams: last === 'from_sql_and_values', statement: true };
    }
    if (path.at(-2) === 'Query' && last === 'new') return { sink: 'tiberius::Query::new', strong: true, text: view.args[0], hasParams: false, statement: true };
    return undefined;
  }
  if (CLIENT_METHODS.has(last)) {
    const recv = receiverName(rustLang, view.receiver);
    const text: Node | undefined = view.args[0];
    if (!text) return undefined;
    const db = DB_RECEIVER.test(recv);
    return { sink: `${recv || 'db'}.${last}`, strong: db && last !== 'query' && last !== 'execute' ? true : false, text, hasParams: view.args.length > 1 && !/^(\[\]|&\[\]|\(\)|params!\[\]|NO_PARAMS)$/.test(view.args[1]!.text), statement: true, trustOpaque: db };
  }
  return undefined;
}

export const rustSqlCalls = sqlExtractor({
  id: 'rust/sql-calls',
  language: 'rust',
  lang: rustLang,
  hooks: rustTextHooks,
  keywords: ['query', 'execute', 'sql_query', 'sql', 'prepare', 'exec', 'Statement', 'Query'],
  classify,
});
