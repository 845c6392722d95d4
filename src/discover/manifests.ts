// Manifest text -> dependencies -> frameworks. Pure: discover.ts does the reading.

import { parse as parseToml } from 'smol-toml';
import type { FrameworkFact } from '../core/facts.js';
import type { Notification } from '../core/types.js';

export interface Manifest {
  path: string;
  root: string; // directory of the manifest, '' for the repository root
  ecosystem: 'npm' | 'python';
  dependencies: Map<string, string>; // name (lower-case for Python) -> declared version spec ('' when none)
  /** 1-based line of each dependency's declaration, when found. */
  lines: Map<string, number>;
}

/** Dependency name -> framework id. */
const NPM_FRAMEWORKS: Record<string, string> = {
  express: 'express', fastify: 'fastify', '@nestjs/core': 'nestjs', koa: 'koa', hono: 'hono',
  '@hapi/hapi': 'hapi', hapi: 'hapi', restify: 'restify', sails: 'sails', '@adonisjs/core': 'adonisjs',
};
const PYTHON_FRAMEWORKS: Record<string, string> = {
  fastapi: 'fastapi', flask: 'flask', django: 'django', starlette: 'starlette', sanic: 'sanic',
  aiohttp: 'aiohttp', tornado: 'tornado', falcon: 'falcon', bottle: 'bottle', quart: 'quart', litestar: 'litestar',
};
/** Libraries that sit on top of another framework: reported as the base framework too. */
const PYTHON_IMPLIES: Record<string, string> = { djangorestframework: 'django', 'flask-restful': 'flask', 'flask-restx': 'flask' };

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

function lineOf(text: string, needle: string): number | undefined {
  const index = text.indexOf(needle);
  if (index < 0) return undefined;
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function cleanVersion(spec: string): string {
  const match = /(\d+(?:\.\d+){0,3}(?:[-.][0-9A-Za-z.]+)?)/.exec(spec);
  return match ? match[1]! : '';
}

function normalisePythonName(name: string): string {
  return name.toLowerCase().replace(/_/g, '-').replace(/\[.*\]$/, '');
}

function parseRequirementLine(line: string): [string, string] | undefined {
  const text = line.replace(/#.*$/, '').trim();
  if (!text || text.startsWith('-') || text.includes('://')) return undefined;
  const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(.*)$/.exec(text);
  if (!match) return undefined;
  return [normalisePythonName(match[1]!), match[3]!.split(';')[0]!.trim()];
}

export function parseManifest(path: string, text: string): { manifest?: Manifest; problem?: Notification } {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const root = dirOf(path);
  const dependencies = new Map<string, string>();
  const lines = new Map<string, number>();
  const problem = (message: string): { problem: Notification } => ({
    problem: { level: 'warning', kind: 'manifest-error', message: `${path}: ${message}`, file: path },
  });
  try {
    if (base === 'package.json') {
      const json = JSON.parse(text) as Record<string, unknown>;
      if (typeof json !== 'object' || json === null || Array.isArray(json)) return problem('not a JSON object');
      for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
        const deps = json[field];
        if (typeof deps !== 'object' || deps === null) continue;
        for (const [name, spec] of Object.entries(deps as Record<string, unknown>)) {
          if (!dependencies.has(name)) dependencies.set(name, typeof spec === 'string' ? spec : '');
          const line = lineOf(text, `"${name}"`);
          if (line) lines.set(name, line);
        }
      }
      return { manifest: { path, root, ecosystem: 'npm', dependencies, lines } };
    }
    if (/^requirements.*\.txt$/.test(base)) {
      text.split(/\r?\n/).forEach((line, i) => {
        const dep = parseRequirementLine(line);
        if (dep && !dependencies.has(dep[0])) {
          dependencies.set(dep[0], dep[1]);
          lines.set(dep[0], i + 1);
        }
      });
      return { manifest: { path, root, ecosystem: 'python', dependencies, lines } };
    }
    if (base === 'pyproject.toml' || base === 'Pipfile') {
      const toml = parseToml(text) as Record<string, any>;
      const add = (name: string, spec: unknown) => {
        const key = normalisePythonName(name);
        if (key === 'python' || dependencies.has(key)) return;
        const version = typeof spec === 'object' && spec !== null ? (spec as { version?: unknown }).version : spec;
        dependencies.set(key, typeof version === 'string' ? version : '');
        const line = lineOf(text, name);
        if (line) lines.set(key, line);
      };
      for (const entry of (toml.project?.dependencies ?? []) as unknown[]) {
        if (typeof entry !== 'string') continue;
        const dep = parseRequirementLine(entry);
        if (dep) add(dep[0], dep[1]);
      }
      for (const table of [toml.tool?.poetry?.dependencies, toml.tool?.poetry?.['dev-dependencies'], toml.packages, toml['dev-packages']]) {
        if (table && typeof table === 'object') for (const [name, spec] of Object.entries(table)) add(name, spec);
      }
      for (const group of Object.values((toml.tool?.poetry?.group ?? {}) as Record<string, any>)) {
        if (group?.dependencies) for (const [name, spec] of Object.entries(group.dependencies)) add(name, spec);
      }
      return { manifest: { path, root, ecosystem: 'python', dependencies, lines } };
    }
    // setup.py / setup.cfg / manage.py: a Python service root; dependencies are not read from code.
    return { manifest: { path, root, ecosystem: 'python', dependencies, lines } };
  } catch (error) {
    return problem(`could not be parsed (${(error as Error).message.split('\n')[0]})`);
  }
}

/** Framework facts declared by manifests. */
export function frameworksFromManifests(manifests: readonly Manifest[]): FrameworkFact[] {
  const facts: FrameworkFact[] = [];
  for (const manifest of manifests) {
    const table = manifest.ecosystem === 'npm' ? NPM_FRAMEWORKS : PYTHON_FRAMEWORKS;
    const found = new Map<string, { version: string; dep: string }>();
    for (const [dep, spec] of manifest.dependencies) {
      const id = table[dep] ?? (manifest.ecosystem === 'python' ? PYTHON_IMPLIES[dep] : undefined);
      if (!id) continue;
      const version = table[dep] ? cleanVersion(spec) : found.get(id)?.version ?? '';
      if (!found.has(id) || table[dep]) found.set(id, { version, dep });
    }
    for (const [id, { version, dep }] of found) {
      const line = manifest.lines.get(dep) ?? 1;
      facts.push({
        kind: 'framework', id, serviceRoot: manifest.root, source: 'manifest',
        ...(version ? { version } : {}),
        location: { file: manifest.path, startLine: line, startColumn: 1, endLine: line, endColumn: 2 },
      });
    }
  }
  return facts;
}
