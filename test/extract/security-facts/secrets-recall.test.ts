// Secrets recall and precision: truncated PEM blocks, npmrc credentials, newer provider formats,
// partly masked tokens, test-runner config sections, seed data sets and CI env files.
import { describe, expect, it } from 'vitest';
import type { SecretCandidateFact } from '../../../src/core/facts.js';
import { classifySecret } from '../../../src/extract/secrets/classify.js';
import { javascriptSecrets } from '../../../src/extract/secrets/javascript.js';
import { isPlaceholder } from '../../../src/extract/secrets/placeholder.js';
import { isTestOrExample } from '../../../src/extract/secrets/test-path.js';
import { textSecrets } from '../../../src/extract/secrets/text.js';
import { ofKind, run, secretLines } from './parse.js';

// Synthetic values built at run time so that no credential-shaped literal sits in the source.
const ALNUM = 'aB3dE5gH7jK9mN1pQ2rS4tU6vW8xY0zcF';
const rnd = (n: number, seed = 3) => Array.from({ length: n }, (_, i) => ALNUM[(i * 7 + seed) % ALNUM.length]).join('');
const secrets = (facts: Awaited<ReturnType<typeof run>>): SecretCandidateFact[] => ofKind(facts, 'secret-candidate');

describe('secrets/text: private key blocks', () => {
  it('reports a block cut short without its END line, and the next block after it', async () => {
    const facts = await run(textSecrets, 'notes/keys.txt', [
      '-----BEGIN RSA PRIVATE KEY-----',
      rnd(64),
      '',
      '-----BEGIN EC PRIVATE KEY-----',
      rnd(64, 5),
      '',
      'some text',
    ]);
    expect(secretLines(facts)).toEqual(['1 private-key', '4 private-key']);
    expect(secrets(facts)[0]!.redacted).toMatch(/^-----BEGIN RSA PRIVATE KEY-----…\(\d+ chars\)$/);
  });

  it('skips headers with a low-entropy or missing body', async () => {
    const facts = await run(textSecrets, 'docs/pem.txt', [
      '-----BEGIN ENCRYPTED PRIVATE KEY-----',
      'abababababababababababababababab',
      '',
      '-----BEGIN PRIVATE KEY-----',
      '...',
      '-----END PRIVATE KEY-----',
    ]);
    expect(secretLines(facts)).toEqual([]);
  });

  it('reads a complete block with RFC 1421 headers and a one-line JSON key', async () => {
    const pem = await run(textSecrets, 'deploy/server.key', [
      '-----BEGIN RSA PRIVATE KEY-----', 'Proc-Type: 4,ENCRYPTED', 'DEK-Info: AES-128-CBC,00FF', '', rnd(64), rnd(40, 9), '-----END RSA PRIVATE KEY-----',
      'PASSWORD=after-the-block-9f8e7d',
    ]);
    expect(secretLines(pem)).toEqual(['1 private-key', '8 secret-assignment PASSWORD']);
    const json = await run(textSecrets, 'service-account.json', [
      '{',
      `  "private_key": "-----BEGIN PRIVATE KEY-----\\n${rnd(64)}\\n${rnd(64, 7)}\\n-----END PRIVATE KEY-----\\n",`,
      '  "client_email": "svc@project.iam.gserviceaccount.com"',
      '}',
    ]);
    expect(secretLines(json)).toEqual(['2 private-key']);
    const props = await run(textSecrets, 'src/main/resources/application.properties', [
      'jwt.private-key=-----BEGIN PRIVATE KEY-----\\', `  ${rnd(64)}\\`, `  ${rnd(64, 7)}\\`, '  -----END PRIVATE KEY-----',
    ]);
    expect(secretLines(props)).toEqual(['1 private-key']);
  });
});

describe('secrets/text: formats and names', () => {
  it('reads npm credential settings of .npmrc files, global and per registry', async () => {
    const facts = await run(textSecrets, 'packages/app/.npmrc', [
      'always-auth=true',
      `_auth = ${rnd(16)}=`,
      `//npm.acme.dev/releases/:_auth=${rnd(20)}`,
      '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
    ]);
    expect(secretLines(facts)).toEqual(['2 secret-assignment _auth', '3 secret-assignment _auth']);
  });

  it('recognises Kolide keys, Slack rotating tokens and Teams / Office 365 webhooks', async () => {
    const uuid = 'e3b0c442-98fc-4c14-9afb-4c8996fb9242';
    const facts = await run(textSecrets, 'ops/notes.txt', [
      `k2sk_v1_${rnd(24)}`,
      `"url": "https://files.chat.test/img.png?t=xoxe-1234567890-${rnd(30)}"`,
      `https://outlook.office.com/webhook/${uuid}@`,
      `https://acme.webhook.office.com/webhookb2/${uuid}@${uuid}/IncomingWebhook/${rnd(32)}/${uuid}`,
    ]);
    expect(secretLines(facts)).toEqual(['1 kolide-key', '2 slack-token url', '3 office-webhook', '4 office-webhook']);
  });

  it('reports a long token with a masked stretch, but not masked placeholders', () => {
    expect(isPlaceholder(`${rnd(40)}XXXXXXXX${rnd(60, 11)}`)).toBe(false);
    expect(isPlaceholder('sk_live_xxxxxxxxxxxxxxxxxxxxxxxx')).toBe(true);
    expect(isPlaceholder('AKIAXXXXXXXXXXXXXXXX')).toBe(true);
    expect(isPlaceholder(`SAMPLE${rnd(40)}`)).toBe(true);
    expect(classifySecret(`${rnd(60)}XXXXXXX${rnd(40, 13)}`, 'AWS_SESSION_TOKEN')?.detector).toBe('secret-assignment');
  });

  it('treats APP_KEY / appKey as key material and dummy repeats as low confidence', () => {
    expect(classifySecret('base64:q8Yz3kLm9Pt2Rw5Xv7Nb4Hc6Jd1Fg0Sa', 'APP_KEY')).toMatchObject({ confidence: 'high' });
    expect(classifySecret('randomkeyvalue', 'appKey')?.detector).toBe('secret-assignment');
    expect(classifySecret('lalalala', 'privateKey')).toMatchObject({ confidence: 'low' });
  });

  it('skips keywords and names about where a credential travels', () => {
    expect(classifySecret('inherit', 'secrets')).toBeUndefined();
    expect(classifySecret('header', 'passAs')).toBeUndefined();
    expect(classifySecret('SCRAM-SHA-256', 'authMechanism')).toBeUndefined();
    expect(classifySecret('nocheck', 'Csrf-Token')).toBeUndefined();
    expect(classifySecret('n0t-a-r3al-csrf-s3cret', 'CSRF_SECRET')?.detector).toBe('secret-assignment');
  });

  it('skips values that repeat their own slot name', () => {
    expect(classifySecret('privateKey', 'privateKey')).toBeUndefined();
    expect(classifySecret('setupToken', 'setupToken')).toBeUndefined();
    expect(classifySecret('tokenValue', 'token')).toBeUndefined();
    expect(classifySecret('test-private-key', 'privateKey')).toBeUndefined();
    expect(classifySecret('superSecret', 'secret')?.detector).toBe('secret-assignment');
    expect(classifySecret('test_secret', 'secret_key')?.detector).toBe('secret-assignment');
  });

  it('reads quoted KEY=value list items with the quotes taken off', async () => {
    const facts = await run(textSecrets, 'config/app.toml', ['env = [', '  "SECRET_KEY=n0t-a-r3al-k3y",', '  "MAX_CONNECTIONS=1"', ']']);
    expect(secretLines(facts)).toEqual(['2 secret-assignment SECRET_KEY']);
    expect(secrets(facts)[0]!.redacted).toBe('n0t…(14 chars)');
  });
});

describe('secrets/text: service names, tight colons and XML attributes', () => {
  const HEX = '0123456789abcdef';
  const hex = (n: number, seed = 5) => Array.from({ length: n }, (_, i) => HEX[(i * 7 + seed) % 16]).join('');
  const uuid = () => `${hex(8)}-${hex(4, 1)}-${hex(4, 2)}-${hex(4, 3)}-${hex(12, 4)}`;

  it('reads a credential-shaped value held under a service name only', async () => {
    const facts = await run(textSecrets, 'ci/settings.env', [
      `SONARQUBE=${hex(40)}`,
      `API_SNYK='${uuid()}'`,
      `SENTRY_RELEASE=${hex(40)}`,
      `SNYK_ORG_ID=${uuid()}`,
      'HEROKU_APP=conduit-api',
      `sauce_access_key:${uuid().toUpperCase()}`,
    ]);
    expect(secretLines(facts)).toEqual(['1 secret-assignment SONARQUBE', '2 secret-assignment API_SNYK', '6 secret-assignment sauce_access_key']);
  });

  it('reads service names glued to other words, and sshpass passwords', async () => {
    const facts = await run(textSecrets, 'deploy/notes.txt', [
      `snyktoken="${uuid()}"`,
      `My-SoftLayer-Key= \`${hex(64)}\``,
      "sshpass -p 'Depl0y-pa55' ssh deploy@10.0.0.5",
      'sshpass -p "$SSH_PASS" ssh deploy@10.0.0.5',
    ]);
    expect(secretLines(facts)).toEqual(['1 secret-assignment snyktoken', '2 secret-assignment My-SoftLayer-Key', '3 ssh-password']);
    expect(secrets(facts)[2]!.location.startColumn).toBe(13);
  });

  it('names values by their attribute in Android and .NET XML', async () => {
    const facts = await run(textSecrets, 'app/src/main/res/values/keys.xml', [
      '<resources>',
      `    <string name="hockeyapp_key">${hex(32)}</string>`,
      '    <string name="app_name">Conduit</string>',
      `    <add key="ApiKey" value="k3y-${hex(20)}" />`,
      '</resources>',
    ]);
    expect(secretLines(facts)).toEqual(['2 secret-assignment hockeyapp_key', '4 secret-assignment ApiKey']);
    expect(secrets(facts)[0]!.location.startColumn).toBe(34);
  });
});

describe('secrets/text: test and seed data are notes', () => {
  it('marks values in test-runner sections of pyproject.toml / setup.cfg / tox.ini', async () => {
    const facts = await run(textSecrets, 'pyproject.toml', [
      '[tool.poetry]',
      'name = "app"',
      '[tool.pytest.ini_options]',
      'env = [',
      '  "SECRET_KEY=t3st-s3cr3t-val",',
      ']',
      '[tool.app]',
      'api_key = "k3y-9f8e7d6c5b4a"',
    ]);
    expect(secrets(facts).map((f) => `${f.location.startLine} ${f.isTestOrExample}`)).toEqual(['5 true', '8 false']);
  });

  it('marks the passwords of a YAML list of records (seed users) but not mapping configuration', async () => {
    const seed = await run(textSecrets, 'data/static/users.yml', [
      '-',
      '  email: admin@shop.test',
      '  password: Adm1n-pa55w0rd',
      '-',
      '  email: jim@shop.test',
      '  password: J1m-pa55w0rd-x',
      '  totpSecret: ' + rnd(32),
      '- email: ann@shop.test',
      '  password: Ann-pa55w0rd-9',
    ]);
    expect(secrets(seed).map((f) => `${f.location.startLine} ${f.isTestOrExample}`)).toEqual(['3 true', '6 true', '7 true', '9 true']);
    const config = await run(textSecrets, 'config/application.yml', [
      'spring:',
      '  security:',
      '    users:',
      '      - name: admin',
      '        password: Adm1n-pa55w0rd',
      '      - name: ops',
      '        password: Op5-pa55w0rd-x',
      'redis:',
      '  password: R3dis-pa55w0rd',
      'postgres:',
      '  password: Pg-pa55w0rd-42',
    ]);
    expect(secrets(config).map((f) => `${f.location.startLine} ${f.isTestOrExample}`)).toEqual(['5 false', '7 false', '9 false', '11 false']);
  });

  it('marks repeated passwords of a JSON array of records', async () => {
    const facts = await run(textSecrets, 'db/users.json', [
      '[',
      '  {',
      '    "email": "a@shop.test",',
      '    "password": "Adm1n-pa55w0rd"',
      '  },',
      '  {',
      '    "email": "b@shop.test",',
      '    "password": "B0b-pa55w0rd-x"',
      '  }',
      ']',
    ]);
    expect(secrets(facts).map((f) => f.isTestOrExample)).toEqual([true, true]);
  });

  it('treats CI env files and database seeders as test data', () => {
    for (const path of ['.env.travis', '.env.testing', '.env.ci', 'database/seeders/DatabaseSeeder.php', 'prisma/seed.ts', 'db/seeds/users.js', 'src/seed/admin.ts']) {
      expect(isTestOrExample(path), path).toBe(true);
    }
    expect(isTestOrExample('zio-http-example/src/main/scala/ClientApp.scala')).toBe(true);
    expect(isTestOrExample('spring-boot-samples/app/application.yml')).toBe(true);
    for (const path of ['.env', '.env.production', 'src/config/seedling.ts', 'src/services/seeder-client/index.ts', 'examplesite/config.yml']) {
      expect(isTestOrExample(path), path).toBe(false);
    }
  });
});

describe('secrets/javascript: conditionals on an env var', () => {
  it('does not take a message for the env var fallback when the set branch is a constant', async () => {
    const facts = await run(javascriptSecrets, 'src/web3.ts', [
      "const skipReason = process.env.ALCHEMY_API_KEY ? undefined : 'ALCHEMY_API_KEY not set';",
      "const apiKey = process.env.ALCHEMY_API_KEY ? process.env.ALCHEMY_API_KEY : 'k3y-9f8e7d6c5b4a';",
      "const sessionSecret = process.env.PROD ? 'pr0d-s3ss10n-k3y' : 'd3v-s3ss10n-k3y';",
    ]);
    expect(secretLines(facts)).toEqual(['2 env-fallback ALCHEMY_API_KEY', '3 secret-assignment sessionSecret', '3 secret-assignment sessionSecret']);
  });
});
