// The MoAI TAG chain: @SPEC -> @API -> @TEST per TAG id, with orphan TAGs (no SPEC) and broken links.
import type { MoaiTagFact } from '../core/facts.js';
import type { MoaiContext } from '../core/result.js';
import type { Endpoint } from '../model/types.js';
import type { Block, Line } from './doc.js';
import { code, heading, joined, line, listOr, paragraph, table } from './doc.js';
import { compareLocations, compareText } from './finding-order.js';
import { pathRef, where, type ReportContext } from './report-context.js';

const MAX_PER_CELL = 4;

export type ChainStatus = 'complete' | 'broken' | 'orphan';

export interface ChainRow {
  /** The TAG id: 'AUTH-001' (SPEC document SPEC-AUTH-001). */
  id: string;
  specDocuments: string[]; // SPEC-IDs with a document under .moai/specs
  specTags: MoaiTagFact[];
  apiTags: MoaiTagFact[];
  testTags: MoaiTagFact[];
  otherTags: MoaiTagFact[]; // @CODE, @DOC
  status: ChainStatus;
  /** For a broken chain: which links are missing. */
  missing: ('@API' | '@TEST')[];
}

export interface TagChain {
  rows: ChainRow[];
  /** TAGs whose id has no SPEC (neither a document nor an @SPEC TAG). */
  orphans: MoaiTagFact[];
  /** @API TAGs that sit next to no endpoint. */
  unattachedApis: MoaiTagFact[];
}

const typeOf = (tag: string): string => tag.slice(0, tag.indexOf(':'));
const idOf = (tag: string): string => tag.slice(tag.indexOf(':') + 1);

export function tagChain(tags: readonly MoaiTagFact[], moai: MoaiContext | undefined, endpoints: readonly Endpoint[]): TagChain {
  const rows = new Map<string, ChainRow>();
  const get = (id: string): ChainRow => {
    let row = rows.get(id);
    if (!row) {
      row = { id, specDocuments: [], specTags: [], apiTags: [], testTags: [], otherTags: [], status: 'complete', missing: [] };
      rows.set(id, row);
    }
    return row;
  };
  for (const spec of moai?.specs ?? []) get(spec.id.replace(/^SPEC-/, '')).specDocuments.push(spec.id);
  const sorted = [...tags].sort((a, b) => compareLocations(a.location, b.location) || compareText(a.tag, b.tag));
  for (const tag of sorted) {
    const row = get(idOf(tag.tag));
    const type = typeOf(tag.tag);
    if (type === '@SPEC') row.specTags.push(tag);
    else if (type === '@API') row.apiTags.push(tag);
    else if (type === '@TEST') row.testTags.push(tag);
    else row.otherTags.push(tag);
  }
  const orphans: MoaiTagFact[] = [];
  for (const row of rows.values()) {
    const hasSpec = row.specDocuments.length > 0 || row.specTags.length > 0;
    if (!hasSpec) {
      row.status = 'orphan';
      orphans.push(...row.apiTags, ...row.testTags, ...row.otherTags);
      continue;
    }
    if (!row.apiTags.length) row.missing.push('@API');
    if (!row.testTags.length) row.missing.push('@TEST');
    row.status = row.missing.length ? 'broken' : 'complete';
  }
  const attached = new Set(endpoints.flatMap((e) => e.moaiTags.map((t) => `${e.location.file}\u0000${t}`)));
  const unattachedApis = sorted.filter((t) => typeOf(t.tag) === '@API' && !attached.has(`${t.location.file}\u0000${t.tag}`));
  return {
    rows: [...rows.values()].sort((a, b) => compareText(a.id, b.id)),
    orphans: orphans.sort((a, b) => compareLocations(a.location, b.location) || compareText(a.tag, b.tag)),
    unattachedApis,
  };
}

function locations(ctx: ReportContext, tags: readonly MoaiTagFact[]): Line[] {
  const shown = tags.slice(0, MAX_PER_CELL).map((t) => line(where(ctx, t.location)));
  return tags.length > MAX_PER_CELL ? [...shown, line(ctx.msg.tags.more(tags.length - MAX_PER_CELL))] : shown;
}

const cell = (items: Line[]): Line => (items.length ? joined(items) : line('-'));

export function tagChainBlocks(ctx: ReportContext): Block[] {
  const { msg, result } = ctx;
  const chain = tagChain(result.model.moaiTags, result.moai, result.model.endpoints);
  const out: Block[] = [heading(2, msg.sections.tagChain)];
  if (!chain.rows.length) return [...out, paragraph(result.model.usesMoai ? msg.tags.none : msg.tags.notMoai)];
  const rows = chain.rows.map((r): Line[] => [
    line(code(r.id)),
    cell([...r.specDocuments.map((id) => line(pathRef(ctx, `.moai/specs/${id}`))), ...locations(ctx, r.specTags)]),
    cell(locations(ctx, r.apiTags)),
    cell(locations(ctx, r.testTags)),
    line(msg.tags.status[r.status], r.missing.length ? line(' (', msg.tags.missing, joined(r.missing.map((m) => [code(m)])), ')') : ''),
  ]);
  const orphans = chain.orphans.map((t) => line(code(t.tag), msg.endpoints.at, where(ctx, t.location), ': ', msg.tags.noSpec(idOf(t.tag))));
  const broken = [
    ...chain.rows.filter((r) => r.status === 'broken').map((r) =>
      line(code(`SPEC-${r.id}`), ': ', msg.tags.missing, joined(r.missing.map((m) => [code(`${m}:${r.id}`)])))),
    ...chain.unattachedApis.map((t) => line(code(t.tag), msg.endpoints.at, where(ctx, t.location), ': ', msg.tags.unattached)),
  ];
  return [
    ...out,
    paragraph(msg.tags.intro),
    table(msg.tags.headers, rows),
    heading(3, msg.tags.orphansHeading(orphans.length)),
    listOr(orphans, msg.tags.noOrphans),
    heading(3, msg.tags.brokenHeading(broken.length)),
    listOr(broken, msg.tags.noBroken),
  ];
}
