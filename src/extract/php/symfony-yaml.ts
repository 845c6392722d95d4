// Symfony YAML routing (config/routes.yaml, config/routes/*.yaml, app/config/routing*.yml):
// `name: { path, methods, controller }` entries, and `resource:` imports of other YAML route files
// with `prefix:` (a file-scoped global prefix). An indentation reader for this one config shape.
import type { Fact, HttpMethod, RouteFact } from '../../core/facts.js';
import { locationOfLine } from '../../languages/location.js';
import type { Extractor } from '../types.js';
import { dirOf, normalizeRelPath } from './paths.js';
import { toMethod } from './methods.js';
import { cleanSymfonyPath } from './symfony-routes.js';

const FRAMEWORK = 'symfony';

interface Line {
  no: number; // 1-based
  indent: number;
  text: string; // trimmed, comment removed
}

export interface YamlEntry {
  key: string;
  line: number;
  /** Scalar or flow value on the key's line; undefined when the value is a nested block. */
  value?: string;
  children: YamlEntry[];
  items: string[]; // block list items (`- GET`)
}

type Entry = YamlEntry;

export function isSymfonyRoutingYaml(path: string): boolean {
  return /(^|\/)config\/routes(\.ya?ml|\/.+\.ya?ml)$/.test(path) || /(^|\/)(app\/)?config\/routing(_[a-z]+)?\.ya?ml$/.test(path)
    || /(^|\/)Resources\/config\/routing(\/.+)?\.ya?ml$/.test(path);
}

function stripComment(text: string): string {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) return text.slice(0, i);
  }
  return text;
}

function readLines(text: string): Line[] {
  const out: Line[] = [];
  text.split('\n').forEach((raw, i) => {
    const body = stripComment(raw.replace(/\r$/, ''));
    const trimmed = body.trim();
    if (!trimmed || trimmed === '---') return;
    out.push({ no: i + 1, indent: body.length - body.trimStart().length, text: trimmed });
  });
  return out;
}

export function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && ((v.startsWith("'") && v.endsWith("'")) || (v.startsWith('"') && v.endsWith('"')))) return v.slice(1, -1);
  return v;
}

/** Splits `key: value` (key may be quoted); undefined for list items and plain scalars. */
function splitKey(text: string): [string, string] | undefined {
  if (text.startsWith('- ')) return undefined;
  let i = 0;
  if (text.startsWith('"') || text.startsWith("'")) {
    const close = text.indexOf(text[0]!, 1);
    if (close < 0) return undefined;
    i = close + 1;
  }
  const colon = text.indexOf(':', i);
  if (colon < 0 || (colon + 1 < text.length && text[colon + 1] !== ' ')) return undefined;
  return [unquote(text.slice(0, colon)), text.slice(colon + 1).trim()];
}

function parseBlock(lines: Line[], start: number, indent: number): { entries: Entry[]; items: string[]; next: number } {
  const entries: Entry[] = [];
  const items: string[] = [];
  let i = start;
  while (i < lines.length && lines[i]!.indent >= indent) {
    const line = lines[i]!;
    if (line.indent > indent) {
      i++;
      continue;
    }
    if (line.text.startsWith('- ') || line.text === '-') {
      items.push(unquote(line.text.slice(1)));
      i++;
      continue;
    }
    const kv = splitKey(line.text);
    if (!kv) {
      i++;
      continue;
    }
    const entry: Entry = { key: kv[0], line: line.no, children: [], items: [] };
    i++;
    if (kv[1]) entry.value = kv[1];
    else if (i < lines.length && (lines[i]!.indent > indent || (lines[i]!.indent === indent && lines[i]!.text.startsWith('- ')))) {
      const child = parseBlock(lines, i, lines[i]!.indent);
      entry.children = child.entries;
      entry.items = child.items;
      i = child.next;
    }
    entries.push(entry);
  }
  return { entries, items, next: i };
}

/** `[GET, POST]`, `GET|POST`, `GET` or a block list -> strings. */
export function listValue(entry: Entry | undefined): string[] {
  if (!entry) return [];
  if (entry.value === undefined) return entry.items.length > 0 ? entry.items : entry.children.map((c) => unquote(c.value ?? ''));
  const v = entry.value.trim();
  const inner = v.startsWith('[') && v.endsWith(']') ? v.slice(1, -1) : v;
  return inner.split(/[,|]/).map(unquote).filter(Boolean);
}

const child = (entry: Entry, key: string) => entry.children.find((c) => c.key === key);

function routeFacts(path: string, text: string, entry: Entry, facts: Fact[]): void {
  const pathEntry = child(entry, 'path') ?? child(entry, 'pattern');
  if (!pathEntry) return;
  const paths = pathEntry.value !== undefined ? [unquote(pathEntry.value)] : pathEntry.children.map((c) => unquote(c.value ?? ''));
  const methods = listValue(child(entry, 'methods')).map(toMethod).filter((m): m is HttpMethod => !!m);
  const controllerEntry = child(entry, 'controller') ?? child(child(entry, 'defaults') ?? { key: '', line: 0, children: [], items: [] }, '_controller');
  const controller = controllerEntry?.value ? unquote(controllerEntry.value) : undefined;
  for (const p of paths.filter(Boolean)) {
    for (const method of methods.length > 0 ? methods : (['ANY'] as HttpMethod[])) {
      const fact: RouteFact = {
        kind: 'route', framework: FRAMEWORK, method, path: cleanSymfonyPath(p), location: locationOfLine(path, text, entry.line),
      };
      if (controller) fact.handler = { name: controller };
      facts.push(fact);
    }
  }
}

/** `{ path: ../src/Controller/, namespace: App\\Controller }` -> its `path` value. */
function flowMapValue(flow: string, key: string): string | undefined {
  const v = flow.trim();
  if (!v.startsWith('{') || !v.endsWith('}')) return undefined;
  for (const part of v.slice(1, -1).split(',')) {
    const kv = splitKey(part.trim());
    if (kv && kv[0] === key) return unquote(kv[1]);
  }
  return undefined;
}

/** The project root of a routing file: the directory holding its `config/` ('' at the repository root). */
function projectRootOf(path: string): string {
  const at = path.lastIndexOf('config/');
  if (at < 0) return '';
  const base = path.slice(0, at);
  return base.endsWith('app/') ? base.slice(0, -'app/'.length) : base; // Symfony 2/3: app/config/routing.yml
}

/**
 * The repo-relative files or directories a `resource:` import loads routes from: route files
 * (`routes/admin.yaml`), controller directories or classes read for attributes/annotations
 * (`../src/Controller/`, `@AppBundle/Controller/`), and `routing.controllers` (Symfony 7: the
 * attribute routes of the application's src/Controller/).
 */
export function importTargets(path: string, resource: string, type: string): string[] {
  const root = projectRootOf(path);
  if (resource === 'routing.controllers') return [`${root}src/Controller/`];
  const isDir = resource.endsWith('/') || type === 'annotation' || type === 'attribute' || type === 'directory';
  if (!isDir && !/\.(ya?ml|php)$/.test(resource)) return [];
  let target: string;
  if (resource.startsWith('@')) {
    // Bundles of the application live under src/ (`@AppBundle/Controller/` -> src/AppBundle/Controller/).
    const bundle = /^@([A-Za-z0-9_]+Bundle)\//.exec(resource);
    if (!bundle) return [];
    target = normalizeRelPath(`${root}src/${bundle[1]}/${resource.slice(bundle[0].length)}`);
  } else {
    target = normalizeRelPath(`${dirOf(path)}/${resource}`);
  }
  if (!target) return [];
  return [/\.(ya?ml|php)$/.test(target) ? target : `${target}/`];
}

function importFacts(path: string, text: string, entry: Entry, facts: Fact[]): void {
  const resourceEntry = child(entry, 'resource');
  if (!resourceEntry) return;
  const resource = resourceEntry.value !== undefined
    ? flowMapValue(resourceEntry.value, 'path') ?? unquote(resourceEntry.value)
    : unquote(child(resourceEntry, 'path')?.value ?? '');
  const prefixEntry = child(entry, 'prefix');
  const prefix = prefixEntry?.value !== undefined ? unquote(prefixEntry.value) : '';
  const type = unquote(child(entry, 'type')?.value ?? '');
  if (!prefix || !resource) return;
  const files = importTargets(path, resource, type);
  if (files.length === 0) return;
  facts.push({ kind: 'global-prefix', framework: FRAMEWORK, prefix, files, location: locationOfLine(path, text, entry.line) });
}

/** The top-level entries of a YAML document (the block-style subset route files use). */
export function parseYamlEntries(text: string): YamlEntry[] {
  const lines = readLines(text);
  if (lines.length === 0) return [];
  return parseBlock(lines, 0, lines[0]!.indent).entries;
}

export const symfonyYamlRoutes: Extractor = {
  id: 'symfony/yaml-routes',
  languages: ['text'],
  keywords: ['path:', 'resource:'],
  extract(file) {
    if (!isSymfonyRoutingYaml(file.path)) return [];
    const lines = readLines(file.text);
    if (lines.length === 0) return [];
    const { entries } = parseBlock(lines, 0, lines[0]!.indent);
    const facts: Fact[] = [];
    for (const entry of entries) {
      if (entry.key.startsWith('when@')) continue; // environment-only routes (dev tools)
      if (child(entry, 'resource')) importFacts(file.path, file.text, entry, facts);
      else routeFacts(file.path, file.text, entry, facts);
    }
    return facts;
  },
};
