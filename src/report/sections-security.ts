// Report sections: security (password hashing, JWT, secrets, SQL, configuration) and operations
// (health, metrics, Dockerfile HEALTHCHECK, .env.example).
import type { Location } from '../core/types.js';
import type { Block, Line } from './doc.js';
import { code, heading, joined, line, list, listOr, paragraph } from './doc.js';
import { compareLocations, compareText } from './finding-order.js';
import { pathRef, where, type ReportContext } from './report-context.js';
import { hashCallKey, uniqueBy } from './unique-by.js';

const MAX_ENV_KEYS = 40;

/** Items as lines ordered by location; identical lines once. */
function byLocation<T extends { location: Location }>(items: readonly T[], render: (item: T) => Line): Line[] {
  const seen = new Set<string>();
  return [...items].sort((a, b) => compareLocations(a.location, b.location)).map(render).filter((l) => {
    const key = JSON.stringify(l);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const codes = (items: readonly string[]): Line => joined(items.map((t) => [code(t)]));

function passwordHashing(ctx: ReportContext): Block[] {
  const { msg } = ctx;
  const sorted = [...ctx.result.model.passwordHashing]
    .sort((a, b) => compareLocations(a.location, b.location) || compareText(a.algorithm, b.algorithm) || compareText(a.library, b.library));
  const items = uniqueBy(sorted, hashCallKey).map((h) => {
    const params = Object.entries(h.params ?? {}).sort(([a], [b]) => compareText(a, b)).map(([k, v]) => `${k} ${String(v)}`).join(', ');
    return line(code(h.algorithm), msg.middleware.via, code(h.library), h.isVerify ? ` (${msg.security.verify})` : '',
      params ? `, ${params}` : '', msg.endpoints.at, where(ctx, h.location));
  });
  const fast = byLocation(ctx.result.model.hashCalls.filter((h) => h.purpose !== 'password' && (h.algorithm === 'md5' || h.algorithm === 'sha1')),
    (h) => line(code(h.algorithm), msg.middleware.via, code(h.library), msg.endpoints.at, where(ctx, h.location)));
  return [
    heading(3, msg.security.passwordHashing),
    listOr(items, msg.security.noPasswordHashing),
    ...(fast.length ? [paragraph(msg.security.fastHashes), list(fast)] : []),
  ];
}

function jwt(ctx: ReportContext): Block[] {
  const { msg } = ctx;
  const items = byLocation(ctx.result.model.jwtCalls, (j) => line(code(j.library), ' ', code(j.operation), msg.endpoints.at,
    where(ctx, j.location), ': ', j.issues.length ? codes([...j.issues].sort(compareText)) : msg.security.noJwtIssue,
    j.detail ? ` (${j.detail})` : ''));
  return [heading(3, msg.security.jwt), listOr(items, msg.security.noJwt)];
}

function secrets(ctx: ReportContext): Block[] {
  const { msg } = ctx;
  const items = byLocation(ctx.result.model.secrets, (s) => line(code(s.redacted), ' (', code(s.detector), ', ',
    msg.security.confidence[s.confidence], ')', s.name ? line(msg.security.assignedTo, code(s.name)) : '', msg.endpoints.at,
    where(ctx, s.location), s.isTestOrExample ? ` (${msg.security.testOrExample})` : ''));
  return [heading(3, msg.security.secrets), paragraph(msg.security.secretsIntro), listOr(items, msg.security.noSecrets)];
}

function sqlAndConfig(ctx: ReportContext): Block[] {
  const { msg, result } = ctx;
  const sql = result.model.sqlCalls;
  const dynamic = sql.filter((s) => s.dynamic && s.build !== 'parameterised').length;
  const config = byLocation(result.model.configIssues, (c) => line(code(c.issue), msg.endpoints.at, where(ctx, c.location), ` (${c.detail})`));
  return [
    heading(3, msg.security.sql),
    paragraph(sql.length ? msg.security.sqlCalls(sql.length, dynamic) : msg.security.noSql),
    heading(3, msg.security.configuration),
    listOr(config, msg.security.noConfigIssues),
  ];
}

export function securityBlocks(ctx: ReportContext): Block[] {
  return [heading(2, ctx.msg.sections.security), ...passwordHashing(ctx), ...jwt(ctx), ...secrets(ctx), ...sqlAndConfig(ctx)];
}

function healthBlocks(ctx: ReportContext): Block[] {
  const { msg, result } = ctx;
  const paths = (label: string, facts: typeof result.model.health) =>
    byLocation(facts, (p) => line(label, code(p.path), msg.endpoints.at, where(ctx, p.location)));
  const items = [...paths(msg.operations.health, result.model.health), ...paths(msg.operations.metrics, result.model.metrics)];
  if (!result.model.health.length) items.push(line(msg.operations.health, msg.operations.noneFound));
  if (!result.model.metrics.length) items.push(line(msg.operations.metrics, msg.operations.noneFound));
  return [heading(3, msg.operations.healthAndMetrics), list(items)];
}

function containerBlocks(ctx: ReportContext): Block[] {
  const { msg } = ctx;
  const inventory = ctx.result.inventory;
  if (!inventory) return [heading(3, msg.operations.container), paragraph(msg.notAnalysed)];
  const items = inventory.dockerfiles.map((d) => line(pathRef(ctx, d.path), ': ', d.healthcheckLine === null
    ? msg.operations.noHealthcheck : line(msg.operations.healthcheckAt, where(ctx, { file: d.path, startLine: d.healthcheckLine }))));
  return [heading(3, msg.operations.container), listOr(items, msg.operations.noDockerfile)];
}

function environmentBlocks(ctx: ReportContext): Block[] {
  const { msg } = ctx;
  const inventory = ctx.result.inventory;
  if (!inventory) return [heading(3, msg.operations.environment), paragraph(msg.notAnalysed)];
  const items = inventory.envExamples.map((e) => {
    const shown = e.keys.slice(0, MAX_ENV_KEYS);
    return line(pathRef(ctx, e.path), ': ', msg.operations.keys(e.keys.length), shown.length ? line(': ', codes(shown)) : '',
      e.keys.length > shown.length ? msg.operations.moreKeys(e.keys.length - shown.length) : '');
  });
  return [
    heading(3, msg.operations.environment),
    listOr(items, msg.operations.noEnvExample),
    paragraph(msg.operations.envReadsNotAnalysed),
  ];
}

export function operationsBlocks(ctx: ReportContext): Block[] {
  return [heading(2, ctx.msg.sections.operations), ...healthBlocks(ctx), ...containerBlocks(ctx), ...environmentBlocks(ctx)];
}
