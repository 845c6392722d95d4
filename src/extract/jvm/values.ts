// Evaluates annotation arguments and constants of one JVM file to strings: literals, `+`
// concatenation, constants declared in the file (static final fields, Kotlin const val, companion
// objects, top-level consts). A constant from another file stays a reference (`Routes.ITEM` ->
// { file: 'jvm:com.example', path: ['Routes', 'ITEM'] }) that the model resolves through `constant`
// facts; a Spring placeholder `${api.base:/api}` at the start of a path becomes a reference to the
// configuration key with its default as fallback.
import type { RefExpr } from '../../core/facts.js';
import type { JvmClass, JvmExpr, JvmFile } from './jvm-source.js';
import { allClasses } from './jvm-source.js';

export type StrValue =
  | { kind: 'literal'; text: string }
  /** A value that starts with something only another file knows, followed by literal `suffix`. */
  | { kind: 'ref'; ref: RefExpr; fallback: string; suffix: string; label: string }
  | { kind: 'unknown' };

const UNKNOWN: StrValue = { kind: 'unknown' };
const MAX_DEPTH = 12;

/** Where a name is looked up: the file and the chain of enclosing classes (outermost first). */
export interface Scope {
  file: JvmFile;
  classes: readonly JvmClass[];
}

/** The synthetic ref file naming a JVM package: classes and constants of any file of the package live there. */
export function packageRefFile(packageName: string): string {
  return `jvm:${packageName}`;
}

/** `com.a.b.Routes.ITEM` -> package 'com.a.b' and members ['Routes', 'ITEM'] (packages are lower case). */
export function splitQualified(path: readonly string[]): { pkg: string; members: string[] } | undefined {
  const first = path.findIndex((s) => /^[A-Z]/.test(s));
  if (first <= 0) return undefined;
  return { pkg: path.slice(0, first).join('.'), members: path.slice(first) };
}

/** Candidate package refs of a type name used in this file (exact when imported or declared here). */
export function typeRefs(file: JvmFile, name: string): RefExpr[] {
  const parts = name.split('.');
  const qualified = splitQualified(parts);
  if (qualified) return [{ file: packageRefFile(qualified.pkg), path: qualified.members }];
  const [head, ...rest] = parts as [string, ...string[]];
  const imported = file.imports.get(head);
  if (imported) {
    const split = splitQualified(imported.split('.'));
    if (split) return [{ file: packageRefFile(split.pkg), path: [...split.members, ...rest] }];
  }
  const own = { file: packageRefFile(file.packageName), path: parts };
  if (allClasses(file).some((c) => c.name === head)) return [own];
  return [own, ...file.wildcardImports.map((pkg) => ({ file: packageRefFile(pkg), path: parts }))];
}

function findClassPath(file: JvmFile, names: readonly string[]): JvmClass | undefined {
  // Outer class by simple name anywhere in the file, then nested ones by name.
  let current: JvmClass | undefined = allClasses(file).find((c) => c.name === names[0]);
  for (const name of names.slice(1)) {
    if (!current) return undefined;
    current = current.classes.find((c) => c.name === name);
  }
  return current;
}

function lookupConstant(scope: Scope, path: readonly string[]): { expr: JvmExpr; scope: Scope } | undefined {
  const { file } = scope;
  if (path.length === 1) {
    const name = path[0]!;
    for (let i = scope.classes.length - 1; i >= 0; i--) {
      const cls = scope.classes[i]!;
      const expr = cls.constants.get(name);
      if (expr) return { expr, scope: { file, classes: scope.classes.slice(0, i + 1) } };
    }
    const top = file.constants.get(name);
    if (top) return { expr: top, scope: { file, classes: [] } };
    return undefined;
  }
  let members = [...path];
  const qualified = splitQualified(path);
  if (qualified) {
    if (qualified.pkg !== file.packageName) return undefined;
    members = qualified.members;
  }
  if (members.length === 1) {
    const top = file.constants.get(members[0]!);
    return top ? { expr: top, scope: { file, classes: [] } } : undefined;
  }
  const owner = findClassPath(file, members.slice(0, -1));
  const expr = owner?.constants.get(members[members.length - 1]!);
  if (!owner || !expr) return undefined;
  return { expr, scope: { file, classes: classChain(file, owner) } };
}

/** The chain of classes enclosing `target` (outermost first, `target` last). */
export function classChain(file: JvmFile, target: JvmClass): JvmClass[] {
  const search = (list: readonly JvmClass[], trail: JvmClass[]): JvmClass[] | undefined => {
    for (const cls of list) {
      const next = [...trail, cls];
      if (cls === target) return next;
      const found = search(cls.classes, next);
      if (found) return found;
    }
    return undefined;
  };
  return search(file.classes, []) ?? [target];
}

/** A reference to a constant declared in another file, or undefined when the name cannot be one. */
function crossFileRef(scope: Scope, path: readonly string[]): RefExpr | undefined {
  const { file } = scope;
  const qualified = splitQualified(path);
  if (qualified) return { file: packageRefFile(qualified.pkg), path: qualified.members };
  if (path.length === 1) {
    const name = path[0]!;
    const statically = file.staticImports.get(name);
    if (statically) {
      const split = splitQualified(statically.split('.'));
      if (split) return { file: packageRefFile(split.pkg), path: split.members };
    }
    // Kotlin top-level constants of the same package are used without an import.
    if (file.language === 'kotlin' && /^[A-Z][A-Z0-9_]*$/.test(name)) return { file: packageRefFile(file.packageName), path: [name] };
    return undefined;
  }
  if (!/^[A-Z]/.test(path[0]!)) return undefined;
  return typeRefs(file, path.join('.'))[0];
}

function concatValues(a: StrValue, b: StrValue): StrValue {
  if (a.kind === 'unknown' || b.kind === 'unknown') return UNKNOWN;
  if (a.kind === 'literal' && a.text === '') return b;
  if (a.kind === 'literal' && b.kind === 'literal') return { kind: 'literal', text: a.text + b.text };
  if (a.kind === 'ref' && b.kind === 'literal') return { ...a, suffix: a.suffix + b.text };
  return UNKNOWN; // a reference after literal text cannot be expressed as a mount prefix
}

function evalOne(expr: JvmExpr, scope: Scope, depth: number): StrValue {
  if (depth > MAX_DEPTH) return UNKNOWN;
  switch (expr.kind) {
    case 'string':
      return { kind: 'literal', text: expr.value };
    case 'concat': {
      let acc: StrValue = { kind: 'literal', text: '' };
      for (const part of expr.parts) acc = concatValues(acc, evalOne(part, scope, depth + 1));
      return acc;
    }
    case 'name': {
      const found = lookupConstant(scope, expr.path);
      if (found) return evalOne(found.expr, found.scope, depth + 1);
      const ref = crossFileRef(scope, expr.path);
      const label = expr.path.slice(-2).join('.');
      return ref ? { kind: 'ref', ref, fallback: `{${label}}`, suffix: '', label } : UNKNOWN;
    }
    case 'array':
      return expr.items.length === 1 ? evalOne(expr.items[0]!, scope, depth + 1) : UNKNOWN;
    default:
      return UNKNOWN;
  }
}

/** All string values of an expression: arrays give several. */
export function evalStrings(expr: JvmExpr | undefined, scope: Scope): StrValue[] {
  if (!expr) return [];
  if (expr.kind === 'array') return expr.items.flatMap((item) => evalStrings(item, scope));
  return [withPlaceholder(evalOne(expr, scope, 0), scope.file.path)];
}

/** The literal value of a constant expression, or undefined. */
export function evalLiteral(expr: JvmExpr | undefined, scope: Scope): string | undefined {
  if (!expr) return undefined;
  const value = evalOne(expr, scope, 0);
  return value.kind === 'literal' ? value.text : undefined;
}

/**
 * Spring property placeholders: `${key:default}` at the start of a path refers to configuration
 * (resolved by the model from `constant` facts of application.properties / .yml, else the default);
 * placeholders elsewhere take their default.
 */
export function withPlaceholder(value: StrValue, filePath: string): StrValue {
  if (value.kind !== 'literal' || !value.text.includes('${')) return value;
  const text = value.text;
  if (text.startsWith('${')) {
    const end = placeholderEnd(text, 0);
    if (end > 0) {
      const { key, fallback } = parsePlaceholder(text.slice(2, end));
      const suffix = replacePlaceholders(text.slice(end + 1));
      return { kind: 'ref', ref: { file: filePath, path: [key] }, fallback, suffix, label: key };
    }
  }
  return { kind: 'literal', text: replacePlaceholders(text) };
}

/** Index of the `}` closing the placeholder opened at `start` (nested `${...}` allowed), or -1. */
function placeholderEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function parsePlaceholder(inner: string): { key: string; fallback: string } {
  const colon = inner.indexOf(':');
  if (colon < 0) return { key: inner.trim(), fallback: '' };
  return { key: inner.slice(0, colon).trim(), fallback: replacePlaceholders(inner.slice(colon + 1)) };
}

/** Replaces every `${key:default}` by its default (recursively), `${key}` by ''. */
export function replacePlaceholders(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('${', i)) {
      const end = placeholderEnd(text, i);
      if (end < 0) return out + text.slice(i);
      out += parsePlaceholder(text.slice(i + 2, end)).fallback;
      i = end + 1;
      continue;
    }
    out += text[i];
    i++;
  }
  return out;
}

/** Enum-like constant names of an expression: `RequestMethod.GET` / `[GET, POST]` / `"GET"` -> ['GET', ...]. */
export function enumNames(expr: JvmExpr | undefined): string[] {
  if (!expr) return [];
  switch (expr.kind) {
    case 'array':
      return expr.items.flatMap(enumNames);
    case 'name':
      return [expr.path[expr.path.length - 1]!];
    case 'string':
      return [expr.value];
    default:
      return [];
  }
}
