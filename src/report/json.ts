// The `--format json` scan result: exactly shared/contracts/scan-result.md (schemaVersion 1), plus
// the added `report` field that lets `backend-review report --from` re-render the architecture report.
import { CONTRACT_METHODS } from '../core/facts.js';
import type { RunResult } from '../core/result.js';
import type { Finding, Location } from '../core/types.js';
import type { Endpoint, PathFact, Service } from '../model/types.js';
import { compareText, reportedFindings } from './finding-order.js';
import { savedReport } from './saved-result.js';
import { displayServiceRoot } from './service-of-file.js';
import { hashCallKey, uniqueBy } from './unique-by.js';

interface Located { file: string; line: number }

const located = (loc: Location): Located => ({ file: toSlashes(loc.file), line: loc.startLine });
const toSlashes = (p: string): string => p.split('\\').join('/');

/** Sort by file, then line, then a tie-break key (all plain code-unit order). */
function sortLocated<T extends Located>(items: T[], key: (item: T) => string): T[] {
  return items.sort((a, b) => compareText(a.file, b.file) || a.line - b.line || compareText(key(a), key(b)));
}

/** Drops entries whose JSON is identical to one already kept. */
const unique = <T>(items: T[]): T[] => uniqueBy(items, (item) => JSON.stringify(item));

function services(list: readonly Service[]) {
  return list
    .map((s) => ({
      root: displayServiceRoot(s.root),
      languages: [...new Set(s.languages)].sort(compareText),
      frameworks: [...s.frameworks]
        .sort((a, b) => compareText(a.id, b.id) || compareText(a.version ?? '', b.version ?? ''))
        .map((f) => ({ id: f.id, version: f.version ?? null })),
    }))
    .sort((a, b) => compareText(a.root, b.root));
}

function endpoints(list: readonly Endpoint[]) {
  return unique([...list]
    .map((e) => ({
      method: e.method,
      path: e.path,
      ...located(e.location),
      framework: e.framework,
      service: displayServiceRoot(e.service),
      openapiTags: [...e.openapiTags],
      moaiTags: [...e.moaiTags],
      auth: e.auth,
    }))
    .sort((a, b) => compareText(a.file, b.file) || a.line - b.line
      || compareText(a.method, b.method) || compareText(a.path, b.path)
      || compareText(JSON.stringify(a), JSON.stringify(b))));
}

function paths(list: readonly PathFact[]) {
  return unique(sortLocated(list.map((p) => ({ path: p.path, ...located(p.location) })), (p) => p.path));
}

function architecture(model: RunResult['model']) {
  const cors = model.cors.map((c) => ({ policy: c.policy, credentials: c.credentials, ...located(c.location) }));
  // One entry per file + line + algorithm (a call site may be reported by more than one extractor).
  const passwordHashing = uniqueBy(
    [...model.passwordHashing].sort((a, b) => compareText(a.location.file, b.location.file)
      || a.location.startLine - b.location.startLine || compareText(a.algorithm, b.algorithm)
      || compareText(a.library, b.library)),
    hashCallKey,
  ).map((h) => ({ algorithm: h.algorithm, library: h.library, ...located(h.location) }));
  const rateLimiting = model.rateLimits.filter((r) => r.applied)
    .map((r) => ({ library: r.library, ...located(r.location) }));
  const databases = model.databases.map((d) => ({
    ...(d.engine !== undefined ? { engine: d.engine } : {}), library: d.library, ...located(d.location),
  }));
  return {
    cors: unique(sortLocated(cors, (c) => `${c.policy}\u0000${String(c.credentials)}`)),
    health: paths(model.health),
    metrics: paths(model.metrics),
    passwordHashing,
    rateLimiting: unique(sortLocated(rateLimiting, (r) => r.library)),
    databases: unique(sortLocated(databases, (d) => `${d.engine ?? ''}\u0000${d.library}`)),
  };
}

function finding(f: Finding) {
  return {
    ruleId: f.ruleId,
    category: f.category,
    cwe: [...f.cwe],
    severity: f.severity,
    message: f.message,
    file: toSlashes(f.location.file),
    line: f.location.startLine,
    column: f.location.startColumn,
    endLine: f.location.endLine,
    endColumn: f.location.endColumn,
    fingerprint: f.fingerprint,
  };
}

export function renderJson(result: RunResult): string {
  const out = {
    schemaVersion: 1,
    tool: { name: result.tool.name, version: result.tool.version },
    root: '.',
    services: services(result.model.services),
    endpoints: endpoints(result.model.endpoints.filter((e) => CONTRACT_METHODS.has(e.method))),
    // Added field: endpoints whose method the contract's enum cannot express yet (HTTP QUERY).
    extensionMethodEndpoints: endpoints(result.model.endpoints.filter((e) => !CONTRACT_METHODS.has(e.method))),
    // Added field: files served by static-file mounts, one GET each (kept out of the endpoint inventory).
    staticFiles: endpoints(result.model.staticFiles ?? []),
    architecture: architecture(result.model),
    findings: reportedFindings(result.findings).map(finding),
    stats: {
      files: result.stats.files,
      bytes: result.stats.bytes,
      parseErrors: result.stats.parseErrors,
      durationMs: result.stats.durationMs,
    },
    // Added field: everything the markdown and HTML reports read (see saved-result.ts).
    report: savedReport(result),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
