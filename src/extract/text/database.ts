// Databases declared by manifests and schemas: package.json dependencies, requirements*.txt,
// pyproject.toml (Poetry and PEP 621), Pipfile, and the datasource `provider` of prisma/schema.prisma.
// Plain text files: JSON is parsed with JSON.parse, the others are read line by line.
import type { DatabaseFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import type { Extractor } from '../types.js';
import { normaliseEngine, npmPackage, pyPackage, type DbPackage } from './db-catalog.js';

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function fact(file: ParsedFile, line: number, pkg: { library: string; engine?: string }): DatabaseFact {
  const lineText = file.text.split('\n')[line - 1] ?? '';
  const indent = lineText.length - lineText.trimStart().length;
  const out: DatabaseFact = {
    kind: 'database', library: pkg.library,
    location: { file: file.path, startLine: line, startColumn: indent + 1, endLine: line, endColumn: lineText.replace(/\r$/, '').length + 1 },
  };
  if (pkg.engine) out.engine = pkg.engine;
  return out;
}

function fromPackageJson(file: ParsedFile): DatabaseFact[] {
  let json: unknown;
  try {
    json = JSON.parse(file.text);
  } catch {
    return [];
  }
  const deps = (json as { dependencies?: Record<string, unknown> } | null)?.dependencies;
  if (!deps || typeof deps !== 'object') return [];
  const block = file.text.indexOf('"dependencies"');
  const facts: DatabaseFact[] = [];
  for (const name of Object.keys(deps).sort()) {
    const pkg = npmPackage(name);
    if (!pkg) continue;
    const at = file.text.indexOf(`"${name}"`, Math.max(block, 0));
    facts.push(fact(file, lineOf(file.text, at < 0 ? 0 : at), pkg));
  }
  return facts;
}

/** 'psycopg2-binary>=2.9 ; python_version > "3"' -> 'psycopg2-binary'; 'databases[postgresql]' keeps its extras. */
function requirementName(spec: string): { name: string; extras: string[] } | undefined {
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[([^\]]*)\])?/.exec(spec);
  if (!m) return undefined;
  return { name: m[1]!.toLowerCase().replace(/_/g, '-'), extras: (m[3] ?? '').split(',').map((e) => e.trim().toLowerCase()).filter(Boolean) };
}

function pyRequirementPackage(spec: string): DbPackage | undefined {
  const req = requirementName(spec);
  if (!req) return undefined;
  const pkg = pyPackage(req.name);
  if (!pkg) return undefined;
  if (pkg.engine) return pkg;
  const engine = req.extras.map((e) => normaliseEngine(e.replace(/^asyncpg$/, 'postgresql').replace(/^aiomysql$/, 'mysql'))).find(Boolean);
  return engine ? { ...pkg, engine } : pkg;
}

function fromRequirements(file: ParsedFile): DatabaseFact[] {
  const facts: DatabaseFact[] = [];
  file.text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line || line.startsWith('-')) return;
    const pkg = pyRequirementPackage(line);
    if (pkg) facts.push(fact(file, i + 1, pkg));
  });
  return facts;
}

/** pyproject.toml (Poetry tables and PEP 621 arrays) and Pipfile [packages]. */
function fromTomlManifest(file: ParsedFile): DatabaseFact[] {
  const facts: DatabaseFact[] = [];
  let section = '';
  let inArray = false;
  file.text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '').trim();
    if (line.startsWith('[')) {
      section = line.replace(/^\[+|\]+$/g, '').trim();
      inArray = false;
      return;
    }
    if (!line || line.startsWith('#')) return;
    const isTable = /^(tool\.poetry\.dependencies|tool\.poetry\.group\.main\.dependencies|packages)$/.test(section);
    if (isTable) {
      const eq = line.indexOf('=');
      if (eq <= 0) return;
      const name = line.slice(0, eq).trim().replace(/^["']|["']$/g, '');
      const extrasMatch = /extras\s*=\s*\[([^\]]*)\]/.exec(line.slice(eq));
      const spec = extrasMatch ? `${name}[${extrasMatch[1]!.replace(/["'\s]/g, '')}]` : name;
      const pkg = pyRequirementPackage(spec);
      if (pkg) facts.push(fact(file, i + 1, pkg));
      return;
    }
    if (section === 'project') {
      if (/^dependencies\s*=\s*\[/.test(line)) inArray = true;
      if (!inArray) return;
      for (const m of line.matchAll(/["']([^"']+)["']/g)) {
        const pkg = pyRequirementPackage(m[1]!);
        if (pkg) facts.push(fact(file, i + 1, pkg));
      }
      if (line.includes(']')) inArray = false;
    }
  });
  return facts;
}

/** `datasource db { provider = "postgresql" }` in a Prisma schema. */
function fromPrisma(file: ParsedFile): DatabaseFact[] {
  const facts: DatabaseFact[] = [];
  let inDatasource = false;
  file.text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (/^datasource\s/.test(line)) inDatasource = true;
    else if (line.startsWith('}')) inDatasource = false;
    else if (inDatasource) {
      const m = /^provider\s*=\s*"([^"]+)"/.exec(line);
      if (m) facts.push(fact(file, i + 1, { library: 'prisma', engine: normaliseEngine(m[1]) ?? (m[1] === 'sqlserver' ? 'mssql' : m[1]) }));
    }
  });
  return facts;
}

export function extractManifestDatabases(file: ParsedFile): DatabaseFact[] {
  const base = file.path.slice(file.path.lastIndexOf('/') + 1);
  if (/(^|\/)node_modules\//.test(file.path)) return [];
  if (base === 'package.json') return fromPackageJson(file);
  if (/^requirements.*\.txt$/i.test(base)) return fromRequirements(file);
  if (base === 'pyproject.toml' || base === 'Pipfile') return fromTomlManifest(file);
  if (/\.prisma$/.test(base)) return fromPrisma(file);
  return [];
}

export const manifestDatabases: Extractor = {
  id: 'text/database',
  languages: ['text'],
  extract: extractManifestDatabases,
};
