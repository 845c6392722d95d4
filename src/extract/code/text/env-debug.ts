// Debug mode switched on in a committed .env file: APP_DEBUG=true (Laravel), DEBUG=true / DEBUG=1
// (Django-style settings read from the environment), ASPNETCORE_ENVIRONMENT=Development, unless the
// file itself says it is for local / development / testing use (APP_ENV=local).
// A plain-text configuration file: the one place where a line scanner is the right extractor.
import type { Fact } from '../../../core/facts.js';
import { locationOfLine } from '../../../languages/index.js';
import type { ParsedFile } from '../../../languages/types.js';
import type { Extractor } from '../../types.js';

const LINE = /^\s*(?:export\s+)?([A-Z][A-Z0-9_]*)\s*=\s*["']?([^"'#\s]*)["']?\s*(?:#.*)?$/;
const NON_PRODUCTION = /^(local|dev|develop|development|test|testing|ci|example|sample|debug)$/i;

export const envDebug: Extractor = {
  id: 'text/env-debug',
  languages: ['text'],
  keywords: ['DEBUG'],
  extract(file: ParsedFile): Fact[] {
    const base = file.path.slice(file.path.lastIndexOf('/') + 1);
    // only the file an app reads in production: `.env`, `.env.production`, `.env.prod`
    if (!/^\.env(\.(production|prod|staging|live))?$/.test(base)) return [];
    const entries = new Map<string, { value: string; line: number }>();
    file.text.split('\n').forEach((raw, i) => {
      const m = LINE.exec(raw.replace(/\r$/, ''));
      if (m) entries.set(m[1]!, { value: m[2]!, line: i + 1 });
    });
    const env = entries.get('APP_ENV')?.value ?? entries.get('NODE_ENV')?.value ?? entries.get('ENVIRONMENT')?.value ?? '';
    if (NON_PRODUCTION.test(env)) return [];
    const facts: Fact[] = [];
    for (const key of ['APP_DEBUG', 'DEBUG', 'DJANGO_DEBUG', 'FLASK_DEBUG']) {
      const entry = entries.get(key);
      if (!entry || !/^(true|1|on|yes)$/i.test(entry.value)) continue;
      facts.push({ kind: 'config-issue', issue: 'debug-enabled', detail: `${key}=${entry.value} in ${base}`, location: locationOfLine(file.path, file.text, entry.line) });
    }
    return facts;
  },
};
