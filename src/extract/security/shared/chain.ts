// Fluent call chains (`CorsLayer::new().allow_origin(Any).allow_credentials(true)`,
// `registry.addMapping("/**").allowedOrigins("*")`, `b.AllowAnyOrigin().AllowCredentials()`).
import type { CallView, Dialect, Node } from './dialect.js';

/** The outermost call of the chain that `node` (a call) belongs to. */
export function chainTop(dialect: Dialect, node: Node): Node {
  let cur = node;
  for (let i = 0; i < 64; i++) {
    const parent = cur.parent;
    if (!parent) break;
    const direct = dialect.call(parent);
    if (direct?.receiver?.id === cur.id) { cur = parent; continue; }
    const grand = parent.parent;
    const outer = grand ? dialect.call(grand) : undefined;
    if (outer?.receiver?.id === cur.id && grand) { cur = grand; continue; }
    break;
  }
  return cur;
}

/** Every call of the chain `node` belongs to, innermost (the root call) first. */
export function fluentChain(dialect: Dialect, node: Node): CallView[] {
  const calls: CallView[] = [];
  let cur: Node | undefined = chainTop(dialect, node);
  for (let i = 0; i < 64 && cur; i++) {
    const call = dialect.call(cur);
    if (!call) break;
    calls.unshift(call);
    cur = call.receiver;
  }
  return calls;
}

/** Where to report a call: its method name for `a.b(...)` (a chain may start lines earlier), else the call. */
export function callAnchor(call: CallView): Node {
  const receiver = call.receiver;
  if (!receiver || !call.name) return call.node;
  const stack: Node[] = [call.node];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.startIndex < receiver.endIndex && node.endIndex <= receiver.endIndex) continue;
    if (node.namedChildCount === 0 && node.startIndex >= receiver.endIndex && node.text === call.name) return node;
    for (let i = node.namedChildCount - 1; i >= 0; i--) {
      const child = node.namedChild(i);
      if (child && child.startIndex < (call.args[0]?.startIndex ?? call.node.endIndex)) stack.push(child);
    }
  }
  return call.node;
}
