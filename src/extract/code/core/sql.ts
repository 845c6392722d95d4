// From a classified SQL sink to a sql-call fact: analyse the text argument, decide whether the call
// is worth a fact (known SQL API, SQL-looking text), classify the build, and place the location.
import type { SqlBuild, SqlCallFact } from '../../../core/facts.js';
import type { Location } from '../../../core/types.js';
import { looksLikeSql } from '../../code-facts-text.js';
import { loc } from '../../tree-sitter/ast.js';
import { analyzeText, withBudget, type BuiltText, type TextContext } from './built-text.js';
import type { CallView, Node } from './expr.js';

export interface SqlSink {
  sink: string;
  /** A known SQL API: the text need not look like SQL. */
  strong: boolean;
  text?: Node;
  hasParams: boolean;
  /** Fragment APIs (where / order / raw expressions): only worth a fact when the text is built from runtime values. */
  onlyBuilt?: boolean;
  /** The argument is a whole statement: a constant start that is not a SQL statement keyword means it is not SQL. */
  statement?: boolean;
  /** Parameterised by construction (Slick `sql"..."`, EF Core FromSqlInterpolated, sqlx `query!`). */
  parameterised?: boolean;
  /**
   * The bound values are passed as one spread collection (`db.Query(q, b.args...)`): a query builder that
   * appends placeholders to the text and values to the collection together. Runtime pieces outside quotes
   * are then clause fragments, not pasted values.
   */
  bindsCollection?: boolean;
  /**
   * The text names a column or table (Laravel `where($col, '=', $v)`, `orderBy($col)`): a reference built
   * from constant parts and runtime pieces (`$alias . '.id'`) is an identifier path, not a pasted value.
   */
  identifierOnly?: boolean;
  /** For weak sinks with an opaque text: accept anyway (a DB receiver's execute-like method). */
  trustOpaque?: boolean;
}

const STATEMENT_START = /^[\s(]*(select|insert|update|delete|with|create|drop|alter|replace|merge|truncate|call|\{\s*call|\{\s*\?|exec|execute|begin|declare|set|show|pragma|grant|revoke|lock|explain|describe|desc|values|upsert|copy|vacuum|analyze|use|commit|rollback|savepoint|release|start|listen|notify|reindex|cluster|comment|refresh|do|load|prepare|deallocate|discard|reset|unlisten|checkpoint|import|attach|detach|optimize|rename|insert|--|\/\*|#)/i;

/** A column / table reference: identifier characters, dots, quotes of identifiers and runtime pieces only. */
const IDENTIFIER_PATH = /^[\w.`"?]+$/;

/** True when a runtime piece (`?` in the analysed text) sits inside a quoted SQL string: a pasted value. */
function hasQuotedPiece(text: string): boolean {
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    else if (ch === '?' && quoted) return true;
  }
  return false;
}

/** True when a statement text starts like SQL, or starts with a runtime value (unknown). */
export function startsLikeStatement(text: string): boolean {
  const trimmed = text.replace(/^[\s\n\r]+/, '');
  if (trimmed === '' || trimmed.startsWith('?')) return true;
  return STATEMENT_START.test(trimmed);
}

export function sqlFact(file: string, ctx: TextContext, call: Node, view: CallView | undefined, sink: SqlSink): SqlCallFact | undefined {
  const location = sqlLocation(file, call, view, sink.text);
  if (sink.parameterised) return { kind: 'sql-call', sink: sink.sink, build: 'parameterised', dynamic: false, location };
  if (!sink.text) return undefined;
  const built = analyzeText(withBudget(ctx), sink.text);
  if (sink.onlyBuilt && !built.dynamic) return undefined;
  if (!sink.strong) {
    if (built.opaque) {
      if (!sink.trustOpaque) return undefined;
    } else if (!looksLikeSql(built.text)) {
      if (!(built.dynamic && built.text.replace(/\?/g, '').trim() === '' && sink.trustOpaque)) return undefined;
    }
  }
  if (sink.statement && !built.opaque && !startsLikeStatement(built.text)) return undefined;
  if (sink.identifierOnly && built.dynamic && !built.input && IDENTIFIER_PATH.test(built.text) && /[A-Za-z_.]/.test(built.text)) return undefined;
  if (sink.bindsCollection && built.dynamic && !built.input && !hasQuotedPiece(built.text)) {
    return { kind: 'sql-call', sink: sink.sink, build: 'parameterised', dynamic: true, location };
  }
  const { build, dynamic } = classifyBuild(built, sink.hasParams);
  const fact: SqlCallFact = { kind: 'sql-call', sink: sink.sink, build, dynamic, location };
  if (built.builtAt && (built.builtAt.startIndex < call.startIndex || built.builtAt.startIndex >= call.endIndex)) {
    fact.builtAt = loc(file, built.builtAt);
  }
  return fact;
}

export function classifyBuild(built: BuiltText, hasParams: boolean): { build: SqlBuild; dynamic: boolean } {
  if (built.opaque) return { build: 'unknown', dynamic: false };
  if (built.dynamic) {
    // request input used as the whole text (`whereRaw($_GET['f'])`): no constant part, nothing bound
    return { build: built.build === 'unknown' || built.build === 'literal' || built.build === 'parameterised' ? 'concatenated' : built.build, dynamic: true };
  }
  if (built.build === 'parameterised' || hasParams) return { build: 'parameterised', dynamic: false };
  return { build: 'literal', dynamic: false };
}

/** The call, starting at the method name when the receiver chain starts on an earlier line, or at the text when the call starts earlier. */
export function sqlLocation(file: string, call: Node, view: CallView | undefined, text: Node | undefined): Location {
  const full = callLocation(file, call, view);
  if (!text) return full;
  const arg = loc(file, text);
  if (arg.startLine > full.startLine && arg.startLine <= full.endLine) return { ...full, startLine: arg.startLine, startColumn: arg.startColumn };
  return full;
}

export function callLocation(file: string, call: Node, view: CallView | undefined): Location {
  const full = loc(file, call);
  if (view?.nameNode) {
    const name = loc(file, view.nameNode);
    if (name.startLine > full.startLine) return { ...full, startLine: name.startLine, startColumn: name.startColumn };
  }
  return full;
}
