// Go calls that run SQL text: database/sql, sqlx and pgx (Query / QueryRow / Exec / Prepare and
// their Context variants, sqlx Select / Get / Queryx / NamedExec ...), gorm Raw / Exec and the
// string forms of Where / Or / Not / Order / Group / Having / Select / Joins, go-pg and bun
// expression methods (WhereOr, ColumnExpr, OrderExpr, TableExpr ...).
import type { Fact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import type { Extractor } from '../../types.js';
import { callView, receiverName, type CallView, type Node } from '../core/expr.js';
import { sqlFact, type SqlSink } from '../core/sql.js';
import { FileValues } from '../core/values.js';
import { goImports } from './imports.js';
import { goLang, goTextHooks } from './lang.js';

const STATEMENT_METHODS = new Set([
  'Query', 'QueryRow', 'QueryContext', 'QueryRowContext', 'Exec', 'ExecContext', 'Prepare', 'PrepareContext',
  'Queryx', 'QueryRowx', 'QueryxContext', 'QueryRowxContext', 'MustExec', 'MustExecContext', 'NamedExec', 'NamedExecContext',
  'NamedQuery', 'NamedQueryContext', 'Preparex', 'PreparexContext', 'PrepareNamed', 'PrepareNamedContext',
  'Select', 'Get', 'SelectContext', 'GetContext', 'QueryOne', 'ExecOne', 'Raw', 'QueryFunc', 'SendBatch', 'NewRaw',
]);
/** ORM methods whose first argument is a SQL fragment. */
const FRAGMENT_METHODS = new Set([
  'Where', 'Or', 'Not', 'Having', 'Joins', 'Order', 'Group', 'Select', 'Distinct', 'Table', 'Pluck',
  'WhereOr', 'WhereIn', 'WhereGroup', 'ColumnExpr', 'OrderExpr', 'TableExpr', 'GroupExpr', 'Join', 'DistinctOn', 'Set', 'ModelTableExpr', 'Returning',
]);
const SQL_PACKAGES = /^(database\/sql|github\.com\/jmoiron\/sqlx|github\.com\/jackc\/pgx|github\.com\/lib\/pq|github\.com\/go-sql-driver\/mysql|github\.com\/mattn\/go-sqlite3|gorm\.io|github\.com\/jinzhu\/gorm|github\.com\/go-pg\/pg|github\.com\/uptrace\/bun|xorm\.io|github\.com\/go-xorm|modernc\.org\/sqlite|github\.com\/denisenkom\/go-mssqldb|github\.com\/microsoft\/go-mssqldb)/;
const ORM_PACKAGES = /^(gorm\.io\/gorm|github\.com\/jinzhu\/gorm|github\.com\/go-pg\/pg|github\.com\/uptrace\/bun|xorm\.io|github\.com\/go-xorm)/;
const DB_RECEIVER = /^(db|tx|conn|con|pool|dbpool|database|sqldb|sqlxdb|pgx|pgxpool|client|stmt|txn|trx|gormdb|orm|store|repo|engine|session|q|querier)$|(db|DB|Db|Tx|Conn|Pool|Database)$/i;

export const goSqlCalls: Extractor = {
  id: 'go/sql-calls',
  languages: ['go'],
  keywords: ['Query', 'Exec', 'Prepare', 'Select', 'Get', 'Raw', 'Where', 'Order', 'Group', 'Having', 'Joins', 'Expr', 'Named'],
  extract(file: ParsedFile): Fact[] {
    if (file.tree.kind !== 'tree-sitter') return [];
    const root = file.tree.tree.rootNode;
    const values = new FileValues(goLang, root);
    const imports = [...goImports(root).values()];
    const usesSql = imports.some((p) => SQL_PACKAGES.test(p));
    const usesOrm = imports.some((p) => ORM_PACKAGES.test(p));
    const ctx = { values, hooks: goTextHooks };
    const facts: Fact[] = [];
    for (const call of values.calls) {
      const view = callView(goLang, call);
      if (!view || view.isNew || !view.receiver) continue;
      const sink = classify(view, usesSql, usesOrm);
      if (!sink) continue;
      const fact = sqlFact(file.path, ctx, call, view, sink);
      if (fact) facts.push(fact);
    }
    return facts;
  },
};

function isContextArg(node: Node): boolean {
  const text = node.text;
  return /^(ctx|c|context|cx|reqCtx|requestCtx)$/.test(text) || /^context\.(Background|TODO)\(\)$/.test(text) || /\.Context\(\)$/.test(text) || /Ctx$/.test(text);
}

function isStringish(node: Node): boolean {
  const e = goLang.expr(node);
  return e.k === 'string' || e.k === 'concat' || e.k === 'name' || e.k === 'call' || e.k === 'member' || e.k === 'wrap' || e.k === 'index';
}

function classify(view: CallView, usesSql: boolean, usesOrm: boolean): SqlSink | undefined {
  const recv = receiverName(goLang, view.receiver);
  const sinkName = `${recv || 'db'}.${view.method}`;
  const dbReceiver = DB_RECEIVER.test(recv);
  if (STATEMENT_METHODS.has(view.method)) {
    let args = view.args;
    if (args[0] && isContextArg(args[0])) args = args.slice(1);
    // a destination first: sqlx Select / Get(&dest, q), go-pg Query / QueryOne(&model, q) or (pg.Scan(&n), q)
    if (args[0] && args.length >= 2 && (goLang.expr(args[0]).k === 'wrap' || /^(pg|orm)\.(Scan|Model)\(/.test(args[0].text))) args = args.slice(1);
    const text = args[0];
    if (!text || !isStringish(text)) return undefined;
    // gorm Select("a, b") is a column list, not a statement
    if (view.method === 'Select' && usesOrm && view.args[0] === text) {
      return { sink: `gorm.${view.method}`, strong: true, text, hasParams: args.length > 1, onlyBuilt: true };
    }
    if (view.method === 'Get' && args.length < 2 && !dbReceiver) return undefined;
    const strong = dbReceiver || (usesSql && view.method !== 'Get' && view.method !== 'Select');
    // one spread slice after the text (`q, b.args...`): a builder that grows placeholders and values together
    const bindsCollection = args.length === 2 && args[1]!.text.endsWith('...');
    return { sink: sinkName, strong, text, hasParams: args.length > 1, statement: true, trustOpaque: dbReceiver, ...(bindsCollection ? { bindsCollection } : {}) };
  }
  if (FRAGMENT_METHODS.has(view.method) && (usesOrm || dbReceiver)) {
    const text = view.args[0];
    if (!text || !isStringish(text)) return undefined;
    return { sink: `${usesOrm ? 'orm' : recv}.${view.method}`, strong: true, text, hasParams: view.args.length > 1, onlyBuilt: true };
  }
  return undefined;
}
