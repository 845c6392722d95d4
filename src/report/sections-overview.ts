// Report sections: title, summary, scorecard, services (with the request flow), framework, database.
import type { Block, Line } from './doc.js';
import { code, heading, joined, line, link, list, listOr, mermaid, paragraph, table } from './doc.js';
import { compareLocations, compareText, countBySeverity, isSuppressed } from './finding-order.js';
import { pathRef, where, type ReportContext } from './report-context.js';
import { requestFlowDiagram } from './request-flow-diagram.js';
import { scorecard } from './scorecard.js';
import { displayServiceRoot } from './service-of-file.js';

function projectName(rootPath: string): string {
  const parts = rootPath.split(/[\\/]/).filter((p) => p !== '');
  return parts[parts.length - 1] ?? '.';
}

const frameworkText = (f: { id: string; version: string | null }): string => (f.version ? `${f.id} ${f.version}` : f.id);

export function headerBlocks(ctx: ReportContext): Block[] {
  const { result, msg } = ctx;
  return [
    heading(1, msg.title(projectName(result.rootPath))),
    paragraph(msg.generatedBy(`${result.tool.name} ${result.tool.version}`, ctx.options.timestamp)),
  ];
}

export function summaryBlocks(ctx: ReportContext): Block[] {
  const { result, msg, findings } = ctx;
  const suppressed = result.findings.filter(isSuppressed).length;
  const frameworks = [...new Set(result.model.services.flatMap((s) => s.frameworks).map(frameworkText))].sort(compareText);
  const items: Line[] = [
    ...(ctx.options.specId ? [line(msg.summary.spec, code(ctx.options.specId))] : []),
    line(msg.summary.findings, msg.tally(countBySeverity(findings)), suppressed ? msg.summary.suppressed(suppressed) : ''),
    line(msg.summary.frameworks, frameworks.length ? joined(frameworks.map((f) => [code(f)])) : msg.summary.noFramework),
    line(msg.summary.endpoints, msg.summary.endpointCount(result.model.endpoints.length, result.model.services.length)),
    line(msg.summary.scanned, msg.summary.scannedCount(result.stats.files, result.stats.parseErrors)),
  ];
  return [heading(2, msg.sections.summary), list(items)];
}

export function scorecardBlocks(ctx: ReportContext): Block[] {
  const { msg } = ctx;
  const rows = scorecard(ctx.result.rules, ctx.findings).map((r): Line[] => {
    const reason = r.score === null ? line(msg.score.notChecked)
      : r.failingRules.length === 0 ? line(msg.score.clean(r.ruleCount))
        : line(msg.tally(r.counts, true), ': ', joined(r.failingRules.map(([id, n]) => line(code(id), ` (${n})`))));
    return [
      line(msg.categories[r.category]),
      line(r.score === null ? msg.score.notApplicable : `${r.score}/10`),
      reason,
      r.docs.length ? joined(r.docs.map((d) => [link(code(d.id), d.helpUri)])) : line('-'),
    ];
  });
  return [
    heading(2, msg.sections.scorecard),
    table(msg.score.headers, rows),
    paragraph(msg.score.legend),
  ];
}

export function servicesBlocks(ctx: ReportContext): Block[] {
  const { msg, result } = ctx;
  const services = [...result.model.services].sort((a, b) => compareText(a.root, b.root));
  const rows = services.map((s): Line[] => [
    line(code(displayServiceRoot(s.root))),
    line([...s.languages].sort(compareText).join(', ') || '-'),
    line([...s.frameworks].sort((a, b) => compareText(a.id, b.id)).map(frameworkText).join(', ') || '-'),
    line(s.entry ? where(ctx, s.entry) : '-'),
    line(String(result.model.endpoints.filter((e) => e.service === s.root).length)),
  ]);
  return [
    heading(2, msg.sections.services),
    rows.length ? table(msg.services.headers, rows) : paragraph(msg.services.none),
    heading(3, msg.sections.requestFlow),
    paragraph(msg.services.requestFlowIntro),
    mermaid(requestFlowDiagram(result.model, msg.services.flow)),
  ];
}

export function frameworkBlocks(ctx: ReportContext): Block[] {
  const { msg, result } = ctx;
  const byId = new Map<string, { versions: Set<string>; roots: Set<string> }>();
  for (const s of result.model.services) {
    for (const f of s.frameworks) {
      const entry = byId.get(f.id) ?? { versions: new Set<string>(), roots: new Set<string>() };
      if (f.version) entry.versions.add(f.version);
      entry.roots.add(s.root);
      byId.set(f.id, entry);
    }
  }
  const items = [...byId.entries()].sort(([a], [b]) => compareText(a, b)).map(([id, f]) => {
    const endpoints = result.model.endpoints.filter((e) => e.framework === id).length;
    const versions = [...f.versions].sort(compareText);
    return line(code(id), versions.length ? ` ${versions.join(', ')}` : ` (${msg.framework.noVersion})`, ': ',
      msg.framework.services, joined([...f.roots].sort(compareText).map((r) => [code(displayServiceRoot(r))])),
      '; ', msg.framework.endpoints(endpoints));
  });
  const endpoints = result.model.endpoints;
  const tagged = endpoints.filter((e) => e.openapiTags.length > 0).length;
  const generated = endpoints.filter((e) => e.origin === 'generated').length;
  const facts: Line[] = endpoints.length ? [
    line(msg.framework.openapiCoverage(tagged, endpoints.length)),
    ...(generated ? [line(msg.framework.generated(generated, endpoints.length))] : []),
  ] : [];
  return [
    heading(2, msg.sections.framework),
    items.length ? list([...items, ...facts]) : paragraph(msg.framework.none),
  ];
}

/** Libraries that map tables to objects; the others are drivers or query builders. */
const ORMS = new Set([
  'prisma', 'sequelize', 'typeorm', 'mongoose', 'mikro-orm', 'objection', 'bookshelf', 'drizzle', 'drizzle-orm', 'sqlalchemy',
  'django-orm', 'peewee', 'tortoise-orm', 'sqlmodel', 'gorm', 'ent', 'hibernate', 'jpa', 'spring-data-jpa', 'eloquent',
  'doctrine', 'entity-framework', 'entityframeworkcore', 'diesel', 'sea-orm', 'slick', 'exposed', 'ebean', 'mybatis',
]);

export function databaseBlocks(ctx: ReportContext): Block[] {
  const { msg, result } = ctx;
  const seen = new Set<string>();
  const rows = [...result.model.databases]
    .sort((a, b) => compareLocations(a.location, b.location) || compareText(a.library, b.library))
    .filter((d) => {
      const key = `${d.engine ?? ''}\u0000${d.library}\u0000${d.location.file}\u0000${d.location.startLine}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((d): Line[] => [
      line(d.engine ? code(d.engine) : msg.database.unknownEngine),
      line(code(d.library)),
      line(ORMS.has(d.library.toLowerCase()) ? msg.database.orm : msg.database.driver),
      line(where(ctx, d.location)),
    ]);
  const inventory = result.inventory;
  const migrations = !inventory ? paragraph(msg.notAnalysed)
    : listOr(inventory.migrations.map((m) => line(code(m.tool), ': ', pathRef(ctx, m.path))), msg.database.noMigrations);
  return [
    heading(2, msg.sections.database),
    rows.length ? table(msg.database.headers, rows) : paragraph(msg.database.none),
    heading(3, msg.database.migrations),
    migrations,
  ];
}
