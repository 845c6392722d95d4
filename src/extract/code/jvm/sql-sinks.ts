// JVM calls that run SQL or query-language text (Java, Kotlin, Scala): JDBC Statement / Connection,
// Spring JdbcTemplate and NamedParameterJdbcTemplate, JPA / Hibernate createQuery / createNativeQuery /
// createSQLQuery / sqlRestriction, JDO newQuery / setFilter / setOrdering, Kotlin Exposed exec,
// Vert.x SQL clients, jOOQ plain-SQL methods, Doobie Fragment.const, Anorm SQL(...).
import type { Lang, Node, CallView } from '../core/expr.js';
import { receiverName } from '../core/expr.js';
import type { SqlSink } from '../core/sql.js';

/** Names specific to JDBC / JPA / Hibernate / JDO: no need to check the receiver. */
const SPECIFIC = new Set([
  'executeQuery', 'executeUpdate', 'executeLargeUpdate', 'addBatch', 'prepareStatement', 'prepareCall', 'nativeSQL',
  'createQuery', 'createNativeQuery', 'createSQLQuery', 'createSqlQuery', 'sqlRestriction',
  'queryForObject', 'queryForList', 'queryForMap', 'queryForRowSet', 'queryForLong', 'queryForInt', 'queryForStream', 'batchUpdate',
  'preparedQuery', 'newQuery',
]);
/** Generic names: SQL only on a database-looking receiver or with SQL-looking text. */
const GENERIC = new Set(['execute', 'query', 'update', 'exec', 'queryForString', 'fetch', 'resultQuery', 'executeSql', 'rawQuery', 'execSQL', 'executeStatement', 'run']);
/** Query-language fragments (JDO filters, Hibernate criteria). */
const FRAGMENT = new Set(['setFilter', 'setOrdering', 'setGrouping', 'setResult', 'setHaving']);
const DB_RECEIVER = /^(stmt|statement|st|ps|pstmt|conn|connection|con|c|db|database|jdbc|jdbcTemplate|template|namedParameterJdbcTemplate|namedJdbcTemplate|em|entityManager|session|sess|tx|transaction|client|pool|sqlClient|dsl|ctx|create|handle|h|dao|getSqlStatement|getConnection|getSqlConnection|getCurrentSession|openSession|getSession|getEntityManager|createStatement)$|(Statement|Connection|Template|JdbcTemplate|EntityManager|Session|Db|DB|Database|Client|Pool|Dao|DAO)$/;

function isTextArg(lang: Lang, node: Node | undefined): boolean {
  if (!node) return false;
  const e = lang.expr(node);
  if (e.k === 'lambda' || e.k === 'list' || e.k === 'literal' || e.k === 'bool-op' || e.k === 'arith' || e.k === 'map') return false;
  if (node.type === 'class_literal' || /::class(\.java)?$|\.class$|^classOf\[/.test(node.text)) return false;
  return true;
}

/** Arguments after the SQL that bind values (not row mappers, result types or callbacks). */
function bindsValues(lang: Lang, rest: Node[]): boolean {
  return rest.some((a) => lang.expr(a).k !== 'lambda' && !/mapper|extractor|handler|callback|\.class$|::class|classOf|RowMapper|ResultSetExtractor|^new\s+\w*(Mapper|Extractor|Handler)/i.test(a.text));
}

/** Spring JDBC operation objects built from SQL text: constructor -> index of the SQL argument. */
const SQL_OBJECTS: Record<string, number> = { PreparedStatementCreatorFactory: 0, SqlUpdate: 1, BatchSqlUpdate: 1, SqlFunction: 1, SqlQuery: 1, MappingSqlQuery: 1, StoredProcedure: 1 };

export function classifyJvmSql(lang: Lang, view: CallView): SqlSink | undefined {
  const method = view.method;
  if (view.isNew) {
    const index = SQL_OBJECTS[method];
    if (index === undefined) return undefined;
    const text = view.args.length > index ? view.args[index] : undefined;
    return isTextArg(lang, text) ? { sink: `new ${method}`, strong: true, text, hasParams: false, statement: true } : undefined;
  }
  if (method === 'overrideSql') return { sink: 'slick.overrideSql', strong: true, text: view.args[0], hasParams: false, statement: true };
  const recv = receiverName(lang, view.receiver);
  const sinkName = `${recv || 'db'}.${method}`;
  const dbReceiver = DB_RECEIVER.test(recv);
  if (method === 'sqlRestriction' || (method === 'sql' && /^(Restrictions|Expression)$/.test(recv))) {
    return { sink: `hibernate.${method}`, strong: true, text: view.args[0], hasParams: view.args.length > 1 };
  }
  if (method === 'newQuery') {
    const args = view.args;
    let text: Node | undefined;
    const first = args[0] ? lang.expr(args[0]) : undefined;
    if (args.length === 1) text = args[0];
    else if (first?.k === 'string' && /^(sql|javax\.jdo\.query\.(SQL|JDOQL)|jdoql)$/i.test(first.value)) text = args[1];
    else if (args.length >= 2) text = args.at(-1);
    if (!isTextArg(lang, text)) return undefined;
    return { sink: `jdo.newQuery`, strong: true, text, hasParams: false };
  }
  if (FRAGMENT.has(method)) {
    const text = view.args[0];
    if (!isTextArg(lang, text)) return undefined;
    return { sink: `jdo.${method}`, strong: true, text, hasParams: false, onlyBuilt: true };
  }
  if (method === 'createQuery' || method === 'createNativeQuery' || method === 'createSQLQuery' || method === 'createSqlQuery') {
    const text = view.args[0];
    if (!isTextArg(lang, text)) return undefined;
    return { sink: `${recv || 'em'}.${method}`, strong: true, text, hasParams: false };
  }
  if (SPECIFIC.has(method)) {
    const text = view.args[0];
    if (!isTextArg(lang, text)) return undefined;
    const statement = ['executeQuery', 'executeUpdate', 'executeLargeUpdate', 'addBatch', 'prepareStatement', 'prepareCall'].includes(method);
    return { sink: sinkName, strong: true, text, hasParams: bindsValues(lang, view.args.slice(1)), statement };
  }
  if (GENERIC.has(method)) {
    const text = view.args[0];
    if (!isTextArg(lang, text)) return undefined;
    return { sink: sinkName, strong: false, text, hasParams: bindsValues(lang, view.args.slice(1)), statement: true, trustOpaque: dbReceiver && method !== 'run' && method !== 'fetch' };
  }
  return undefined;
}
