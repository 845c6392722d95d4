// Module specifier -> repo-relative file, for JS/TS and Python, over the set of scanned files.
// Pure: it only looks at the file list.

const JS_EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];

export interface ModuleIndex {
  files: ReadonlySet<string>;
  /** Directories that Python absolute imports may be rooted at ('' = repo root, 'src', service roots...). */
  pythonRoots: readonly string[];
  /** Directories that non-relative JS specifiers may be rooted at (tsconfig baseUrl-like: '', 'src'). */
  jsRoots: readonly string[];
  /** Every directory that has a .py file somewhere below it. */
  pythonDirs: ReadonlySet<string>;
  /** Go modules (go.mod): module path -> directory. */
  goModules: readonly { root: string; module: string }[];
  /** Directories that directly hold .go files. */
  goDirs: ReadonlySet<string>;
}

export function buildModuleIndex(
  files: Iterable<string>,
  serviceRoots: Iterable<string> = [],
  goModules: readonly { root: string; module: string }[] = [],
): ModuleIndex {
  const set = new Set(files);
  const roots = new Set<string>(['']);
  for (const root of serviceRoots) {
    roots.add(root);
    roots.add(root ? `${root}/src` : 'src');
    roots.add(root ? `${root}/app` : 'app');
  }
  roots.add('src');
  const pythonRoots = [...roots].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const pythonDirs = new Set<string>();
  for (const file of set) {
    if (!file.endsWith('.py')) continue;
    for (let dir = dirname(file); dir !== '' && !pythonDirs.has(dir); dir = dirname(dir)) pythonDirs.add(dir);
  }
  const goDirs = new Set<string>();
  for (const file of set) if (file.endsWith('.go')) goDirs.add(dirname(file));
  const sortedGo = [...goModules].sort((a, b) => b.module.length - a.module.length);
  return { files: set, pythonRoots, jsRoots: pythonRoots, pythonDirs, goModules: sortedGo, goDirs };
}

/** The directory of a repo-relative path ('' at the root). */
export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** `base` + `rel` with '.' and '..' resolved; a '..' above the root stays at the root. */
export function joinPath(base: string, rel: string): string {
  return resolvePath(base, rel, false)!;
}

/** `base` + `rel` with '.' and '..' resolved; undefined when `rel` climbs above the repository root. */
export function joinPathInside(base: string, rel: string): string | undefined {
  return resolvePath(base, rel, true);
}

function resolvePath(base: string, rel: string, strict: boolean): string | undefined {
  const parts = base ? base.split('/').filter((p) => p && p !== '.') : [];
  for (const part of rel.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (strict && parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

function tryJsFile(index: ModuleIndex, candidate: string): string | undefined {
  if (index.files.has(candidate) && /\.[cm]?[jt]sx?$/.test(candidate)) return candidate;
  // TypeScript ESM writes './x.js' for './x.ts'.
  const stripped = candidate.replace(/\.(m|c)?js$/, '');
  if (stripped !== candidate) {
    for (const ext of JS_EXTENSIONS) if (index.files.has(stripped + ext)) return stripped + ext;
  }
  for (const ext of JS_EXTENSIONS) if (index.files.has(candidate + ext)) return candidate + ext;
  for (const ext of JS_EXTENSIONS) {
    const indexFile = candidate ? `${candidate}/index${ext}` : `index${ext}`;
    if (index.files.has(indexFile)) return indexFile;
  }
  return undefined;
}

/** Resolves a JS/TS import specifier written in `fromFile`; undefined for packages and unknown paths. */
export function resolveJsModule(index: ModuleIndex, fromFile: string, specifier: string): string | undefined {
  if (specifier.startsWith('.')) return tryJsFile(index, joinPath(dirname(fromFile), specifier));
  if (specifier.startsWith('/')) return tryJsFile(index, joinPath('', specifier));
  // Path aliases ('@/x', '~/x', 'src/x') and baseUrl imports: try the known roots.
  const bare = specifier.replace(/^[@~]\//, '');
  for (const root of index.jsRoots) {
    const found = tryJsFile(index, joinPath(root, bare));
    if (found) return found;
  }
  return undefined;
}

function tryPythonModule(index: ModuleIndex, base: string): string | undefined {
  if (index.files.has(`${base}.py`)) return `${base}.py`;
  if (index.files.has(`${base}/__init__.py`)) return `${base}/__init__.py`;
  return undefined;
}

/** True when the directory holds Python files (a namespace package without __init__.py). */
function isPythonPackageDir(index: ModuleIndex, dir: string): boolean {
  return dir === '' || index.pythonDirs.has(dir);
}

/**
 * Resolves a Python module name ('app.api.routes', '.', '..routes') written in `fromFile` to a file
 * (`x.py` or `x/__init__.py`); a namespace package resolves to '<dir>/' (trailing slash).
 */
export function resolvePythonModule(index: ModuleIndex, fromFile: string, source: string): string | undefined {
  const dots = /^\.+/.exec(source)?.[0].length ?? 0;
  const rest = source.slice(dots).split('.').filter(Boolean).join('/');
  if (dots > 0) {
    let dir = dirname(fromFile);
    for (let i = 1; i < dots; i++) dir = dirname(dir);
    const base = rest ? joinPath(dir, rest) : dir;
    return tryPythonModule(index, base) ?? (rest === '' || isPythonPackageDir(index, base) ? `${base}/` : undefined);
  }
  // Absolute: the nearest root that has it, preferring the importing file's own ancestors.
  const ancestors: string[] = [];
  for (let dir = dirname(fromFile); ; dir = dirname(dir)) {
    ancestors.push(dir);
    if (dir === '') break;
  }
  for (const root of [...ancestors, ...index.pythonRoots]) {
    const base = joinPath(root, rest);
    const found = tryPythonModule(index, base);
    if (found) return found;
  }
  // A namespace package (a directory of .py files without __init__.py), e.g. `from blog import views`.
  for (const root of [...ancestors, ...index.pythonRoots]) {
    const base = joinPath(root, rest);
    if (base && index.pythonDirs.has(base)) return `${base}/`;
  }
  return undefined;
}

/** The Python submodule `name` of a package file (`pkg/__init__.py` or namespace dir 'pkg/'), if any. */
export function pythonSubmodule(index: ModuleIndex, packageFile: string, name: string): string | undefined {
  let dir: string;
  if (packageFile.endsWith('/')) dir = packageFile.slice(0, -1);
  else if (packageFile.endsWith('/__init__.py') || packageFile === '__init__.py') dir = dirname(packageFile);
  else return undefined;
  const base = dir ? `${dir}/${name}` : name;
  return tryPythonModule(index, base) ?? (isPythonPackageDir(index, base) ? `${base}/` : undefined);
}

/** A Go import path -> the package directory ('<dir>/'), through the go.mod module paths. */
export function resolveGoPackage(index: ModuleIndex, importPath: string): string | undefined {
  for (const { root, module } of index.goModules) {
    if (importPath !== module && !importPath.startsWith(`${module}/`)) continue;
    const dir = joinPath(root, importPath.slice(module.length));
    if (index.goDirs.has(dir)) return `${dir}/`;
  }
  return undefined;
}
