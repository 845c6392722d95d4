// How a string was built within its function, for the tree-sitter languages: literal, concatenation
// (`+`, PHP `.`, `+=`, `.=`, StringBuilder / strings.Builder appends, String.concat / join),
// interpolation (`"$x"`, `s"..."`, `$"..."`, `"{$x}"`), formatting (`fmt.Sprintf`, `String.format`,
// `sprintf`, `string.Format`, `format!`). Locals are followed through FileValues; constants (literals,
// final fields, branches that only yield literals, numbers) are not dynamic.
import type { SqlBuild } from '../../../core/facts.js';
import { collectionRead, helperCall, numericMethod } from './built-text-calls.js';
import { evalConst, isDeadGuard } from './const-eval.js';
import type { CallView, Expr, Lang, Node, TemplatePart } from './expr.js';
import type { Binding, FileValues, MethodOp } from './values.js';

export interface BuiltText {
  build: SqlBuild;
  dynamic: boolean;
  /** Constant text, '?' where runtime values go. */
  text: string;
  builtAt?: Node;
  /** Nothing is known about the value. */
  opaque?: boolean;
  /** The value is request input itself (`$_GET['x']`, `request.getParameter(..)`, `c.Query(..)`). */
  input?: boolean;
}

/** How a language's library call shapes text. */
export type TextCall =
  | { kind: 'format'; format: Node; args: Node[]; style: 'printf' | 'braces' | 'rust'; named?: ReadonlyMap<string, Node> }
  | { kind: 'join'; items?: Node; itemNodes?: Node[]; separator?: Node }
  | { kind: 'concat'; parts: Node[] }
  | { kind: 'numeric' }
  | { kind: 'safe' }
  | { kind: 'same'; inner: Node }
  | { kind: 'input' }
  /** `new StringBuilder(x)` / `String::from(x)` / `strings.Builder{}`: the initial text. */
  | { kind: 'builder'; initial?: Node }
  | { kind: 'opaque' };

export interface TextHooks {
  /** Library calls that build, convert or sanitise text; undefined = unknown call. */
  textCall(call: CallView, node: Node, values: FileValues): TextCall | undefined;
  /** A member or index expression that is request input (`$_GET['x']`, `Request.Query["x"]`, `r.URL.Path`). */
  isInput?(node: Node, e: Expr, values: FileValues): boolean;
  /** Names the language treats as constants (`CONSTANT_CASE`). */
  isConstantName?(name: string): boolean;
  /** Methods on a local that append text to it (`append`, `WriteString`, `push_str`). */
  appendMethods: ReadonlySet<string>;
  /** Methods on a local list that add an item (`add`, `Add`, `push`). */
  addMethods: ReadonlySet<string>;
  /** Interpolators whose `$x` pieces are bound parameters (Slick / Doobie `sql"..."`); `#$x` splices stay text. */
  boundTemplateTags?: ReadonlySet<string>;
}

export interface TextContext {
  values: FileValues;
  hooks: TextHooks;
  /** Arguments of the same-file helper calls being followed: function node id -> the caller's arguments. */
  env?: ReadonlyMap<number, { args: Node[]; ctx: TextContext }>;
  /** Steps left for one top-level analysis: deep chains of locals built from locals stay linear. */
  budget?: { left: number };
}

/** A context with a fresh step budget, for one top-level question. */
export function withBudget(ctx: TextContext, steps = 4000): TextContext {
  return { ...ctx, budget: { left: steps } };
}

export const CONST = (text: string): BuiltText => ({ build: 'literal', dynamic: false, text });
export const OPAQUE: BuiltText = { build: 'unknown', dynamic: false, text: '', opaque: true };
const INPUT: BuiltText = { build: 'unknown', dynamic: true, text: '?', input: true };
const MAX_DEPTH = 24;

/** Object names that hold tables / columns configured in code (`this.tableName`, `$this->table`). */
const SCHEMA_NAME = /(table|schema|column|^cols?$|^fields?$|^model$|^entity$)/i;
const NUMERIC_VERBS = new Set(['d', 'i', 'u', 'f', 'F', 'e', 'E', 'g', 'G', 'x', 'X', 'o', 'b', 't', 'c']);

export function defaultConstantName(name: string): boolean {
  return /^[A-Z][A-Z0-9_]*$/.test(name) && name.length > 1 && /[A-Z]/.test(name);
}

export function analyzeText(ctx: TextContext, node: Node | null | undefined, depth = 0, seen = new Set<number>()): BuiltText {
  if (!node || depth > MAX_DEPTH) return OPAQUE;
  if (ctx.budget && --ctx.budget.left < 0) return OPAQUE;
  const lang = ctx.values.lang;
  const e = lang.expr(node);
  switch (e.k) {
    case 'string': return CONST(e.value);
    case 'literal': return CONST(e.kind === 'number' ? e.text : '0');
    case 'bool-op': case 'arith': return CONST('0');
    case 'wrap': return analyzeText(ctx, e.inner, depth + 1, seen);
    case 'cast':
      if (lang.numericTypes.has(e.type)) return CONST('0');
      return analyzeText(ctx, e.inner, depth + 1, seen);
    case 'template': return analyzeTemplate(ctx, e.parts, depth, seen, !!e.tag && !!ctx.hooks.boundTemplateTags?.has(e.tag));
    case 'concat': return joinParts(ctx, e.parts, depth, seen, 'concatenated');
    case 'name': return analyzeName(ctx, e.name, node, depth, seen);
    case 'member': return analyzeMember(ctx, node, e, depth, seen);
    case 'index': {
      if (ctx.hooks.isInput?.(node, e, ctx.values)) return INPUT;
      const base = analyzeText(ctx, e.object, depth + 1, seen);
      return base.input ? INPUT : OPAQUE;
    }
    case 'call': return analyzeCall(ctx, node, e, depth, seen);
    case 'cond': {
      // a condition that is always true or false picks its branch
      const c = e.condition && e.branches.length === 2 ? evalConst(ctx.values, e.condition) : undefined;
      if (typeof c === 'boolean') return analyzeText(ctx, c ? e.branches[0] : e.branches[1], depth + 1, seen);
      const branches = e.branches.map((b) => analyzeText(ctx, b, depth + 1, seen));
      const dyn = branches.find((b) => b.dynamic);
      if (dyn) return dyn;
      if (branches.some((b) => b.opaque) || branches.length === 0) return OPAQUE;
      return CONST(branches.reduce((a, b) => (b.text.length > a.length ? b.text : a), ''));
    }
    default:
      return OPAQUE;
  }
}

/** A piece inside a larger text: unknown pieces are runtime values. */
export function operand(ctx: TextContext, node: Node | null | undefined, depth: number, seen: Set<number>): BuiltText {
  const r = analyzeText(ctx, node, depth + 1, seen);
  if (r.opaque) return { build: 'unknown', dynamic: true, text: '?' };
  if (r.build === 'parameterised') return { ...r, build: 'literal' };
  return r;
}

function joinParts(ctx: TextContext, parts: Node[], depth: number, seen: Set<number>, build: SqlBuild): BuiltText {
  let text = '';
  let dynamic = false;
  let builtAt: Node | undefined;
  let inner: SqlBuild | undefined;
  for (const p of parts) {
    const r = operand(ctx, p, depth, seen);
    text += r.text;
    if (r.dynamic) {
      dynamic = true;
      builtAt ??= r.builtAt;
      if (r.build === 'formatted' || r.build === 'interpolated') inner ??= r.build;
    }
  }
  return dynamic ? { build, dynamic, text, builtAt } : CONST(text);
}

function analyzeTemplate(ctx: TextContext, parts: TemplatePart[], depth: number, seen: Set<number>, bound = false): BuiltText {
  let text = '';
  let dynamic = false;
  let builtAt: Node | undefined;
  for (const part of parts) {
    if ('text' in part) { text += part.text; continue; }
    if (bound && !('node' in part && part.splice)) { text += '?'; continue; }
    const r = 'node' in part
      ? operand(ctx, part.node, depth, seen)
      : wrapOpaque(analyzeName(ctx, part.name, part.at, depth + 1, seen));
    text += r.text;
    if (r.dynamic) { dynamic = true; builtAt ??= r.builtAt; }
  }
  if (dynamic) return { build: 'interpolated', dynamic, text, builtAt };
  return bound ? { build: 'parameterised', dynamic: false, text } : CONST(text);
}

function wrapOpaque(r: BuiltText): BuiltText {
  return r.opaque ? { build: 'unknown', dynamic: true, text: '?' } : r;
}

function isConstantName(ctx: TextContext, name: string): boolean {
  return (ctx.hooks.isConstantName ?? defaultConstantName)(name);
}

function analyzeMember(ctx: TextContext, node: Node, e: Extract<Expr, { k: 'member' }>, depth: number, seen: Set<number>): BuiltText {
  if (ctx.hooks.isInput?.(node, e, ctx.values)) return INPUT;
  const objectPath = e.path?.slice(0, -1) ?? [];
  const self = objectPath.length === 1 && /^(this|self|static|\$this|Self|parent)$/.test(objectPath[0]!);
  if (self || objectPath.length === 0) {
    const field = ctx.values.constantField(e.name);
    if (field?.value && !seen.has(field.node.id)) {
      seen.add(field.node.id);
      const r = analyzeText(ctx, field.value, depth + 1, seen);
      seen.delete(field.node.id);
      if (!r.opaque) return r;
    }
  }
  if (isConstantName(ctx, e.name)) return CONST('?');
  if ((self || objectPath.length > 0) && SCHEMA_NAME.test(e.name)) return CONST('?');
  return OPAQUE;
}

function isNumericType(ctx: TextContext, type: string | undefined): boolean {
  if (!type) return false;
  const t = type.replace(/^[?&*]+|[?]$/g, '').trim();
  return ctx.values.lang.numericTypes.has(t);
}

function analyzeName(ctx: TextContext, name: string, at: Node, depth: number, seen: Set<number>): BuiltText {
  const values = ctx.values;
  const res = values.resolve(name, at);
  if (res.kind === 'param') {
    if (isNumericType(ctx, res.param.type)) return CONST('0');
    // a parameter of a same-file helper being followed: the caller's argument
    const bound = ctx.env?.get(res.scope.node.id);
    if (bound) {
      const index = values.paramsOf(res.scope.node)?.findIndex((p) => p.name === name) ?? -1;
      const arg = index >= 0 ? bound.args[index] : undefined;
      return arg ? analyzeText(bound.ctx, arg, depth + 1, seen) : OPAQUE;
    }
    return OPAQUE;
  }
  if (res.kind === 'free') return isConstantName(ctx, name) ? CONST('?') : OPAQUE;
  if (res.kind === 'field') {
    const field = values.constantField(name);
    if (isNumericType(ctx, res.binding.type)) return CONST('0');
    if (field?.value && !seen.has(field.node.id)) {
      seen.add(field.node.id);
      const r = analyzeText(ctx, field.value, depth + 1, seen);
      seen.delete(field.node.id);
      if (!r.opaque) return r;
    }
    if (isConstantName(ctx, name) || SCHEMA_NAME.test(name)) return CONST('?');
    return OPAQUE;
  }
  return foldBindings(ctx, name, at, res.bindings, res.scope, depth, seen);
}

function foldBindings(ctx: TextContext, name: string, at: Node, bindings: Binding[], scope: Parameters<FileValues['methodOpsOn']>[1], depth: number, seen: Set<number>): BuiltText {
  const values = ctx.values;
  let text = '';
  let dynamic = false;
  let builtAt: Node | undefined;
  let build: SqlBuild = 'literal';
  let anyKnown = false;
  let opaqueBase = false;
  let input = false;
  const live = bindings.filter((b) => !b.guards.some((g) => isDeadGuard(values, g)));
  for (const b of live) {
    if (b.op === 'declare') {
      if (isNumericType(ctx, b.type)) return CONST('0');
      continue;
    }
    if (seen.has(b.node.id)) continue;
    if (isNumericType(ctx, b.type)) { anyKnown = true; text += '0'; continue; }
    if (b.op === 'opaque' || !b.value) {
      if (b.op === '+=' || anyKnown) { dynamic = true; builtAt ??= b.node; build = 'concatenated'; text += '?'; continue; }
      opaqueBase = true;
      continue;
    }
    seen.add(b.node.id);
    const r = b.op === '+=' ? operand(ctx, b.value, depth, seen) : analyzeText(ctx, b.value, depth + 1, seen);
    seen.delete(b.node.id);
    if (b.op === '=' && r.opaque) {
      if (anyKnown) { dynamic = true; builtAt ??= b.node; text += '?'; continue; }
      opaqueBase = true;
      continue;
    }
    anyKnown = true;
    text += r.text;
    if (r.input) input = true;
    if (r.dynamic) {
      dynamic = true;
      // a later plain assignment is the one nearest the sink: name its line, not an earlier branch's
      if (!r.input || anyKnownConstantText(r.text)) builtAt = b.op === '=' ? r.builtAt ?? b.node : builtAt ?? r.builtAt ?? b.node;
      build = b.op === '+=' && r.build !== 'interpolated' && r.build !== 'formatted' ? 'concatenated' : r.build;
    } else if (r.build === 'parameterised' && build === 'literal') {
      build = 'parameterised';
    }
  }
  // appends on the local after its last plain assignment: sb.append(x), b.WriteString(x), s.push_str(x)
  const lastAssign = [...live].reverse().find((b) => b.op === '=' || b.op === 'opaque');
  const from = lastAssign?.start ?? 0;
  const ops = values.methodOpsOn(name, scope, at.startIndex).filter((op) => op.start >= from && !op.guards.some((g) => isDeadGuard(values, g)));
  for (const op of ops) {
    const r = appendOp(ctx, op, depth, seen);
    if (!r) continue;
    anyKnown = true;
    text += r.text;
    if (r.dynamic) {
      dynamic = true;
      builtAt ??= r.builtAt ?? op.node;
      if (build === 'literal' || build === 'parameterised') build = r.build === 'formatted' ? 'formatted' : 'concatenated';
    }
  }
  if (dynamic) {
    if (input && !anyKnownConstantText(text)) return { build: build === 'literal' ? 'unknown' : build, dynamic, text, input: true };
    return { build: build === 'literal' || build === 'unknown' ? 'concatenated' : build, dynamic, text, builtAt };
  }
  if (opaqueBase) return isConstantName(ctx, name) ? CONST('?') : OPAQUE;
  if (!anyKnown) return isConstantName(ctx, name) ? CONST('?') : OPAQUE;
  return { build, dynamic: false, text };
}

function anyKnownConstantText(text: string): boolean {
  return text.replace(/\?/g, '').trim().length > 0;
}

function appendOp(ctx: TextContext, op: MethodOp, depth: number, seen: Set<number>): BuiltText | undefined {
  if (!ctx.hooks.appendMethods.has(op.method)) return undefined;
  if (/^(append_?format|Fprintf|write_fmt)$/i.test(op.method) && op.args.length > 0) {
    const style = op.method === 'Fprintf' ? 'printf' : op.method === 'write_fmt' ? 'rust' : 'braces';
    return formatText(ctx, op.args[0]!, op.args.slice(1), style, depth, seen);
  }
  // insert(offset, text)
  const args = /^insert$/i.test(op.method) ? op.args.slice(1) : op.args;
  if (args.length === 0) return undefined;
  if (seen.has(op.node.id)) return undefined;
  seen.add(op.node.id);
  const parts = args.map((a) => operand(ctx, a, depth, seen));
  seen.delete(op.node.id);
  const dynamic = parts.some((p) => p.dynamic);
  const text = parts.map((p) => p.text).join('');
  return dynamic ? { build: parts.find((p) => p.dynamic)!.build, dynamic, text, builtAt: parts.find((p) => p.dynamic)!.builtAt } : CONST(text);
}

function analyzeCall(ctx: TextContext, node: Node, call: CallView, depth: number, seen: Set<number>): BuiltText {
  const tc = ctx.hooks.textCall(call, node, ctx.values);
  if (!tc) return collectionRead(ctx, node, call, depth, seen) ?? helperCall(ctx, node, call, depth, seen) ?? numericMethod(ctx, call) ?? OPAQUE;
  switch (tc.kind) {
    case 'numeric': return CONST('0');
    case 'safe': return CONST('?');
    case 'input': return INPUT;
    case 'opaque': return OPAQUE;
    case 'same': return analyzeText(ctx, tc.inner, depth + 1, seen);
    case 'builder': return tc.initial ? analyzeText(ctx, tc.initial, depth + 1, seen) : CONST('');
    case 'concat': return joinParts(ctx, tc.parts, depth, seen, 'concatenated');
    case 'format': return formatText(ctx, tc.format, tc.args, tc.style, depth, seen, tc.named);
    case 'join': {
      const sep = tc.separator ? analyzeText(ctx, tc.separator, depth + 1, seen) : CONST('');
      if (sep.opaque || sep.dynamic) return OPAQUE;
      const items = tc.itemNodes ? tc.itemNodes.map((n) => operand(ctx, n, depth, seen)) : iterableItems(ctx, tc.items, depth, seen);
      if (!items) return OPAQUE;
      const dyn = items.find((i) => i.dynamic);
      const text = items.map((i) => i.text).join(sep.text);
      return dyn ? { build: 'concatenated', dynamic: true, text, builtAt: dyn.builtAt } : CONST(text);
    }
    default:
      return OPAQUE;
  }
}

/** Format verbs in order: printf `%s %d %5.2f` (not `%%`), .NET `{0} {1:D}` by index. */
function formatSlots(format: string, style: 'printf' | 'braces' | 'rust'): { index: number; verb: string }[] {
  const out: { index: number; verb: string }[] = [];
  if (style === 'printf') {
    let n = 0;
    for (let i = 0; i < format.length; i++) {
      if (format[i] !== '%') continue;
      if (format[i + 1] === '%') { i++; continue; }
      let j = i + 1;
      let explicit: number | undefined;
      const argIndex = /^(\d+)\$/.exec(format.slice(j, j + 4));
      if (argIndex) { explicit = Number(argIndex[1]) - 1; j += argIndex[0].length; }
      while (j < format.length && /[-+ #0-9.*'lhqjztL\[\]]/.test(format[j]!)) j++;
      const verb = format[j] ?? '';
      out.push({ index: explicit ?? n++, verb });
      i = j;
    }
  } else if (style === 'braces') {
    for (let i = 0; i < format.length; i++) {
      if (format[i] !== '{') continue;
      if (format[i + 1] === '{') { i++; continue; }
      const close = format.indexOf('}', i);
      if (close < 0) break;
      const inner = format.slice(i + 1, close);
      const m = /^\s*(\d+)\s*(?:,[^:]*)?(?::([A-Za-z]))?/.exec(inner);
      if (m) out.push({ index: Number(m[1]), verb: (m[2] ?? 's').toLowerCase() === 'd' ? 'd' : (m[2] ?? 's') });
      i = close;
    }
  }
  return out;
}

const BRACE_NUMERIC = new Set(['d', 'D', 'n', 'N', 'f', 'F', 'x', 'X', 'e', 'E', 'g', 'G', 'c', 'C', 'p', 'P']);

function formatText(ctx: TextContext, format: Node, args: Node[], style: 'printf' | 'braces' | 'rust', depth: number, seen: Set<number>, named?: ReadonlyMap<string, Node>): BuiltText {
  const base = analyzeText(ctx, format, depth + 1, seen);
  if (style === 'rust' && !base.opaque && !base.dynamic) {
    // inline captures: format!("... {name} ...") reads the local `name`
    const captured: BuiltText[] = [];
    for (const m of base.text.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)(?::[^{}]*)?\}/g)) {
      if (named?.has(m[1]!)) continue;
      captured.push(wrapOpaque(analyzeName(ctx, m[1]!, format, depth + 1, seen)));
    }
    const dyn = captured.find((c) => c.dynamic);
    if (dyn) {
      const rest = formatText(ctx, format, args, 'braces', depth, seen);
      return { build: 'formatted', dynamic: true, text: rest.text || base.text.replace(/\{[^{}]*\}/g, '?'), builtAt: dyn.builtAt ?? rest.builtAt };
    }
  }
  const slots = !base.opaque && !base.dynamic ? formatSlots(base.text, style) : [];
  const numericArg = new Set<number>();
  if (slots.length > 0) {
    for (let i = 0; i < args.length; i++) {
      const uses = slots.filter((s) => s.index === i);
      if (uses.length > 0 && uses.every((s) => (style === 'printf' ? NUMERIC_VERBS.has(s.verb) : BRACE_NUMERIC.has(s.verb)))) numericArg.add(i);
    }
  }
  let dynamic = base.dynamic;
  let builtAt = base.builtAt;
  let input = false;
  args.forEach((a, i) => {
    if (numericArg.has(i)) return;
    const r = operand(ctx, a, depth, seen);
    if (r.dynamic) { dynamic = true; builtAt ??= r.builtAt; if (r.input) input = true; }
  });
  if (base.opaque) return dynamic ? { build: 'formatted', dynamic: true, text: '?' } : OPAQUE;
  const text = style === 'printf' ? base.text.replace(/%%/g, '%').replace(/%[-+ #0-9.*lhqjztL]*[a-zA-Z]/g, '?') : base.text.replace(/\{[^{}]*\}/g, '?');
  return dynamic ? { build: 'formatted', dynamic, text, builtAt, ...(input ? {} : {}) } : CONST(text);
}

/** The items of a list literal, or of a local list built with add / append calls; undefined when not visible. */
export function iterableItems(ctx: TextContext, node: Node | undefined, depth: number, seen: Set<number>): BuiltText[] | undefined {
  if (!node || depth > MAX_DEPTH) return undefined;
  const lang: Lang = ctx.values.lang;
  const e = lang.expr(node);
  if (e.k === 'wrap') return iterableItems(ctx, e.inner, depth + 1, seen);
  if (e.k === 'list') return e.items.map((c) => operand(ctx, c, depth, seen));
  if (e.k === 'call') {
    const tc = ctx.hooks.textCall(e, node, ctx.values);
    if (tc?.kind === 'join' && tc.itemNodes) return tc.itemNodes.map((c) => operand(ctx, c, depth, seen));
    // Go: append(list, a, b)
    if (e.method === 'append' && !e.receiver && e.args.length > 0) {
      const base = iterableItems(ctx, e.args[0], depth + 1, seen);
      if (!base) return undefined;
      return [...base, ...e.args.slice(1).map((c) => operand(ctx, c, depth, seen))];
    }
    if (tc?.kind === 'builder' || e.isNew) return tc?.kind === 'builder' && tc.initial ? undefined : [];
    // Go make([]string, n): an empty slice filled later
    if (e.method === 'make' && !e.receiver) return [];
    return undefined;
  }
  if (e.k !== 'name') return undefined;
  const res = ctx.values.resolve(e.name, node);
  if (res.kind !== 'bindings') return undefined;
  let items: BuiltText[] | undefined;
  for (const b of res.bindings) {
    if (b.op === 'declare') { items ??= []; continue; }
    if (b.op !== '=' || !b.value || seen.has(b.node.id)) return undefined;
    seen.add(b.node.id);
    const next = iterableItems(ctx, b.value, depth + 1, seen);
    seen.delete(b.node.id);
    if (!next) return undefined;
    const selfAppend = ctx.values.lang.expr(b.value).k === 'call' && (ctx.values.lang.expr(b.value) as CallView).method === 'append';
    items = b.unconditional || selfAppend ? next : [...(items ?? []), ...next];
  }
  if (!items) return undefined;
  const last = [...res.bindings].reverse().find((b) => b.op === '=' && b.unconditional);
  for (const op of ctx.values.methodOpsOn(e.name, res.scope, node.startIndex)) {
    if (op.start < (last?.start ?? 0)) continue;
    if (!ctx.hooks.addMethods.has(op.method) && op.method !== 'put') continue;
    items.push(...op.args.slice(-1).map((a) => operand(ctx, a, depth, seen)));
  }
  return items;
}
