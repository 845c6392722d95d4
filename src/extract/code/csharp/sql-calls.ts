// C# calls that run SQL text: ADO.NET commands (new SqlCommand / NpgsqlCommand / MySqlCommand /
// SqliteCommand ... (text, conn), CommandText = text, SqlDataAdapter), EF Core FromSqlRaw /
// ExecuteSqlRaw / SqlQueryRaw (raw) and FromSql / ExecuteSql / SqlQuery / FromSqlInterpolated /
// ExecuteSqlInterpolated with an interpolated string literal (parameterised), EF6 SqlQuery /
// ExecuteSqlCommand, Dapper Query* / Execute*, NHibernate CreateSQLQuery / CreateQuery.
import type { Fact } from '../../../core/facts.js';
import { walk } from '../../tree-sitter/ast.js';
import type { TextContext } from '../core/built-text.js';
import { receiverName, type CallView, type Node } from '../core/expr.js';
import { sqlFact, type SqlSink } from '../core/sql.js';
import { sqlExtractor } from '../core/sql-extractor.js';
import { csharpLang, csharpTextHooks } from './lang.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const COMMANDS = /^(Sql|Npgsql|MySql|Sqlite|SQLite|Oracle|OleDb|Odbc|Db2|Fb|SqlCe)(Command|DataAdapter)$/;
const EF_RAW = new Set(['FromSqlRaw', 'ExecuteSqlRaw', 'ExecuteSqlRawAsync', 'SqlQueryRaw']);
/** FormattableString overloads: an interpolated string literal written as the argument is parameterised (EF Core). */
const EF_FORMATTABLE = new Set(['FromSql', 'ExecuteSql', 'ExecuteSqlAsync', 'SqlQuery', 'FromSqlInterpolated', 'ExecuteSqlInterpolated', 'ExecuteSqlInterpolatedAsync', 'ExecuteSqlCommand', 'ExecuteSqlCommandAsync']);
const DAPPER = /^(Query|QueryAsync|QueryFirst|QueryFirstAsync|QueryFirstOrDefault|QueryFirstOrDefaultAsync|QuerySingle|QuerySingleAsync|QuerySingleOrDefault|QuerySingleOrDefaultAsync|QueryMultiple|QueryMultipleAsync|Execute|ExecuteAsync|ExecuteScalar|ExecuteScalarAsync|ExecuteReader|ExecuteReaderAsync|QueryUnbufferedAsync)$/;
const DB_RECEIVER = /^(conn|connection|con|cnn|db|_db|_conn|_connection|dbConnection|_dbConnection|sqlConnection|connectionFactory|_session|session|transaction|tx|trans|uow|_uow)$|(Connection|Conn|Db|Transaction|Session)$/;

function sqlArg(view: CallView): Node | undefined {
  return view.named.get('sql') ?? view.named.get('cmdText') ?? view.named.get('commandText') ?? view.named.get('selectCommandText') ?? view.named.get('query') ?? view.args[0];
}

function classify(view: CallView): SqlSink | undefined {
  if (view.isNew) {
    if (!COMMANDS.test(view.method)) return undefined;
    const text = sqlArg(view);
    return text ? { sink: `new ${view.method}`, strong: true, text, hasParams: false, statement: true } : undefined;
  }
  const method = view.method;
  const text = sqlArg(view);
  if (!text) return undefined;
  if (EF_RAW.has(method)) return { sink: `efcore.${method}`, strong: true, text, hasParams: view.args.length > 1, statement: true };
  if (EF_FORMATTABLE.has(method)) {
    const direct = text.type === 'interpolated_string_expression';
    if (direct) return { sink: `efcore.${method}`, strong: true, text, hasParams: true, parameterised: true };
    return { sink: `efcore.${method}`, strong: true, text, hasParams: view.args.length > 1, statement: true };
  }
  if (method === 'CreateSQLQuery' || method === 'CreateSqlQuery' || method === 'CreateQuery' && /session/i.test(receiverName(csharpLang, view.receiver))) {
    return { sink: `nhibernate.${method}`, strong: true, text, hasParams: false };
  }
  if (DAPPER.test(method)) {
    const recv = receiverName(csharpLang, view.receiver);
    const db = DB_RECEIVER.test(recv);
    return { sink: `${recv || 'db'}.${method}`, strong: db, text, hasParams: view.args.length > 1 || view.named.has('param'), statement: true, trustOpaque: db };
  }
  return undefined;
}

/** `cmd.CommandText = text` and `new SqlCommand { CommandText = text }`. */
function commandTexts(file: string, ctx: TextContext): Fact[] {
  const out: Fact[] = [];
  walk(ctx.values.root, (node) => {
    if (node.type !== 'assignment_expression') return undefined;
    const left = fieldOf(node, 'left');
    const right = fieldOf(node, 'right');
    const prop = left?.type === 'identifier' ? left.text : left?.type === 'member_access_expression' ? fieldOf(left, 'name')?.text : undefined;
    if (prop !== 'CommandText' || !right) return undefined;
    const fact = sqlFact(file, ctx, node, undefined, { sink: 'CommandText', strong: true, text: right, hasParams: false, statement: true });
    if (fact) out.push(fact);
    return undefined;
  });
  return out;
}

export const csharpSqlCalls = sqlExtractor({
  id: 'csharp/sql-calls',
  language: 'csharp',
  lang: csharpLang,
  hooks: csharpTextHooks,
  keywords: ['Command', 'FromSql', 'ExecuteSql', 'SqlQuery', 'Query', 'Execute', 'CreateSQLQuery', 'DataAdapter'],
  classify,
  extra: commandTexts,
});
