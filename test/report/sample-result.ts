// A hand-built RunResult for the reporter tests: two services (an Express app at the repository
// root and a FastAPI service in services/billing), a few endpoints, findings in several
// categories (one suppressed, one from a rule missing in `rules`) and run notifications.
import type { RunResult } from '../../src/core/result.js';
import type { Finding, Location, RuleDescriptor, Severity, Category } from '../../src/core/types.js';
import type { Endpoint, ProjectModel } from '../../src/model/types.js';

export const at = (file: string, startLine: number, startColumn = 1, endColumn = startColumn + 10, endLine = startLine): Location =>
  ({ file, startLine, startColumn, endLine, endColumn });

function rule(id: string, category: Category, severity: Severity, extra: Partial<RuleDescriptor> = {}): RuleDescriptor {
  const title = `Title of ${id}`;
  return {
    id, title, category, severity, cwe: [], recommended: true,
    description: `Finds ${id.split('-').join(' ')}.`,
    helpMarkdown: `# ${title}\n\n## Why\n\nBecause \`${id}\` matters.\n\n## How to fix\n\nSee [the docs](https://example.test/${id}).\n\n## Options\n\nNone.\n`,
    helpUri: `https://github.com/backend-review/backend-review/blob/main/rules/${category}/${id}.md`,
    ...extra,
  };
}

export const RULES: RuleDescriptor[] = [
  rule('sql-built-by-concatenation', 'sqli', 'error', { cwe: ['CWE-89'], securitySeverity: 8.8, deprecatedIds: ['sql-concat'] }),
  rule('cors-allows-any-origin', 'cors', 'error', { cwe: ['CWE-942'], securitySeverity: 7.5 }),
  rule('endpoint-without-openapi-tags', 'untagged-endpoint', 'note'),
  rule('hardcoded-secret', 'secrets', 'warning', { cwe: ['CWE-798'], securitySeverity: 7.5 }),
  rule('weak-hash-for-security', 'weak-hash', 'warning', { cwe: ['CWE-327', 'CWE-328'], securitySeverity: 5.3 }),
  rule('http-service-without-health-endpoint', 'health', 'note'),
  rule('jwt-none-algorithm', 'jwt', 'error', { cwe: ['CWE-347'], securitySeverity: 9.1 }),
];

function finding(ruleId: string, category: Category, severity: Severity, message: string, location: Location,
  extra: Partial<Finding> = {}): Finding {
  const cwe = RULES.find((r) => r.id === ruleId)?.cwe ?? [];
  return { ruleId, category, cwe, severity, message, location, fingerprint: `${ruleId}:${location.file}:fp`, ...extra };
}

export const FINDINGS: Finding[] = [
  finding('sql-built-by-concatenation', 'sqli', 'error', 'SQL text passed to cursor.execute is built by concatenation.',
    at('services/billing/app/db.py', 20, 5, 60), {
      related: [{ location: at('services/billing/app/db.py', 18, 9, 40), message: 'SQL text built here.' }],
    }),
  finding('cors-allows-any-origin', 'cors', 'error', 'cors() with no options allows any origin, with credentials.',
    at('src/main.ts', 13, 9, 15)),
  finding('endpoint-without-openapi-tags', 'untagged-endpoint', 'note', 'POST /api/articles has no OpenAPI tags.',
    at('src/routes/articles.ts', 20, 1, 40)),
  finding('hardcoded-secret', 'secrets', 'warning', 'A Stripe secret key is written in src/config.ts.',
    at('src/config.ts', 3, 14, 50), { suppression: { kind: 'inSource', justification: 'test key, revoked' } }),
  finding('weak-hash-for-security', 'weak-hash', 'warning', 'md5 is used to build a session token.',
    at('src/legacy utils/[hash].ts', 5, 10, 30)),
  finding('http-service-without-health-endpoint', 'health', 'note', 'Service services/billing has no health endpoint.',
    at('services/billing/app/main.py', 1, 1, 2)),
  finding('invalid-suppression', 'config', 'warning', 'The suppression comment names no rule id.',
    at('src/routes/users.ts', 2, 1, 30)),
];

function endpoint(method: Endpoint['method'], path: string, location: Location, extra: Partial<Endpoint> = {}): Endpoint {
  return {
    method, path, location, framework: 'express', service: '', middleware: [], auth: 'none',
    openapiTags: [], moaiTags: [], origin: 'route', ...extra,
  };
}

export const ENDPOINTS: Endpoint[] = [
  endpoint('GET', '/api/articles', at('src/routes/articles.ts', 12), {
    handler: { name: 'listArticles' }, openapiTags: ['articles'], moaiTags: ['@API:ARTICLE-001'],
  }),
  endpoint('POST', '/api/articles', at('src/routes/articles.ts', 20), {
    handler: { name: 'createArticle' }, auth: 'required',
    middleware: [{ name: 'requireAuth', role: 'auth' }, { name: 'express.json', role: 'other' }],
  }),
  endpoint('GET', '/api/users/{id}', at('src/routes/users.ts', 8), {
    auth: 'optional', middleware: [{ name: 'optionalAuth', role: 'optional-auth' }], openapiTags: ['users|admin'],
  }),
  endpoint('GET', '/health', at('src/main.ts', 30)),
  endpoint('POST', '/invoices', at('services/billing/app/main.py', 15), {
    framework: 'fastapi', service: 'services/billing', auth: 'required', handler: { name: 'create_invoice' },
    middleware: [{ name: 'Depends(get_current_user)', role: 'auth' }], openapiTags: ['invoices'],
  }),
  endpoint('GET', '/invoices/{invoice_id}', at('services/billing/app/main.py', 22), {
    framework: 'fastapi', service: 'services/billing', auth: 'unknown', openapiTags: ['invoices'],
  }),
];

export function sampleModel(): ProjectModel {
  const bcrypt = (line: number, library: string, isVerify?: boolean) => ({
    kind: 'hash-call' as const, algorithm: 'bcrypt' as const, library, purpose: 'password' as const,
    location: at('src/auth.ts', line), ...(isVerify ? { isVerify } : { params: { cost: 10 } }),
  });
  const passwordHashing = [bcrypt(58, 'bcryptjs'), bcrypt(58, 'bcrypt'), bcrypt(70, 'bcryptjs', true)];
  return {
    services: [
      { root: '', languages: ['typescript', 'javascript'], frameworks: [{ id: 'express', version: '4.18.2' }],
        entry: at('src/main.ts', 40), isHttp: true },
      { root: 'services/billing', languages: ['python'], frameworks: [{ id: 'fastapi', version: null }], isHttp: true },
    ],
    endpoints: structuredClone(ENDPOINTS),
    health: [{ path: '/health', location: at('src/main.ts', 30), service: '' }],
    metrics: [{ path: '/metrics', location: at('services/billing/app/main.py', 40), service: 'services/billing' }],
    cors: [{ kind: 'cors-config', policy: 'wildcard', credentials: true, library: 'cors', detail: 'cors() with no options',
      location: at('src/main.ts', 13, 9, 15) }],
    passwordHashing,
    hashCalls: [...passwordHashing, { kind: 'hash-call', algorithm: 'md5', library: 'crypto', purpose: 'other',
      location: at('src/legacy utils/[hash].ts', 5, 10, 30) }],
    sqlCalls: [],
    jwtCalls: [],
    secrets: [],
    rateLimits: [
      { kind: 'rate-limit', library: 'express-rate-limit', applied: true, scope: '', location: at('src/main.ts', 15) },
      { kind: 'rate-limit', library: 'slowapi', applied: false, location: at('services/billing/app/main.py', 5) },
    ],
    databases: [
      { kind: 'database', engine: 'postgresql', library: 'prisma', location: at('prisma/schema.prisma', 2) },
      { kind: 'database', engine: 'sqlite', library: 'sqlalchemy', location: at('services/billing/app/db.py', 4) },
    ],
    configIssues: [],
    moaiTags: [],
    usesMoai: true,
  };
}

/** A fresh copy each call: tests may change it. */
export function sampleResult(): RunResult {
  return {
    tool: { name: 'backend-review', version: '0.1.0' },
    rootPath: '/home/dev/shop api',
    model: sampleModel(),
    findings: structuredClone(FINDINGS),
    rules: structuredClone(RULES),
    notifications: [
      { level: 'warning', kind: 'skipped', message: 'File larger than 1 MiB skipped.', file: 'assets/big.min.js' },
      { level: 'error', kind: 'parse-error', message: 'Unexpected token.', file: 'src/broken.ts', location: at('src/broken.ts', 3, 7, 8) },
      { level: 'note', kind: 'manifest-error', message: 'package.json of tools/ is not valid JSON.' },
    ],
    stats: { files: 42, bytes: 123456, parseErrors: 1, durationMs: 812, skipped: { large: 1 } },
  };
}

/** An empty scan: no services, endpoints, findings, rules or notes. */
export function emptyResult(): RunResult {
  const model = sampleModel();
  return {
    ...sampleResult(),
    model: {
      ...model, services: [], endpoints: [], health: [], metrics: [], cors: [], passwordHashing: [], hashCalls: [],
      rateLimits: [], databases: [], usesMoai: false,
    },
    findings: [],
    rules: [],
    notifications: [],
    stats: { files: 0, bytes: 0, parseErrors: 0, durationMs: 3, skipped: {} },
  };
}

/** The same result with every list reversed: a reporter must give byte-identical output for it. */
export function reversedResult(): RunResult {
  const r = sampleResult();
  const m = r.model;
  const rev = <T>(xs: T[]): T[] => [...xs].reverse();
  return {
    ...r,
    model: {
      ...m,
      services: rev(m.services).map((s) => ({ ...s, languages: rev(s.languages), frameworks: rev(s.frameworks) })),
      endpoints: rev(m.endpoints), health: rev(m.health), metrics: rev(m.metrics), cors: rev(m.cors),
      passwordHashing: rev(m.passwordHashing),
      hashCalls: rev(m.hashCalls), rateLimits: rev(m.rateLimits), databases: rev(m.databases),
    },
    findings: rev(r.findings), rules: rev(r.rules), notifications: rev(r.notifications),
  };
}
