// Values read back out of local collections (`list.get(1)`, `map.get("k")` after add / put / remove)
// and the return values of helpers declared in the same file (with their parameters bound to the
// call's arguments), for built-text.ts.
import { analyzeText, CONST, OPAQUE, type BuiltText, type TextContext } from './built-text.js';
import { evalConst, isDeadGuard } from './const-eval.js';
import type { CallView, Node } from './expr.js';
import type { FileValues, MethodOp } from './values.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const READ_METHODS = new Set(['get', 'getOrDefault', 'elementAt', 'getFirst', 'getLast', 'first', 'last', 'firstElement', 'lastElement', 'peek', 'getValue', 'Item']);
const QUIET_METHODS = new Set(['size', 'length', 'isEmpty', 'contains', 'containsKey', 'containsValue', 'get', 'getOrDefault', 'iterator', 'stream', 'toString', 'hashCode',
  'equals', 'indexOf', 'keySet', 'values', 'entrySet', 'forEach', 'count', 'Count', 'ContainsKey', 'TryGetValue', 'len', 'iter', 'elementAt', 'getFirst', 'getLast', 'first', 'last', 'peek']);
const COLLECTION_TYPE = /(List|Map|Set|Vector|Deque|Queue|Stack|Array|Hash|Table|Dictionary|Collection|Properties|Bag)/;

interface CollectionState { items: BuiltText[]; keyed: Map<string, BuiltText>; known: boolean; all: BuiltText[] }

/** `list.get(1)` / `map.get("k")` on a local collection filled with add / put / remove in the same function. */
export function collectionRead(ctx: TextContext, node: Node, call: CallView, depth: number, seen: Set<number>): BuiltText | undefined {
  if (!READ_METHODS.has(call.method) || !call.receiver) return undefined;
  const values = ctx.values;
  const recv = values.lang.expr(call.receiver);
  if (recv.k !== 'name') return undefined;
  const res = values.resolve(recv.name, call.receiver);
  if (res.kind !== 'bindings') return undefined;
  const base = [...res.bindings].reverse().find((b) => b.op === '=' && b.value);
  if (!base?.value) return undefined;
  const baseChain = conditionalChain(values, base.node);
  const created = values.lang.expr(base.value);
  const isNew = created.k === 'call' && created.isNew && COLLECTION_TYPE.test(created.method);
  if (!isNew && created.k !== 'list' && created.k !== 'map') return undefined;
  const state: CollectionState = { items: [], keyed: new Map(), known: true, all: [] };
  if (created.k === 'list') for (const item of created.items) state.items.push(analyzeText(ctx, item, depth + 1, seen));
  if (created.k === 'map') for (const en of created.entries) { const k = en.key ? evalConst(values, en.key) : undefined; const v = analyzeText(ctx, en.value, depth + 1, seen); if (k !== undefined) state.keyed.set(String(k), v); else state.known = false; state.all.push(v); }
  state.all.push(...state.items);
  for (const op of values.methodOpsOn(recv.name, res.scope, node.startIndex)) {
    if (op.start <= base.start || op.node.id === node.id) continue;
    if (op.guards.some((g) => isDeadGuard(values, g))) continue;
    applyCollectionOp(ctx, state, { ...op, unconditional: conditionalChain(values, op.node) === baseChain }, depth, seen);
  }
  const args = call.args.map((a) => evalConst(values, a));
  if (state.known) {
    if (call.method === 'getFirst' || call.method === 'first' || call.method === 'firstElement' || call.method === 'peek') return state.items[0] ?? OPAQUE;
    if (call.method === 'getLast' || call.method === 'last' || call.method === 'lastElement') return state.items.at(-1) ?? OPAQUE;
    const key = args[0];
    if (typeof key === 'number' && state.keyed.size === 0) return state.items[key] ?? OPAQUE;
    if (typeof key === 'string' || (typeof key === 'number' && state.keyed.size > 0)) {
      const v = state.keyed.get(String(key));
      if (v) return v;
      if (call.method === 'getOrDefault' && call.args[1]) return analyzeText(ctx, call.args[1], depth + 1, seen);
      return CONST('');
    }
  }
  // unknown index or unknown contents: any runtime value that went in may come out
  const dyn = state.all.find((v) => v.dynamic || v.opaque);
  if (dyn) return dyn.opaque ? OPAQUE : dyn;
  return state.all.length > 0 ? CONST(state.all[0]!.text) : OPAQUE;
}

/** The conditional constructs around a node within its function, as a key. */
function conditionalChain(values: FileValues, node: Node): string {
  const scope = values.scopeNodeOf(node);
  const ids: number[] = [];
  for (let cur = node.parent; cur && cur.id !== scope.id; cur = cur.parent) if (values.lang.conditionalTypes.has(cur.type)) ids.push(cur.id);
  return ids.join(',');
}

function applyCollectionOp(ctx: TextContext, state: CollectionState, op: MethodOp, depth: number, seen: Set<number>): void {
  const values = ctx.values;
  const m = op.method;
  const val = (n: Node | undefined) => (n ? analyzeText(ctx, n, depth + 1, seen) : OPAQUE);
  if (!op.unconditional && !QUIET_METHODS.has(m)) state.known = false;
  switch (m) {
    case 'add': case 'addLast': case 'offer': case 'push': case 'addElement': case 'Add': case 'append': case 'offerLast': {
      if (op.args.length === 2) {
        const i = evalConst(values, op.args[0]);
        const v = val(op.args[1]);
        state.all.push(v);
        if (typeof i === 'number') state.items.splice(i, 0, v); else state.known = false;
        return;
      }
      const v = val(op.args[0]);
      state.all.push(v);
      state.items.push(v);
      return;
    }
    case 'addFirst': case 'offerFirst': case 'unshift': { const v = val(op.args[0]); state.all.push(v); state.items.unshift(v); return; }
    case 'put': case 'Add_': case 'set': case 'setProperty': case 'putIfAbsent': case 'TryAdd': {
      const k = evalConst(values, op.args[0]);
      const v = val(op.args[1]);
      state.all.push(v);
      if (m === 'set' && typeof k === 'number' && state.keyed.size === 0) { state.items[k] = v; return; }
      if (k === undefined) { state.known = false; return; }
      if (m === 'putIfAbsent' && state.keyed.has(String(k))) return;
      state.keyed.set(String(k), v);
      return;
    }
    case 'remove': case 'Remove': case 'RemoveAt': case 'removeAt': {
      const k = evalConst(values, op.args[0]);
      if (typeof k === 'number' && state.keyed.size === 0) state.items.splice(k, 1);
      else if (typeof k === 'string') { if (state.keyed.size > 0) state.keyed.delete(k); else { const i = state.items.findIndex((it) => !it.dynamic && it.text === k); if (i >= 0) state.items.splice(i, 1); } }
      else state.known = false;
      return;
    }
    case 'removeFirst': case 'poll': case 'pollFirst': state.items.shift(); return;
    case 'removeLast': case 'pop': case 'pollLast': state.items.pop(); return;
    case 'clear': case 'Clear': state.items = []; state.keyed.clear(); return;
    default:
      if (!QUIET_METHODS.has(m)) state.known = false;
  }
}

/** A method declared in this file (any class) whose declared return type is numeric: `public int getX()`. */
export function numericMethod(ctx: TextContext, call: CallView): BuiltText | undefined {
  const values = ctx.values;
  const fns = values.functions.get(call.method);
  if (!fns || fns.length === 0) return undefined;
  const types = fns.map((fn) => (fieldOf(fn, 'type') ?? fieldOf(fn, 'result') ?? fieldOf(fn, 'return_type') ?? fieldOf(fn, 'returns'))?.text.replace(/^[:\s]+/, ''));
  return types.every((t) => !!t && values.lang.numericTypes.has(t)) ? CONST('0') : undefined;
}

/** Return values of a function node (its `return` statements), nested functions excluded. */
function returnValues(values: FileValues, fn: Node): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [];
  const body = fieldOf(fn, 'body');
  if (!body) return out;
  stack.push(body);
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.id !== body.id && values.paramsOf(n)) continue;
    if (n.type === 'return_statement' || n.type === 'return_expression' || (n.type === 'jump_expression' && n.text.startsWith('return'))) {
      let v = n.namedChildren.find((c) => c && !c.type.includes('comment')) ?? null;
      if (v?.type === 'expression_list') v = v.namedChildren[0] ?? null;
      if (v) out.push(v);
      continue;
    }
    for (let i = n.namedChildCount - 1; i >= 0; i--) { const c = n.namedChild(i); if (c) stack.push(c); }
  }
  if (out.length === 0 && body.type !== 'block' && body.type !== 'compound_statement' && body.type !== 'function_body') {
    // expression-bodied functions: `=> expr` / `= expr`
    const e = body.type === 'arrow_expression_clause' ? body.namedChildren[0] : body;
    if (e) out.push(e);
  }
  return out;
}

/** A call to a function or method declared in the same file: its return values, with its parameters bound to the arguments. */
export function helperCall(ctx: TextContext, node: Node, call: CallView, depth: number, seen: Set<number>): BuiltText | undefined {
  const values = ctx.values;
  const candidates = (values.functions.get(call.method) ?? []).filter((fn) => (values.paramsOf(fn) ?? []).filter((p) => p.name !== 'self' && p.name !== 'this').length === call.args.length);
  if (candidates.length === 0 || candidates.length > 3 || depth > 16) return undefined;
  if (call.receiver) {
    const r = values.lang.expr(call.receiver);
    const ok = (r.k === 'name' && (/^(this|self|super|\$this|Self|static)$/.test(r.name) || (/^[A-Z]/.test(r.name) && values.resolve(r.name, call.receiver).kind === 'free')))
      || (r.k === 'call' && r.isNew) || (r.k === 'member' && r.path?.length === 2 && /^(this|self|\$this)$/.test(r.path[0]!) && false);
    if (!ok) return undefined;
  }
  const results: BuiltText[] = [];
  for (const fn of candidates) {
    if (seen.has(fn.id)) return OPAQUE;
    seen.add(fn.id);
    const inner: TextContext = { ...ctx, budget: ctx.budget, env: new Map(ctx.env ?? []).set(fn.id, { args: call.args, ctx }) };
    for (const r of returnValues(values, fn)) results.push(analyzeText(inner, r, depth + 1, seen));
    seen.delete(fn.id);
  }
  if (results.length === 0) return undefined;
  const dyn = results.find((r) => r.dynamic);
  if (dyn) return dyn;
  if (results.some((r) => r.opaque)) return OPAQUE;
  return CONST(results[0]!.text);
}
