// URL paths from file paths, for the frameworks that route by file name. The regexes here apply to
// one repo-relative path (never to source code).
import type { HttpMethod, RouteFact } from '../../core/facts.js';
import type { Location } from '../../core/types.js';

const SOURCE_EXTENSION = /\.(?:[cm]?[jt]sx?)$/;

/** 'users/[id].get.ts' -> 'users/[id].get'. */
export function stripSourceExtension(path: string): string {
  return path.replace(SOURCE_EXTENSION, '');
}

/** Test, story and declaration files never serve routes. */
export function isTestOrTooling(path: string): boolean {
  return /(^|\/)(__tests__|__mocks__|test|tests|spec|e2e|fixtures|node_modules)\//.test(path)
    || /\.(test|spec|stories|d)\.[cm]?[jt]sx?$/.test(path);
}

/**
 * The segments of `path` that follow the first occurrence of the directory sequence `dir`
 * (['src', 'routes'] or ['app']), the file name included; undefined when `path` is not under it.
 */
export function segmentsUnder(path: string, dir: readonly string[]): string[] | undefined {
  const parts = path.split('/');
  for (let i = 0; i + dir.length < parts.length; i++) {
    let ok = true;
    for (let k = 0; k < dir.length && ok; k++) ok = parts[i + k] === dir[k];
    if (ok) return parts.slice(i + dir.length);
  }
  return undefined;
}

/**
 * One bracket-syntax segment (Next.js, Nuxt, SvelteKit, Astro, Fresh) as its URL variants:
 * '[id]' -> ['{id}'], '[...slug]' -> ['{slug}'], '[id=integer]' -> ['{id}'], 'v[major].json' -> ['v{major}.json'].
 * Optional segments ('[[...slug]]', '[[lang]]') keep their parameter, like an Express ':lang?':
 * one endpoint per declaration.
 */
export function bracketSegment(segment: string): string[] {
  return [segment.replace(/\[\[?(?:\.\.\.)?([A-Za-z0-9_$-]+)(?:=[A-Za-z0-9_]+)?\]\]?/g, '{$1}')];
}

/** Every combination of segment variants as a '/'-joined path ('' variants dropped); '/' for none. */
export function expandPaths(segments: readonly string[][]): string[] {
  let paths: string[][] = [[]];
  for (const variants of segments) {
    const next: string[][] = [];
    for (const prefix of paths) for (const v of variants) next.push(v ? [...prefix, v] : prefix);
    paths = next;
  }
  const out = paths.map((p) => `/${p.join('/')}`);
  return [...new Set(out)];
}

/** A segment that only groups files: '(marketing)'. */
export function isGroupSegment(segment: string): boolean {
  return segment.length > 2 && segment.startsWith('(') && segment.endsWith(')') && !segment.slice(1, -1).includes('(');
}

export function routeFact(
  framework: string, method: HttpMethod, path: string, location: Location, handler?: { name: string; location?: Location },
): RouteFact {
  return { kind: 'route', framework, method, path, location, ...(handler ? { handler } : {}) };
}
