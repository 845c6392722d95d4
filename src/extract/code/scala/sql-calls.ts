// Scala SQL: Slick `sql"..."` / `sqlu"..."` (bound `$x`, spliced `#$x`), old Slick queryNA / updateNA,
// Anorm SQL(...) and SQL"..." , Doobie sql"..." / fr"..." and Fragment.const(...), and the JVM APIs
// of jvm/sql-sinks.ts (JDBC, JdbcTemplate, JPA).
import type { Fact, SqlCallFact } from '../../../core/facts.js';
import { loc, walk } from '../../tree-sitter/ast.js';
import { analyzeText, withBudget, type TextContext, type TextHooks } from '../core/built-text.js';
import type { CallView } from '../core/expr.js';
import type { SqlSink } from '../core/sql.js';
import { sqlExtractor } from '../core/sql-extractor.js';
import { classifyJvmSql } from '../jvm/sql-sinks.js';
import { jvmTextHooks } from '../jvm/text-hooks.js';
import { scalaLang } from './lang.js';

const BOUND_TAGS = new Set(['sql', 'sqlu', 'tsql', 'fr', 'fr0', 'SQL', 'sqlf']);

export const scalaTextHooks: TextHooks = { ...jvmTextHooks, boundTemplateTags: BOUND_TAGS };

function classify(view: CallView): SqlSink | undefined {
  if ((!view.receiver || view.path?.[0] === 'anorm' || view.path?.[0] === 'doobie') && (view.method === 'SQL' || view.method === 'Query0' || view.method === 'Update0')) {
    return { sink: `anorm.${view.method}`, strong: true, text: view.args[0], hasParams: false, statement: true };
  }
  const recv = view.path?.slice(-2, -1)[0] ?? '';
  if ((view.method === 'const' || view.method === 'const0') && recv === 'Fragment') {
    return { sink: 'doobie.Fragment.const', strong: true, text: view.args[0], hasParams: false, onlyBuilt: true };
  }
  if (view.method === 'queryNA' || view.method === 'updateNA') return { sink: `slick.${view.method}`, strong: true, text: view.args[0], hasParams: false, statement: true };
  return classifyJvmSql(scalaLang, view);
}

/** sql"..." interpolations: parameterised unless a `#$x` splice pastes runtime text. */
function interpolations(file: string, ctx: TextContext): Fact[] {
  const out: Fact[] = [];
  walk(ctx.values.root, (node) => {
    if (node.type !== 'interpolated_string_expression') return undefined;
    const e = scalaLang.expr(node);
    if (e.k !== 'template' || !e.tag || !BOUND_TAGS.has(e.tag)) return undefined;
    const built = analyzeText(withBudget(ctx), node);
    const fact: SqlCallFact = {
      kind: 'sql-call', sink: `${e.tag === 'fr' || e.tag === 'fr0' ? 'doobie' : 'slick'}.${e.tag}`,
      build: built.dynamic ? 'interpolated' : 'parameterised', dynamic: built.dynamic, location: loc(file, node),
    };
    out.push(fact);
    return false;
  });
  return out;
}

export const scalaSqlCalls = sqlExtractor({
  id: 'scala/sql-calls',
  language: 'scala',
  lang: scalaLang,
  hooks: scalaTextHooks,
  keywords: ['sql', 'SQL', 'execute', 'query', 'Query', 'prepare', 'Fragment', 'update', 'NA', 'createQuery'],
  classify,
  extra: interpolations,
});
