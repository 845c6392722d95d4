// Spring Boot / Micronaut / Quarkus configuration (application*.properties / .yml) and web.xml:
// - global prefixes: server.servlet.context-path, spring.mvc.servlet.path, spring.webflux.base-path,
//   spring.jersey.application-path, micronaut.server.context-path, quarkus.http.root-path (only from the
//   base file, not from profile files or profile documents);
// - `constant` facts for path-like values, so `${key:default}` placeholders in mappings resolve;
// - Micronaut static resource mappings as GET routes;
// - web.xml JAX-RS servlet mappings as the application path of the servlet's package.
// A file under <module>/src/main/resources/ only applies to routes of that module (`files: ['<module>/']`).
import type { Fact, GlobalPrefixFact } from '../../core/facts.js';
import { locationOfLine } from '../../languages/location.js';
import type { Extractor } from '../types.js';
import { GRAPHQL_PATH_KEY } from './class-extras.js';
import { jaxrsPathRef } from './class-facts.js';
import { readProperties, readYaml, type ConfigEntry } from './config-reader.js';
import { readWebXml } from './web-xml.js';

const CONFIG_NAME = /^(application|bootstrap)(-[A-Za-z0-9_.-]+)?\.(properties|ya?ml)$/;

/** Keys whose value prefixes every route of the service, in the order they are applied (innermost first). */
const PREFIX_KEYS: [string, string[]][] = [
  ['spring.mvc.servlet.path', ['spring']],
  ['spring.jersey.application-path', ['jaxrs']],
  ['server.servlet.context-path', ['spring', 'jaxrs']],
  ['server.context-path', ['spring', 'jaxrs']],
  ['spring.webflux.base-path', ['spring']],
  ['micronaut.server.context-path', ['micronaut']],
  ['quarkus.http.root-path', ['jaxrs', 'quarkus']],
];

/** The module a resource file belongs to: 'svc/' for svc/src/main/resources/x, '' for the repository root. */
export function moduleDirOf(path: string): string {
  const at = path.indexOf('src/main/');
  if (at < 0) {
    const res = path.lastIndexOf('resources/');
    return res > 0 ? path.slice(0, res) : '';
  }
  return path.slice(0, at);
}

function isProfileSection(entries: readonly ConfigEntry[], document: number): boolean {
  return entries.some((e) => e.document === document
    && (e.key === 'spring.config.activate.on-profile' || e.key === 'spring.profiles' || e.key === 'micronaut.config.activate.on-profile'));
}

function configFacts(path: string, text: string, entries: readonly ConfigEntry[], isProfileFile: boolean): Fact[] {
  const facts: Fact[] = [];
  const moduleDir = moduleDirOf(path);
  const at = (line: number) => locationOfLine(path, text, line);
  const byKey = new Map<string, ConfigEntry>();
  for (const entry of entries) {
    if (entry.key.startsWith('%')) continue; // Quarkus profile keys (%dev.quarkus.http.root-path)
    if (entry.document > 0 && isProfileSection(entries, entry.document)) continue;
    byKey.set(entry.key, entry);
  }
  if (!isProfileFile) {
    for (const [key, frameworks] of PREFIX_KEYS) {
      const entry = byKey.get(key);
      if (!entry || !entry.value.startsWith('/') || entry.value === '/') continue;
      for (const framework of frameworks) {
        const fact: GlobalPrefixFact = { kind: 'global-prefix', framework, prefix: entry.value, location: at(entry.line) };
        facts.push(moduleDir ? { ...fact, files: [moduleDir] } : fact);
      }
    }
  }
  for (const entry of entries) {
    if (!entry.value.startsWith('/') || entry.key.startsWith('%')) continue;
    const key = entry.key === 'spring.graphql.http.path' ? GRAPHQL_PATH_KEY : entry.key;
    facts.push({ kind: 'constant', ref: { file: path, path: [key] }, value: entry.value, location: at(entry.line) });
  }
  facts.push(...micronautStaticRoutes(entries, at));
  return facts;
}

/** micronaut.router.static-resources.<name>.mapping (unless <name>.enabled=false) -> GET routes. */
function micronautStaticRoutes(entries: readonly ConfigEntry[], at: (line: number) => ReturnType<typeof locationOfLine>): Fact[] {
  const prefix = 'micronaut.router.static-resources.';
  const disabled = new Set(entries.filter((e) => e.key.startsWith(prefix) && e.key.endsWith('.enabled') && e.value === 'false')
    .map((e) => e.key.slice(prefix.length, -'.enabled'.length)));
  const out: Fact[] = [];
  for (const entry of entries) {
    if (!entry.key.startsWith(prefix) || !entry.key.endsWith('.mapping')) continue;
    const name = entry.key.slice(prefix.length, -'.mapping'.length);
    if (disabled.has(name) || !entry.value.startsWith('/')) continue;
    out.push({ kind: 'route', framework: 'micronaut', method: 'GET', path: entry.value, location: at(entry.line), origin: 'generated' });
  }
  return out;
}

export const jvmConfigRoutes: Extractor = {
  id: 'jvm/config-routes',
  languages: ['text'],
  keywords: ['/'],
  extract(file) {
    const base = file.path.slice(file.path.lastIndexOf('/') + 1);
    if (base === 'web.xml') {
      return readWebXml(file.text).flatMap((m) => [{
        kind: 'constant' as const, ref: jaxrsPathRef(m.packageName, true), value: m.prefix,
        location: locationOfLine(file.path, file.text, m.line),
      }]);
    }
    const match = CONFIG_NAME.exec(base);
    if (!match) return [];
    const entries = match[3] === 'properties' ? readProperties(file.text) : readYaml(file.text);
    return configFacts(file.path, file.text, entries, match[2] !== undefined);
  },
};
