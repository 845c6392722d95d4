// Report section: API endpoints (table with handler, auth, tags, TAGs and findings) and the endpoint map.
import type { Endpoint } from '../model/types.js';
import type { Block, Line, TableBlock } from './doc.js';
import { code, heading, joined, line, mermaid, paragraph, table } from './doc.js';
import { endpointMapDiagram } from './endpoint-map-diagram.js';
import { compareLocations, compareText } from './finding-order.js';
import { where, type ReportContext } from './report-context.js';
import { displayServiceRoot } from './service-of-file.js';

const locationKey = (file: string, line: number): string => `${file}\u0000${line}`;

/** Rule ids of the findings reported at each endpoint's declaration (file and line). */
function findingsByEndpoint(ctx: ReportContext): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const f of ctx.findings) {
    const key = locationKey(f.location.file, f.location.startLine);
    const ids = map.get(key) ?? [];
    if (!ids.includes(f.ruleId)) ids.push(f.ruleId);
    map.set(key, ids);
  }
  for (const ids of map.values()) ids.sort(compareText);
  return map;
}

export const sortEndpoints = (endpoints: readonly Endpoint[]): Endpoint[] => [...endpoints].sort((a, b) =>
  compareText(a.service, b.service) || compareText(a.path, b.path) || compareText(a.method, b.method)
  || compareLocations(a.location, b.location));

const codes = (items: readonly string[]): Line => (items.length ? joined(items.map((t) => [code(t)])) : line('-'));

function authCell(ctx: ReportContext, e: Endpoint): Line {
  const names = [...new Set(e.middleware.filter((m) => m.role === 'auth' || m.role === 'optional-auth').map((m) => m.name))];
  return line(ctx.msg.auth[e.auth], names.length ? line(' (', codes(names), ')') : '');
}

function row(ctx: ReportContext, e: Endpoint, findings: Map<string, string[]>, withService: boolean): Line[] {
  const handlerAt = e.handler?.location ?? e.location;
  const handler = e.handler?.name ? line(code(e.handler.name), ctx.msg.endpoints.at, where(ctx, handlerAt)) : line(where(ctx, e.location));
  const cells: Line[] = [
    line(code(e.method)),
    line(code(e.path)),
    handler,
    authCell(ctx, e),
    codes(e.openapiTags),
    codes(e.moaiTags.filter((t) => t.startsWith('@API:'))),
    codes(findings.get(locationKey(e.location.file, e.location.startLine)) ?? []),
  ];
  return withService ? [line(code(displayServiceRoot(e.service))), ...cells] : cells;
}

function interactiveTable(ctx: ReportContext, endpoints: readonly Endpoint[], findings: Map<string, string[]>): TableBlock {
  const { msg } = ctx;
  return {
    ...table([msg.endpoints.service, ...msg.endpoints.headers], endpoints.map((e) => row(ctx, e, findings, true))),
    interactive: { id: 'endpoints', filterLabel: msg.endpoints.filter, sortHint: msg.endpoints.sortHint, rowsShown: msg.endpoints.rowsShown },
  };
}

export function endpointBlocks(ctx: ReportContext): Block[] {
  const { msg, result } = ctx;
  const endpoints = sortEndpoints(result.model.endpoints);
  const findings = findingsByEndpoint(ctx);
  const out: Block[] = [heading(2, msg.sections.endpoints(endpoints.length))];
  if (!endpoints.length) return [...out, paragraph(msg.endpoints.none)];
  const roots = [...new Set(endpoints.map((e) => e.service))];
  if (ctx.target === 'html') {
    out.push(interactiveTable(ctx, endpoints, findings));
  } else if (roots.length === 1) {
    out.push(table(msg.endpoints.headers, endpoints.map((e) => row(ctx, e, findings, false))));
  } else {
    for (const root of roots) {
      const own = endpoints.filter((e) => e.service === root);
      out.push(heading(3, msg.endpoints.serviceHeading, code(displayServiceRoot(root)), ` (${own.length})`),
        table(msg.endpoints.headers, own.map((e) => row(ctx, e, findings, false))));
    }
  }
  out.push(...staticFileBlocks(ctx));
  out.push(heading(3, msg.sections.endpointMap));
  const services = [...result.model.services].filter((s) => roots.includes(s.root)).sort((a, b) => compareText(a.root, b.root));
  const labels = { service: msg.endpoints.mapService, morePaths: msg.endpoints.morePaths, authLegend: msg.endpoints.authLegend };
  for (const service of services) {
    if (services.length > 1) out.push(heading(4, msg.endpoints.serviceHeading, code(displayServiceRoot(service.root))));
    out.push(mermaid(endpointMapDiagram(service, endpoints, labels)));
  }
  return out;
}

/** Rows of the static-files table shown before "... and N more". */
const MAX_STATIC_ROWS = 50;

function staticFileBlocks(ctx: ReportContext): Block[] {
  const { msg, result } = ctx;
  const files = sortEndpoints(result.model.staticFiles ?? []);
  if (!files.length) return [];
  const shown = files.slice(0, MAX_STATIC_ROWS);
  const rows = shown.map((e) => [line(code(e.path)), line(where(ctx, e.location)), authCell(ctx, e)]);
  const out: Block[] = [heading(3, msg.sections.staticFiles(files.length)), paragraph(msg.endpoints.staticIntro), table(msg.endpoints.staticHeaders, rows)];
  if (files.length > shown.length) out.push(paragraph(msg.endpoints.moreStatic(files.length - shown.length)));
  return out;
}
