// Architecture sections of the markdown report: services, endpoints, middleware, data, hashing, health.
import type { Location } from '../core/types.js';
import type { Endpoint, ProjectModel } from '../model/types.js';
import { compareLocations, compareText } from './finding-order.js';
import { blocks, code, escapeText, heading, list, table } from './markdown-format.js';
import { displayServiceRoot } from './service-of-file.js';
import { hashCallKey, uniqueBy } from './unique-by.js';

export const where = (loc: Location): string => code(`${loc.file}:${loc.startLine}`);

const orNone = (items: string[], none: string): string => (items.length ? list(items) : escapeText(none));

/** Renders items as list lines ordered by location, then by their text; identical lines once. */
function linesByLocation<T extends { location: Location }>(items: readonly T[], render: (item: T) => string): string[] {
  const rendered = items.map((item) => ({ loc: item.location, text: render(item) }))
    .sort((a, b) => compareLocations(a.loc, b.loc) || compareText(a.text, b.text));
  return [...new Set(rendered.map((r) => r.text))];
}

const frameworkText = (f: { id: string; version: string | null }): string =>
  (f.version ? `${f.id} ${f.version}` : f.id);

export function servicesSection(model: ProjectModel): string {
  const services = [...model.services].sort((a, b) => compareText(a.root, b.root));
  const rows = services.map((s) => [
    code(displayServiceRoot(s.root)),
    escapeText([...s.languages].sort(compareText).join(', ')) || '-',
    escapeText([...s.frameworks].sort((a, b) => compareText(a.id, b.id)).map(frameworkText).join(', ')) || '-',
    s.isHttp ? 'yes' : 'no',
    s.entry ? where(s.entry) : '-',
    String(model.endpoints.filter((e) => e.service === s.root).length),
  ]);
  return blocks(
    heading(2, 'Services and frameworks'),
    rows.length
      ? table(['Service', 'Languages', 'Frameworks', 'HTTP', 'Entry', 'Endpoints'], rows)
      : 'No service found.',
  );
}

const authNames = (e: Endpoint): string[] =>
  [...new Set(e.middleware.filter((m) => m.role === 'auth' || m.role === 'optional-auth').map((m) => m.name))];

export function authCell(e: Endpoint): string {
  const names = authNames(e);
  return names.length ? `${e.auth} (${names.map(code).join(', ')})` : e.auth;
}

const tagsCell = (tags: readonly string[]): string => (tags.length ? tags.map(code).join(', ') : '-');

export function endpointRow(e: Endpoint): string[] {
  const handler = e.handler?.name ? `${code(e.handler.name)} at ${where(e.location)}` : where(e.location);
  return [code(e.method), code(e.path), handler, authCell(e), tagsCell(e.openapiTags), tagsCell(e.moaiTags)];
}

export function endpointsSection(model: ProjectModel): string {
  const endpoints = [...model.endpoints].sort((a, b) => compareText(a.service, b.service)
    || compareText(a.path, b.path) || compareText(a.method, b.method) || compareLocations(a.location, b.location));
  const headers = ['Method', 'Path', 'Handler', 'Auth', 'OpenAPI tags', 'MoAI tags'];
  const roots = [...new Set(endpoints.map((e) => e.service))];
  if (roots.length <= 1) {
    return blocks(heading(2, `Endpoints (${endpoints.length})`),
      endpoints.length ? table(headers, endpoints.map(endpointRow)) : 'No endpoint found.');
  }
  return blocks(heading(2, `Endpoints (${endpoints.length})`), ...roots.map((root) => {
    const own = endpoints.filter((e) => e.service === root);
    return blocks(heading(3, `Service ${code(displayServiceRoot(root))} (${own.length})`), table(headers, own.map(endpointRow)));
  }));
}

const yesNo = (v: boolean | null): string => (v === null ? 'unknown' : v ? 'yes' : 'no');

export function middlewareSection(model: ProjectModel): string {
  const cors = linesByLocation(model.cors, (c) =>
    `${code(c.policy)} via ${code(c.library)}, credentials: ${yesNo(c.credentials)}, at ${where(c.location)}`
    + (c.detail ? ` (${escapeText(c.detail)})` : ''));
  const limits = linesByLocation(model.rateLimits, (r) => {
    const scope = !r.applied ? 'configured but not applied'
      : r.scope ? `applied to ${code(r.scope)}` : r.scope === '' ? 'applied to the whole app' : 'applied';
    return `${code(r.library)} ${scope}, at ${where(r.location)}`;
  });
  const uses = new Map<string, { role: string; count: number }>();
  for (const e of model.endpoints) {
    for (const m of e.middleware) {
      if (m.role !== 'auth' && m.role !== 'optional-auth') continue;
      const key = `${m.name}\u0000${m.role}`;
      const seen = uses.get(key) ?? { role: m.role, count: 0 };
      uses.set(key, { role: seen.role, count: seen.count + 1 });
    }
  }
  const auth = [...uses.entries()].sort(([a], [b]) => compareText(a, b))
    .map(([key, u]) => [code(key.split('\u0000')[0]!), u.role, String(u.count)]);
  return blocks(
    heading(2, 'Middleware'),
    heading(3, 'CORS'), orNone(cors, 'No CORS configuration found.'),
    heading(3, 'Rate limiting'), orNone(limits, 'No rate limiting found.'),
    heading(3, 'Authentication middleware'),
    auth.length ? table(['Middleware', 'Role', 'Endpoints'], auth) : 'No authentication middleware seen on any endpoint.',
  );
}

export function databaseSection(model: ProjectModel): string {
  const items = linesByLocation(model.databases, (d) =>
    `${d.engine ? code(d.engine) : 'unknown engine'} via ${code(d.library)}, at ${where(d.location)}`);
  return blocks(heading(2, 'Database'), orNone(items, 'No database access found.'));
}

export function passwordHashingSection(model: ProjectModel): string {
  const sorted = [...model.passwordHashing]
    .sort((a, b) => compareLocations(a.location, b.location) || compareText(a.algorithm, b.algorithm)
      || compareText(a.library, b.library));
  const items = uniqueBy(sorted, hashCallKey).map((h) => {
    const params = Object.entries(h.params ?? {}).sort(([a], [b]) => compareText(a, b))
      .map(([k, v]) => `${k} ${String(v)}`).join(', ');
    return `${code(h.algorithm)} via ${code(h.library)}${h.isVerify ? ' (verify)' : ''}`
      + `${params ? `, ${escapeText(params)}` : ''}, at ${where(h.location)}`;
  });
  return blocks(heading(2, 'Password hashing'), orNone(items, 'No password hashing found.'));
}

export function healthSection(model: ProjectModel): string {
  const paths = (label: string, facts: ProjectModel['health']) =>
    linesByLocation(facts, (p) => `${label}: ${code(p.path)} at ${where(p.location)}`);
  const items = [...paths('Health', model.health), ...paths('Metrics', model.metrics)];
  if (!model.health.length) items.push('Health: none found');
  if (!model.metrics.length) items.push('Metrics: none found');
  return blocks(heading(2, 'Health and metrics'), list(items));
}
