// Database, CORS and rate-limit settings in the configuration files of JVM, PHP and Rust projects:
// Spring / Quarkus / Micronaut application.properties / application*.yml, Symfony nelmio_cors,
// security (login_throttling) and doctrine YAML, Laravel / Symfony .env files, Cargo.toml,
// pom.xml and composer.json dependencies.
import type { CorsConfigFact, DatabaseFact, Fact, RateLimitFact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import type { Extractor } from '../../types.js';
import { judgeOriginRegex, judgeOriginStrings, type OriginJudgement } from '../shared/cors.js';
import { engineOfDriverClass, engineOfName, engineOfUrl } from '../shared/database.js';
import { inlineList, propertiesEntries, yamlEntries, type ConfigEntry } from './config-lines.js';

function at(file: ParsedFile, entry: { line: number; column: number; text: string }) {
  return { file: file.path, startLine: entry.line, startColumn: entry.column + 1, endLine: entry.line, endColumn: entry.text.length + 1 };
}

function database(file: ParsedFile, entry: ConfigEntry, library: string, engine?: string): DatabaseFact {
  const fact: DatabaseFact = { kind: 'database', library, location: at(file, entry) };
  if (engine) fact.engine = engine;
  return fact;
}

function cors(file: ParsedFile, entry: ConfigEntry, judged: OriginJudgement, credentials: boolean | null, library: string): CorsConfigFact {
  const fact: CorsConfigFact = { kind: 'cors-config', policy: judged.policy, credentials, library, detail: judged.detail, location: at(file, entry) };
  if (judged.permissivePattern !== undefined) fact.permissivePattern = judged.permissivePattern;
  return fact;
}

function rateLimit(file: ParsedFile, entry: ConfigEntry, library: string, scope?: string): RateLimitFact {
  const fact: RateLimitFact = { kind: 'rate-limit', library, applied: true, location: at(file, entry) };
  if (scope !== undefined) fact.scope = scope;
  return fact;
}

const HIBERNATE_DIALECTS: [RegExp, string][] = [
  [/PostgreSQL|Postgres/i, 'postgresql'], [/MySQL/i, 'mysql'], [/MariaDB/i, 'mariadb'], [/H2Dialect/, 'h2'], [/SQLite/i, 'sqlite'],
  [/SQLServer/i, 'mssql'], [/Oracle/i, 'oracle'],
];

/** Spring Boot / Quarkus / Micronaut application configuration. */
function applicationConfig(file: ParsedFile, entries: ConfigEntry[]): Fact[] {
  const facts: Fact[] = [];
  const once = new Set<string>();
  const first = (library: string, entry: ConfigEntry, engine?: string) => {
    const key = `${library}:${engine ?? ''}`;
    if (once.has(key)) return;
    once.add(key);
    facts.push(database(file, entry, library, engine));
  };
  for (const e of entries) {
    const key = e.key.replace(/-/g, '').toLowerCase();
    const value = e.value;
    if (/^(spring\.datasource|spring\.datasource\.hikari|quarkus\.datasource(\.[a-z0-9_"]+)?\.jdbc|datasources\.[a-z0-9_]+)\.(url|jdbcurl)$/.test(key)) {
      first('jdbc', e, engineOfUrl(value));
    } else if (/^(spring\.datasource|datasources\.[a-z0-9_]+)\.driverclassname$/.test(key)) {
      const engine = engineOfDriverClass(value);
      if (engine) first('jdbc', e, engine);
    } else if (/^(spring\.r2dbc|quarkus\.datasource(\.[a-z0-9_"]+)?\.reactive)\.url$/.test(key)) {
      first('r2dbc', e, engineOfUrl(value));
    } else if (/^quarkus\.datasource(\.[a-z0-9_"]+)?\.dbkind$/.test(key)) {
      first('quarkus-datasource', e, engineOfName(value) ?? engineOfName(value.replace(/ql$/, '')));
    } else if (/^spring\.jpa\./.test(key)) {
      const dialect = /databaseplatform|dialect$/.test(key) ? HIBERNATE_DIALECTS.find(([re]) => re.test(value))?.[1] : undefined;
      first('jpa', e, dialect ?? (key === 'spring.jpa.database' ? engineOfName(value) : undefined));
    } else if (/^mybatis(plus)?\./.test(key)) first('mybatis', e);
    else if (/^spring\.data\.mongodb\.(uri|host|database)$/.test(key)) first('spring-data-mongodb', e, 'mongodb');
    else if (/^spring\.(data\.)?redis\.(host|url|port)$/.test(key)) first('spring-data-redis', e, 'redis');
  }
  // CORS: actuator endpoints, Quarkus HTTP
  const creds = entries.find((e) => /^(quarkus\.http\.cors\.accesscontrolallowcredentials|management\.endpoints\.web\.cors\.allowcredentials)$/.test(e.key.replace(/-/g, '').toLowerCase()));
  const credentials = creds ? creds.value.trim() === 'true' : false;
  for (const e of entries) {
    const key = e.key.replace(/-/g, '').toLowerCase();
    if (key === 'management.endpoints.web.cors.allowedorigins' || key === 'management.endpoints.web.cors.allowedorigins[]' || key === 'quarkus.http.cors.origins') {
      const values = inlineList(e.value);
      if (values.length === 0) continue;
      const regex = values.find((v) => v.startsWith('/') && v.endsWith('/') && v.length > 2);
      const judged = regex ? judgeOriginRegex(regex.slice(1, -1), 'cors origins') : judgeOriginStrings(values, key.startsWith('quarkus') ? 'quarkus.http.cors.origins' : 'management cors allowed-origins');
      facts.push(cors(file, e, judged, credentials, key.startsWith('quarkus') ? 'quarkus' : 'spring'));
    }
    // bucket4j-spring-boot-starter filters
    if (/^bucket4j\.filters(\[\d*\])?(\[\])?\.url$/.test(key) && e.value) {
      facts.push(rateLimit(file, e, 'bucket4j', e.value.replace(/\(?\.\*\)?$|\/\*+$/, '').replace(/\/$/, '')));
    }
  }
  return facts;
}

/** Symfony: nelmio_cors, security login_throttling, doctrine dbal. */
function symfonyYaml(file: ParsedFile, entries: ConfigEntry[]): Fact[] {
  const facts: Fact[] = [];
  const byKey = (suffix: RegExp) => entries.filter((e) => suffix.test(e.key));
  // nelmio_cors: defaults / paths.'^/api/': allow_origin, allow_credentials, origin_regex
  for (const e of byKey(/^nelmio_cors\..*allow_origin$/)) {
    const section = e.key.slice(0, e.key.length - 'allow_origin'.length);
    const values = e.value ? inlineList(e.value) : entries.filter((i) => i.key === `${e.key}[]`).map((i) => i.value);
    if (values.length === 0 || values.every((v) => v.includes('%env('))) continue;
    const credentialsEntry = entries.find((i) => i.key === `${section}allow_credentials`) ?? entries.find((i) => i.key === 'nelmio_cors.defaults.allow_credentials');
    const regexEntry = entries.find((i) => i.key === `${section}origin_regex`) ?? entries.find((i) => i.key === 'nelmio_cors.defaults.origin_regex');
    const credentials = credentialsEntry ? credentialsEntry.value === 'true' : false;
    const judged = regexEntry?.value === 'true' && !values.includes('*')
      ? values.map((v) => judgeOriginRegex(v, 'allow_origin')).find((j) => j.policy !== 'allowlist' || j.permissivePattern) ?? { policy: 'allowlist' as const, detail: 'allow_origin patterns' }
      : judgeOriginStrings(values, 'allow_origin');
    facts.push(cors(file, e, judged, credentials, 'nelmio_cors'));
  }
  for (const e of byKey(/^security\.firewalls\.[^.]+\.login_throttling$/)) facts.push(rateLimit(file, e, 'symfony-login-throttling', ''));
  const dbal = entries.find((e) => e.key === 'doctrine.dbal');
  if (dbal) {
    const driver = entries.find((e) => e.key === 'doctrine.dbal.driver' || /^doctrine\.dbal\.connections\.[^.]+\.driver$/.test(e.key));
    facts.push(database(file, driver ?? dbal, 'doctrine', engineOfName(driver?.value)));
  }
  return facts;
}

/** Laravel `DB_CONNECTION=mysql`; Symfony `DATABASE_URL` inside the doctrine-bundle block of .env. */
function dotenv(file: ParsedFile): Fact[] {
  const facts: Fact[] = [];
  let doctrine = false;
  file.text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('###> doctrine/doctrine-bundle')) doctrine = true;
    else if (line.startsWith('###<')) doctrine = false;
    const eq = line.indexOf('=');
    if (eq <= 0 || line.trimStart().startsWith('#')) return;
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim().replace(/^["']|["']$/g, '');
    const entry = { line: i + 1, column: 0, text: line };
    if (key === 'DB_CONNECTION' && value) facts.push(database(file, { ...entry, key, value }, 'eloquent', engineOfName(value)));
    if (key === 'DATABASE_URL' && doctrine && value) facts.push(database(file, { ...entry, key, value }, 'doctrine', engineOfUrl(value)));
  });
  return facts;
}

const CARGO_CRATES: Record<string, { library: string; engine?: string }> = {
  sqlx: { library: 'sqlx' }, diesel: { library: 'diesel' }, 'sea-orm': { library: 'sea-orm' },
  'tokio-postgres': { library: 'tokio-postgres', engine: 'postgresql' }, postgres: { library: 'postgres', engine: 'postgresql' },
  rusqlite: { library: 'rusqlite', engine: 'sqlite' }, mysql: { library: 'mysql', engine: 'mysql' }, mysql_async: { library: 'mysql_async', engine: 'mysql' },
  mongodb: { library: 'mongodb', engine: 'mongodb' }, redis: { library: 'redis', engine: 'redis' },
};

/** `[dependencies]` of Cargo.toml: `sqlx = { version = "0.7", features = ["postgres"] }`. */
function cargo(file: ParsedFile): Fact[] {
  const facts: Fact[] = [];
  let inDeps = false;
  file.text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const trimmed = line.trim();
    if (trimmed.startsWith('[')) {
      inDeps = /^\[(workspace\.)?dependencies\]$/.test(trimmed);
      return;
    }
    if (!inDeps) return;
    const eq = trimmed.indexOf('=');
    if (eq <= 0) return;
    const name = trimmed.slice(0, eq).trim().replace(/^["']|["']$/g, '');
    if (!Object.hasOwn(CARGO_CRATES, name)) return;
    const pkg = CARGO_CRATES[name]!;
    const features = /features\s*=\s*\[([^\]]*)\]/.exec(trimmed.slice(eq))?.[1] ?? '';
    const engines = features.split(',').map((f) => f.trim().replace(/^["']|["']$/g, '').replace(/^(sqlx-|runtime-)/, '')).map(engineOfName).filter((e): e is string => e !== undefined);
    const engine = pkg.engine ?? (engines.length === 1 ? engines[0] : undefined);
    facts.push(database(file, { key: name, value: '', line: i + 1, column: line.length - line.trimStart().length, text: line }, pkg.library, engine));
  });
  return facts;
}

const MAVEN_ARTIFACTS: Record<string, { library: string; engine?: string }> = {
  postgresql: { library: 'jdbc', engine: 'postgresql' }, 'mysql-connector-java': { library: 'jdbc', engine: 'mysql' },
  'mysql-connector-j': { library: 'jdbc', engine: 'mysql' }, 'mariadb-java-client': { library: 'jdbc', engine: 'mariadb' },
  'sqlite-jdbc': { library: 'jdbc', engine: 'sqlite' }, h2: { library: 'jdbc', engine: 'h2' }, 'mssql-jdbc': { library: 'jdbc', engine: 'mssql' },
  ojdbc8: { library: 'jdbc', engine: 'oracle' }, ojdbc11: { library: 'jdbc', engine: 'oracle' },
  'spring-boot-starter-data-jpa': { library: 'jpa' }, 'hibernate-core': { library: 'hibernate' },
  'mybatis-spring-boot-starter': { library: 'mybatis' }, 'mybatis-plus-boot-starter': { library: 'mybatis' }, jooq: { library: 'jooq' },
  'spring-boot-starter-jooq': { library: 'jooq' }, 'spring-boot-starter-data-mongodb': { library: 'spring-data-mongodb', engine: 'mongodb' },
  'spring-boot-starter-data-redis': { library: 'spring-data-redis', engine: 'redis' }, 'spring-boot-starter-jdbc': { library: 'spring-jdbc' },
  'quarkus-hibernate-orm-panache': { library: 'hibernate' }, 'quarkus-jdbc-postgresql': { library: 'jdbc', engine: 'postgresql' },
  'quarkus-jdbc-mysql': { library: 'jdbc', engine: 'mysql' },
};

/** `<artifactId>postgresql</artifactId>` inside `<dependency>` of pom.xml. */
function pom(file: ParsedFile): Fact[] {
  const facts: Fact[] = [];
  let inDependency = false;
  file.text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.includes('<dependency>')) inDependency = true;
    if (inDependency) {
      const m = /<artifactId>\s*([A-Za-z0-9_.-]{1,80})\s*<\/artifactId>/.exec(line);
      if (m && Object.hasOwn(MAVEN_ARTIFACTS, m[1]!)) {
        const pkg = MAVEN_ARTIFACTS[m[1]!]!;
        facts.push(database(file, { key: m[1]!, value: '', line: i + 1, column: line.length - line.trimStart().length, text: line }, pkg.library, pkg.engine));
      }
    }
    if (line.includes('</dependency>')) inDependency = false;
  });
  return facts;
}

const COMPOSER_PACKAGES: Record<string, { library: string; engine?: string }> = {
  'doctrine/orm': { library: 'doctrine' }, 'doctrine/doctrine-bundle': { library: 'doctrine' }, 'doctrine/dbal': { library: 'doctrine' },
  'illuminate/database': { library: 'eloquent' }, 'mongodb/laravel-mongodb': { library: 'laravel-mongodb', engine: 'mongodb' },
  'jenssegers/mongodb': { library: 'laravel-mongodb', engine: 'mongodb' }, 'mongodb/mongodb': { library: 'mongodb', engine: 'mongodb' },
  'predis/predis': { library: 'predis', engine: 'redis' }, 'propel/propel': { library: 'propel' }, 'cycle/orm': { library: 'cycle-orm' },
};

function composer(file: ParsedFile): Fact[] {
  let json: unknown;
  try {
    json = JSON.parse(file.text);
  } catch {
    return [];
  }
  const require = (json as { require?: Record<string, unknown> } | null)?.require;
  if (!require || typeof require !== 'object') return [];
  const lines = file.text.split('\n');
  const facts: Fact[] = [];
  for (const name of Object.keys(require).sort()) {
    if (!Object.hasOwn(COMPOSER_PACKAGES, name)) continue;
    const index = lines.findIndex((l) => l.includes(`"${name}"`));
    const line = lines[index] ?? '';
    const pkg = COMPOSER_PACKAGES[name]!;
    facts.push(database(file, { key: name, value: '', line: index + 1, column: line.length - line.trimStart().length, text: line.replace(/\r$/, '') }, pkg.library, pkg.engine));
  }
  return facts;
}

export function extractConfigFacts(file: ParsedFile): Fact[] {
  if (/(^|\/)(node_modules|vendor|target|build)\//.test(file.path)) return [];
  const base = file.path.slice(file.path.lastIndexOf('/') + 1);
  if (/^(application|bootstrap)([-_.][A-Za-z0-9_-]+)?\.properties$/.test(base)) return applicationConfig(file, propertiesEntries(file.text));
  if (/^(application|bootstrap)([-_.][A-Za-z0-9_-]+)?\.ya?ml$/.test(base)) return applicationConfig(file, yamlEntries(file.text));
  if (/\.ya?ml$/.test(base) && /(^|\/)config\/packages\//.test(file.path)) return symfonyYaml(file, yamlEntries(file.text));
  if (/^\.env(\.[A-Za-z0-9_.-]+)?$/.test(base)) return dotenv(file);
  if (base === 'Cargo.toml') return cargo(file);
  if (base === 'pom.xml') return pom(file);
  if (base === 'composer.json') return composer(file);
  return [];
}

export const configSecurityFacts: Extractor = {
  id: 'security/text/config',
  languages: ['text'],
  extract: extractConfigFacts,
};
