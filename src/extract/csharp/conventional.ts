// Conventional MVC routing (`MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}")`)
// links two files: controllers without attribute routes register on a per-project router ref, and
// Program.cs / Startup.cs mounts that ref once per route template, with the template's literal prefix.
import type { RefExpr } from '../../core/facts.js';

/**
 * The project directory a file belongs to, with a trailing '/' ('' at the root): the directory above
 * `Controllers/` or `Areas/` for controllers, the file's own directory for Program.cs / Startup.cs.
 */
export function projectDirOf(path: string): string {
  const segments = path.split('/');
  segments.pop();
  const cut = segments.findIndex((s) => s === 'Controllers' || s === 'Areas');
  const dir = (cut >= 0 ? segments.slice(0, cut) : segments).join('/');
  return dir ? `${dir}/` : '';
}

/** Router ref of the conventionally routed actions of a project (area controllers apart). */
export function conventionalRef(path: string, area: boolean): RefExpr {
  return { file: projectDirOf(path), path: [area ? 'aspnetcore:conventional-areas' : 'aspnetcore:conventional'] };
}

/** The application that conventional routes are mounted on. */
export function conventionalAppRef(path: string): RefExpr {
  return { file: projectDirOf(path), path: ['aspnetcore:app'] };
}
