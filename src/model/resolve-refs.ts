// RefExpr -> canonical symbol key, following import, export and alias facts across files.
// A key is '<file>#<dotted.path>' for a value defined in a scanned file, 'module:<file>' for a
// whole module, or 'extern:<specifier>#<path>' for something from a package.

import type { AliasFact, ExportFact, ImportFact, RefExpr } from '../core/facts.js';
import { pythonSubmodule, resolveGoPackage, resolveJsModule, resolvePythonModule, type ModuleIndex } from './resolve-modules.js';

export interface SymbolTable {
  resolve(ref: RefExpr): string;
  /** Resolves a module specifier written in `fromFile` (language from the file's extension). */
  resolveModule(fromFile: string, specifier: string): string | undefined;
}

const MAX_DEPTH = 24;

function isPython(file: string): boolean {
  return file.endsWith('.py') || file.endsWith('.pyi') || file.endsWith('/');
}

export function buildSymbolTable(
  index: ModuleIndex,
  imports: readonly ImportFact[],
  exports: readonly ExportFact[],
  aliases: readonly AliasFact[],
): SymbolTable {
  const importsByFile = new Map<string, Map<string, ImportFact>>();
  for (const fact of imports) {
    const file = fact.location.file;
    let map = importsByFile.get(file);
    if (!map) importsByFile.set(file, (map = new Map()));
    if (!map.has(fact.local)) map.set(fact.local, fact);
  }
  const exportsByFile = new Map<string, Map<string, ExportFact>>();
  for (const fact of exports) {
    const file = fact.location.file;
    let map = exportsByFile.get(file);
    if (!map) exportsByFile.set(file, (map = new Map()));
    map.set(fact.exported, fact); // last assignment wins, as at run time
  }
  const aliasesByFile = new Map<string, Map<string, AliasFact>>();
  for (const fact of aliases) {
    const file = fact.location.file;
    let map = aliasesByFile.get(file);
    if (!map) aliasesByFile.set(file, (map = new Map()));
    if (!map.has(fact.local)) map.set(fact.local, fact);
  }

  const moduleCache = new Map<string, string | undefined>();
  function resolveModule(fromFile: string, specifier: string): string | undefined {
    const cacheKey = `${fromFile}\u0000${specifier}`;
    if (moduleCache.has(cacheKey)) return moduleCache.get(cacheKey);
    const found = fromFile.endsWith('.go')
      ? resolveGoPackage(index, specifier)
      : isPython(fromFile)
        ? resolvePythonModule(index, fromFile, specifier)
        : resolveJsModule(index, fromFile, specifier);
    moduleCache.set(cacheKey, found);
    return found;
  }

  function resolveInModule(module: string, path: readonly string[], depth: number, seen: Set<string>): string {
    if (path.length === 0) return `module:${module}`;
    const [name, ...rest] = path as readonly string[] as [string, ...string[]];
    const exported = exportsByFile.get(module)?.get(name);
    if (exported) {
      return resolvePath({ file: exported.local.file, path: [...exported.local.path, ...rest] }, depth + 1, seen);
    }
    if (isPython(module)) {
      const sub = pythonSubmodule(index, module, name);
      // A name bound inside the package __init__ wins over a submodule of the same name.
      const boundInInit = importsByFile.get(module)?.has(name) || aliasesByFile.get(module)?.has(name);
      if (sub && !boundInInit) return resolveInModule(sub, rest, depth + 1, seen);
    } else if (name === 'default') {
      // CommonJS `require('./x').a` / interop: no default export, read the module's names.
      return resolveInModule(module, rest, depth + 1, seen);
    }
    // A package directory (Go package, Python namespace package): names live at '<dir>/#name'.
    if (module.endsWith('/')) return resolvePath({ file: module, path: [...path] }, depth + 1, seen);
    return resolvePath({ file: module, path: [...path] }, depth + 1, seen);
  }

  function resolvePath(ref: RefExpr, depth: number, seen: Set<string>): string {
    const own = `${ref.file}#${ref.path.join('.')}`;
    if (depth > MAX_DEPTH || ref.path.length === 0 || seen.has(own)) return own;
    seen.add(own);
    const [head, ...rest] = ref.path as [string, ...string[]];
    const alias = aliasesByFile.get(ref.file)?.get(head);
    if (alias && !(alias.target.path[0] === head && alias.target.file === ref.file)) {
      return resolvePath({ file: alias.target.file, path: [...alias.target.path, ...rest] }, depth + 1, seen);
    }
    const binding = importsByFile.get(ref.file)?.get(head);
    if (binding) {
      const module = resolveModule(ref.file, binding.source);
      if (!module) {
        const tail = binding.imported === '*' ? rest : [binding.imported, ...rest];
        return `extern:${binding.source}#${tail.join('.')}`;
      }
      if (binding.imported === '*') return resolveInModule(module, rest, depth + 1, seen);
      return resolveInModule(module, [binding.imported, ...rest], depth + 1, seen);
    }
    return own;
  }

  return {
    resolve: (ref) => resolvePath(ref, 0, new Set()),
    resolveModule,
  };
}
