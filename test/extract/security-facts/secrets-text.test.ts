import { describe, expect, it } from 'vitest';
import { extractTextSecrets, splitKeyValue } from '../../../src/extract/secrets/text.js';
import { run, secretLines } from './parse.js';
import { textSecrets } from '../../../src/extract/secrets/text.js';

describe('secrets/text', () => {
  it('splits key/value lines of .env, YAML, JSON and XML', () => {
    expect(splitKeyValue('export API_KEY="abc"')).toMatchObject({ key: 'API_KEY', value: 'abc', quoted: true });
    expect(splitKeyValue('  password: hunter2 # comment')).toMatchObject({ key: 'password', value: 'hunter2' });
    expect(splitKeyValue('    "clientSecret": "xyz",')).toMatchObject({ key: 'clientSecret', value: 'xyz' });
    expect(splitKeyValue('      - DB_PASSWORD=s3cret')).toMatchObject({ key: 'DB_PASSWORD', value: 's3cret' });
    expect(splitKeyValue('//registry.npmjs.org/:_authToken=abc')).toMatchObject({ key: '_authToken', value: 'abc' });
    expect(splitKeyValue('<password>p4ss</password>')).toMatchObject({ key: 'password', value: 'p4ss' });
    expect(splitKeyValue('# SECRET=x')).toBeUndefined();
  });

  it('reports secret-named values, URI credentials and private keys, with columns', async () => {
    const facts = await run(textSecrets, 'docker-compose.yml', [
      'services:',
      '  app:',
      '    environment:',
      '      DATABASE_URL: "postgresql://postgres:postgres@db/postgres"',
      '      JWT_SECRET: ${JWT_SECRET}',
      '      POSTGRES_PASSWORD: Sup3rS3cret',
      '      DEBUG: "true"',
    ]);
    expect(secretLines(facts)).toEqual(['4 uri-credentials DATABASE_URL', '6 secret-assignment POSTGRES_PASSWORD']);
    expect(facts[0]!.location).toMatchObject({ startColumn: 22 });
  });

  it('marks example env files and reads PEM blocks once', async () => {
    const env = await run(textSecrets, '.env.example', ['SECRET_KEY=secret', 'DEBUG=True', 'API_KEY=your-api-key']);
    expect(secretLines(env)).toEqual(['1 secret-assignment SECRET_KEY']);
    expect(env[0]).toMatchObject({ isTestOrExample: true, confidence: 'low' });
    const pem = await run(textSecrets, 'certs/server.key', ['-----BEGIN PRIVATE KEY-----', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', 'BKcwggSjAgEAAoIBAQC7', '-----END PRIVATE KEY-----']);
    expect(secretLines(pem)).toEqual(['1 private-key']);
  });

  it('ignores lock files and translation catalogs', () => {
    const file = (path: string, text: string) => ({ path, language: 'text' as const, text, tree: { kind: 'text' as const } });
    expect(extractTextSecrets(file('package-lock.json', '{"password": "abcdef123456"}'))).toEqual([]);
    expect(extractTextSecrets(file('src/assets/i18n/de.json', '{ "PASSWORD_PROMPT": "Bitte Passwort eingeben", "password": "Passwort123" }'))).toEqual([]);
  });

  it('finds credential formats in catalogs, line by line, whatever lines it skipped as seen before', () => {
    const file = (path: string, text: string) => ({ path, language: 'text' as const, text, tree: { kind: 'text' as const } });
    const token = `ghp_${'aB3dE5fG7h'.repeat(4)}`;
    const lines = ['{', '  "TITLE": "Welcome",', `  "HELP": "Use token ${token} here",`, '}'];
    const de = extractTextSecrets(file('i18n/de.json', lines.join('\n')));
    const fr = extractTextSecrets(file('i18n/fr.json', ['{', '  "TITLE": "Welcome",', '  "OTHER": "x",', ...lines.slice(2)].join('\n')));
    expect(de.map((f) => [f.location.startLine, f.detector])).toEqual([[3, 'github-token']]);
    expect(fr.map((f) => [f.location.startLine, f.detector])).toEqual([[4, 'github-token']]);
  });
});
