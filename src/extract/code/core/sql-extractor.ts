// Builds a sql-call extractor for one language from its syntax (Lang), text hooks and sink table.
import type { Fact } from '../../../core/facts.js';
import type { LanguageId } from '../../../core/types.js';
import type { ParsedFile } from '../../../languages/types.js';
import type { Extractor } from '../../types.js';
import type { TextContext, TextHooks } from './built-text.js';
import { callView, type CallView, type Lang, type Node } from './expr.js';
import { sqlFact, type SqlSink } from './sql.js';
import { FileValues } from './values.js';

export type SinkClassifier = (view: CallView, call: Node, ctx: TextContext) => SqlSink | undefined;

export function sqlExtractor(spec: {
  id: string;
  language: LanguageId;
  lang: Lang;
  hooks: TextHooks;
  keywords: readonly string[];
  classify: SinkClassifier;
  /** Extra sinks that are not calls (Scala sql"..." interpolations, PHP backtick queries). */
  extra?: (file: string, ctx: TextContext) => Fact[];
}): Extractor {
  return {
    id: spec.id,
    languages: [spec.language],
    keywords: spec.keywords,
    extract(file: ParsedFile): Fact[] {
      if (file.tree.kind !== 'tree-sitter') return [];
      const values = new FileValues(spec.lang, file.tree.tree.rootNode);
      const ctx: TextContext = { values, hooks: spec.hooks };
      const facts: Fact[] = [];
      for (const call of values.calls) {
        const view = callView(spec.lang, call);
        if (!view) continue;
        const sink = spec.classify(view, call, ctx);
        if (!sink) continue;
        const fact = sqlFact(file.path, ctx, call, view, sink);
        if (fact) facts.push(fact);
      }
      if (spec.extra) facts.push(...spec.extra(file.path, ctx));
      return facts;
    },
  };
}
