// Static-file mounts -> one `GET <prefix>/<relative path>` route per repository file under the
// mounted directory, on the mount's router, so that router prefixes, mounts and middleware apply
// exactly as for a route declared there. The file list comes from the discovery's listing (the
// model never touches the file system); a directory that is not in the repository yields nothing.
import type { FactOf } from '../core/facts.js';
import { joinPaths } from './paths.js';
import { dirname, joinPathInside } from './resolve-modules.js';
import type { Endpoint } from './types.js';

/** Files listed per mount; beyond that one `GET <prefix>/*` stands for the rest. */
export const MAX_STATIC_FILES = 200;

export const STATIC_HANDLER = 'static files';

/** An endpoint that serves one file of a static-file mount (not an API operation). */
export function isStaticFileEndpoint(endpoint: Pick<Endpoint, 'origin' | 'handler'>): boolean {
  return endpoint.origin === 'generated' && endpoint.handler?.name === STATIC_HANDLER;
}

/** Characters a route path reads as parameter or pattern syntax: such file names cannot be written as a path. */
const SYNTAX_CHARS = /[:{}<>*?()\\#%]/;

/** Sorted paths -> the directories that hold at least one file (every ancestor), '' for the root. */
function directoriesOf(paths: readonly string[]): Set<string> {
  const dirs = new Set<string>(['']);
  for (const path of paths) {
    let dir = dirname(path);
    while (dir && !dirs.has(dir)) {
      dirs.add(dir);
      dir = dirname(dir);
    }
  }
  return dirs;
}

/**
 * The repository directory a mount serves, or undefined when it is not in the repository. A directory
 * relative to the working directory is looked up next to the declaring file first (the program is
 * commonly started there), then at the service root; an absolute one ('/public') is taken relative to
 * them too, as a container image built from the repository lays it out, and only when it exists.
 */
export function resolveStaticDir(
  mount: Pick<FactOf<'static-mount'>, 'dir' | 'base' | 'location'>, serviceRoot: string, dirs: ReadonlySet<string>,
): string | undefined {
  const written = mount.dir.trim();
  if (!written || written.includes('\\') || /^[A-Za-z]:/.test(written) || written.startsWith('~')) return undefined;
  const fileDir = dirname(mount.location.file);
  const bases = mount.base === 'file' ? [fileDir] : [...new Set([fileDir, serviceRoot])];
  const relative = written.replace(/^\/+/, '');
  for (const base of bases) {
    const dir = joinPathInside(base, relative);
    if (dir === undefined) continue;
    // The root ('.') is a directory of the repository; any other must hold a file.
    if (dirs.has(dir)) return dir;
  }
  return undefined;
}

/** The paths (below `prefix`) a directory's files answer at: `a/b.css`, and `a/` for `a/index.html`. */
function servedPaths(dir: string, sortedPaths: readonly string[]): { paths: string[]; more: boolean } {
  const start = dir ? `${dir}/` : '';
  const paths: string[] = [];
  let files = 0;
  let more = false;
  for (const path of sortedPaths) {
    if (!path.startsWith(start)) continue;
    const rel = path.slice(start.length);
    const segments = rel.split('/');
    if (segments.some((s) => s.startsWith('.') || s === '')) continue; // dot-files and dot-directories are not served
    if (SYNTAX_CHARS.test(rel)) {
      more = true; // served, but cannot be written as a path: the wildcard stands for it
      continue;
    }
    if (files >= MAX_STATIC_FILES) {
      more = true;
      break;
    }
    files++;
    if (segments[segments.length - 1] === 'index.html') paths.push(rel.slice(0, rel.length - 'index.html'.length));
    paths.push(rel);
  }
  return { paths, more };
}

/**
 * Route facts for static mounts: `GET <prefix>/<file>` for each file (and `<prefix>/<dir>/` for an
 * index.html), in path order, at most MAX_STATIC_FILES files then `GET <prefix>/*`.
 * `allPaths`: every repository file path; `serviceOf`: the service root of a declaring file.
 */
export function expandStaticMounts(
  mounts: readonly FactOf<'static-mount'>[], allPaths: readonly string[], serviceOf: (file: string) => string,
): FactOf<'route'>[] {
  if (mounts.length === 0 || allPaths.length === 0) return [];
  const sorted = [...allPaths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const dirs = directoriesOf(sorted);
  const out: FactOf<'route'>[] = [];
  for (const mount of mounts) {
    const dir = resolveStaticDir(mount, serviceOf(mount.location.file), dirs);
    if (dir === undefined) continue;
    const { paths, more } = servedPaths(dir, sorted);
    const route = (path: string): FactOf<'route'> => ({
      kind: 'route', framework: mount.framework, method: 'GET', path, location: mount.location,
      ...(mount.router ? { router: mount.router } : {}),
      handler: { name: STATIC_HANDLER },
      ...(mount.middleware?.length ? { middleware: mount.middleware } : {}),
      origin: 'generated',
    });
    for (const rel of paths) out.push(route(joinPaths(mount.prefix, rel)));
    if (more) out.push(route(joinPaths(mount.prefix, '*')));
  }
  return out;
}
