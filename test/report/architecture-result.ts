// The sample result with what only the architecture report reads: inventory, MoAI context, TAGs,
// JWT calls, secrets and SQL calls.
import type { MoaiTagFact } from '../../src/core/facts.js';
import type { RunResult } from '../../src/core/result.js';
import { at, sampleResult } from './sample-result.js';

const tag = (value: string, file: string, line: number): MoaiTagFact => ({ kind: 'moai-tag', tag: value, location: at(file, line) });

export function architectureResult(): RunResult {
  const r = sampleResult();
  r.model.moaiTags = [
    tag('@SPEC:ARTICLE-001', 'src/routes/articles.ts', 1),
    tag('@API:ARTICLE-001', 'src/routes/articles.ts', 11),
    tag('@TEST:ARTICLE-001', 'test/articles.test.ts', 1),
    tag('@API:USER-002', 'src/routes/users.ts', 40), // no SPEC: orphan, and next to no endpoint
    tag('@TEST:BILLING-001', 'services/billing/tests/test_invoices.py', 3),
  ];
  r.model.jwtCalls = [
    { kind: 'jwt-call', library: 'jsonwebtoken', operation: 'sign', issues: ['no-expiry'], location: at('src/auth.ts', 80) },
    { kind: 'jwt-call', library: 'jsonwebtoken', operation: 'verify', issues: [], location: at('src/auth.ts', 90) },
  ];
  r.model.secrets = [{
    kind: 'secret-candidate', detector: 'stripe-secret-key', redacted: 'sk_l…(32 chars)', name: 'STRIPE_KEY', confidence: 'high',
    isTestOrExample: false, location: at('src/config.ts', 3, 14, 50),
  }];
  r.model.sqlCalls = [
    { kind: 'sql-call', sink: 'cursor.execute', build: 'concatenated', dynamic: true, location: at('services/billing/app/db.py', 20) },
    { kind: 'sql-call', sink: 'prisma.$queryRaw', build: 'parameterised', dynamic: true, location: at('src/db.ts', 7) },
  ];
  r.inventory = {
    testFiles: 7,
    testFrameworks: [{ id: 'vitest', version: '1.6.0', manifest: 'package.json' }, { id: 'pytest', version: null, manifest: 'services/billing/requirements.txt' }],
    migrations: [{ tool: 'prisma-migrate', path: 'prisma/migrations' }],
    dockerfiles: [{ path: 'Dockerfile', healthcheckLine: 12 }, { path: 'services/billing/Dockerfile', healthcheckLine: null }],
    envExamples: [{ path: '.env.example', keys: ['DATABASE_URL', 'JWT_SECRET', 'PORT'] }],
  };
  r.moai = { specs: [{ id: 'SPEC-ARTICLE-001', status: 'active' }, { id: 'SPEC-BILLING-001', status: 'draft' }], language: 'ko', languageSource: '.moai/config/config.yaml' };
  return r;
}
