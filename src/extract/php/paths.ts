// Repo-relative path arithmetic for PHP route files (route files named in code, import targets).

/** Removes '.' and '..' segments from a '/'-separated relative path. */
export function normalizeRelPath(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/** The directory of a repo-relative file ('' at the root). */
export function dirOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

/** `routes/api.php` of an app (or a module): Laravel puts it under the 'api' prefix by default. */
export function isDefaultApiRouteFile(path: string): boolean {
  return /(^|\/)routes\/api\.php$/i.test(path);
}

/** The application root of a file under app/ or bootstrap/: 'api/app/Providers/X.php' -> 'api'. */
export function laravelRootOf(path: string): string | undefined {
  const segments = path.split('/');
  for (let i = segments.length - 2; i >= 0; i--) {
    if (segments[i] === 'app' || segments[i] === 'bootstrap') return segments.slice(0, i).join('/');
  }
  return undefined;
}
