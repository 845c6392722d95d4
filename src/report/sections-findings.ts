// Report sections: every reported finding (markdown: by severity, then rule; HTML: by rule) and run notes.
import type { Finding, Severity } from '../core/types.js';
import type { Block, Line } from './doc.js';
import { code, heading, line, link, list, paragraph } from './doc.js';
import { compareText, SEVERITIES } from './finding-order.js';
import { where, type ReportContext } from './report-context.js';

const MAX_NOTES = 50;

const RANK: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

function ruleHeading(ctx: ReportContext, level: 3 | 4, ruleId: string, count: number): Block[] {
  const rule = ctx.rules.get(ruleId);
  const title = rule ? line(code(ruleId), `: ${rule.title}`) : line(code(ruleId));
  return [
    heading(level, title, ` (${count})`),
    ...(rule?.helpUri ? [paragraph(link(ctx.msg.findings.howToFix(ruleId), rule.helpUri))] : []),
  ];
}

const findingLine = (ctx: ReportContext, f: Finding, withSeverity: boolean): Line =>
  line(withSeverity ? line(code(ctx.msg.severity[f.severity]), ' ') : '', where(ctx, f.location), ': ', f.message);

function bySeverity(ctx: ReportContext): Block[] {
  return SEVERITIES.flatMap((severity) => {
    const own = ctx.findings.filter((f) => f.severity === severity);
    if (!own.length) return [];
    const ruleIds = [...new Set(own.map((f) => f.ruleId))].sort(compareText);
    return [
      heading(3, ctx.msg.findings.severityHeading[severity], ` (${own.length})`),
      ...ruleIds.flatMap((id) => {
        const group = own.filter((f) => f.ruleId === id);
        return [...ruleHeading(ctx, 4, id, group.length), list(group.map((f) => findingLine(ctx, f, false)))];
      }),
    ];
  });
}

function byRule(ctx: ReportContext): Block[] {
  const worst = new Map<string, number>();
  for (const f of ctx.findings) worst.set(f.ruleId, Math.min(worst.get(f.ruleId) ?? 3, RANK[f.severity]));
  const ruleIds = [...worst.keys()].sort((a, b) => worst.get(a)! - worst.get(b)! || compareText(a, b));
  return ruleIds.flatMap((id) => {
    const group = ctx.findings.filter((f) => f.ruleId === id);
    return [...ruleHeading(ctx, 3, id, group.length), list(group.map((f) => findingLine(ctx, f, true)))];
  });
}

export function findingsBlocks(ctx: ReportContext): Block[] {
  const { msg } = ctx;
  const intro = paragraph(msg.findings.intro(ctx.target === 'html'));
  if (!ctx.findings.length) return [heading(2, msg.sections.findings), paragraph(msg.findings.none)];
  return [heading(2, msg.sections.findings), intro, ...(ctx.target === 'html' ? byRule(ctx) : bySeverity(ctx))];
}

export function runNotesBlocks(ctx: ReportContext): Block[] {
  const notes = ctx.result.notifications;
  if (!notes.length) return [];
  const items = notes.map((n) => {
    const at = n.location ? line(where(ctx, n.location), ': ') : n.file ? line(code(n.file), ': ') : line();
    return { key: `${n.file ?? ''}\u0000${n.location?.startLine ?? 0}\u0000${n.level}\u0000${n.message}`, content: line(`${n.level} (${n.kind}): `, at, n.message) };
  }).sort((a, b) => compareText(a.key, b.key)).map((i) => i.content);
  const shown = items.slice(0, MAX_NOTES);
  return [
    heading(2, ctx.msg.sections.runNotes),
    list(shown),
    ...(items.length > shown.length ? [paragraph(ctx.msg.findings.moreNotes(items.length - shown.length))] : []),
  ];
}
