// Report sections: the middleware stack (CORS, rate limiting, auth, error handling, in request order) and testing.
import type { Location } from '../core/types.js';
import type { Block, Line } from './doc.js';
import { code, heading, joined, line, list, listOr, paragraph, table } from './doc.js';
import { compareLocations, compareText } from './finding-order.js';
import { where, type ReportContext } from './report-context.js';

const MAX_OTHER_MIDDLEWARE = 15;

/** Items as lines ordered by location, then text; identical lines once. */
function byLocation<T extends { location: Location }>(items: readonly T[], render: (item: T) => Line): Line[] {
  const rendered = items.map((item) => ({ loc: item.location, content: render(item) }))
    .sort((a, b) => compareLocations(a.loc, b.loc));
  const seen = new Set<string>();
  return rendered.filter((r) => {
    const key = JSON.stringify(r.content);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).map((r) => r.content);
}

function corsBlocks(ctx: ReportContext): Block[] {
  const { msg } = ctx;
  const items = byLocation(ctx.result.model.cors, (c) => line(code(c.policy), msg.middleware.via, code(c.library), ', ',
    msg.middleware.credentials(c.credentials), msg.endpoints.at, where(ctx, c.location), c.detail ? ` (${c.detail})` : ''));
  return [heading(3, msg.middleware.cors), listOr(items, msg.middleware.noCors)];
}

function rateLimitBlocks(ctx: ReportContext): Block[] {
  const { msg } = ctx;
  const items = byLocation(ctx.result.model.rateLimits, (r) => {
    const scope = !r.applied ? line(msg.middleware.notApplied)
      : r.scope ? line(msg.middleware.appliedTo, code(r.scope)) : r.scope === '' ? line(msg.middleware.appliedToApp) : line(msg.middleware.applied);
    return line(code(r.library), ' ', scope, msg.endpoints.at, where(ctx, r.location));
  });
  return [heading(3, msg.middleware.rateLimiting), listOr(items, msg.middleware.noRateLimit)];
}

/** Middleware name -> how many endpoints it runs before, for the roles asked. */
function middlewareUse(ctx: ReportContext, keep: (role: string) => boolean): [string, string, number][] {
  const uses = new Map<string, { role: string; count: number }>();
  for (const e of ctx.result.model.endpoints) {
    for (const m of new Map(e.middleware.map((x) => [`${x.name}\u0000${x.role}`, x])).values()) {
      if (!keep(m.role)) continue;
      const key = `${m.name}\u0000${m.role}`;
      uses.set(key, { role: m.role, count: (uses.get(key)?.count ?? 0) + 1 });
    }
  }
  return [...uses.entries()].map(([key, u]): [string, string, number] => [key.split('\u0000')[0]!, u.role, u.count])
    .sort((a, b) => b[2] - a[2] || compareText(a[0], b[0]) || compareText(a[1], b[1]));
}

function authBlocks(ctx: ReportContext): Block[] {
  const { msg } = ctx;
  const auth = middlewareUse(ctx, (role) => role === 'auth' || role === 'optional-auth')
    .map(([name, role, count]) => [line(code(name)), line(code(role)), line(String(count))]);
  const states = (['required', 'optional', 'none', 'unknown'] as const)
    .map((s) => [s, ctx.result.model.endpoints.filter((e) => e.auth === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${msg.auth[s]} ${n}`);
  return [
    heading(3, msg.middleware.authentication),
    auth.length ? table(msg.middleware.authHeaders, auth) : paragraph(msg.middleware.noAuth),
    ...(states.length ? [paragraph(msg.middleware.authStates, states.join(', '), '.')] : []),
  ];
}

const ERROR_HANDLER = /error|exception|fault/i;

function errorHandlingBlocks(ctx: ReportContext): Block[] {
  const { msg } = ctx;
  const named = middlewareUse(ctx, () => true).filter(([name]) => ERROR_HANDLER.test(name))
    .map(([name, , count]) => line(code(name), ': ', msg.framework.endpoints(count)));
  return [heading(3, msg.middleware.errorHandling), named.length ? list(named) : paragraph(msg.middleware.errorHandlingUnknown)];
}

function otherBlocks(ctx: ReportContext): Block[] {
  const { msg } = ctx;
  const other = middlewareUse(ctx, (role) => role === 'other' || role === 'cors' || role === 'rate-limit')
    .filter(([name]) => !ERROR_HANDLER.test(name));
  if (!other.length) return [];
  const rows = other.slice(0, MAX_OTHER_MIDDLEWARE).map(([name, role, count]) => [line(code(name)), line(code(role)), line(String(count))]);
  return [
    heading(3, msg.middleware.other),
    table(msg.middleware.authHeaders, rows),
    ...(other.length > MAX_OTHER_MIDDLEWARE ? [paragraph(msg.middleware.moreMiddleware(other.length - MAX_OTHER_MIDDLEWARE))] : []),
  ];
}

export function middlewareBlocks(ctx: ReportContext): Block[] {
  return [
    heading(2, ctx.msg.sections.middleware),
    paragraph(ctx.msg.middleware.intro),
    ...corsBlocks(ctx),
    ...rateLimitBlocks(ctx),
    ...authBlocks(ctx),
    ...errorHandlingBlocks(ctx),
    ...otherBlocks(ctx),
  ];
}

export function testingBlocks(ctx: ReportContext): Block[] {
  const { msg } = ctx;
  const inventory = ctx.result.inventory;
  if (!inventory) return [heading(2, msg.sections.testing), paragraph(msg.notAnalysed)];
  const frameworks = inventory.testFrameworks.map((f) =>
    line(code(f.id), f.version ? ` ${f.version}` : '', ' (', code(f.manifest), ')'));
  return [
    heading(2, msg.sections.testing),
    list([
      line(msg.testing.frameworks, frameworks.length ? joined(frameworks) : msg.testing.noFramework),
      line(msg.testing.files(inventory.testFiles)),
    ]),
  ];
}
