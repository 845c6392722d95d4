// CORS policies in Java and Kotlin: Spring `@CrossOrigin` (no origins = any origin),
// CorsRegistry `addMapping(...).allowedOrigins("*")` / `allowedOriginPatterns` / `allowCredentials`,
// CorsConfiguration `setAllowedOrigins(List.of("*"))` / `addAllowedOrigin("*")` / patterns /
// `applyPermitDefaultValues()` (and Kotlin property assignments), Ktor `install(CORS) { anyHost() }`,
// and raw Access-Control-Allow-Origin header writes.
import type { CorsConfigFact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { treeOf, walk } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { callAnchor, fluentChain } from '../shared/chain.js';
import { CorsFacts, headerFacts, judgeOriginStrings, stringValues, type OriginJudgement } from '../shared/cors.js';
import { named, type Dialect, type Node } from '../shared/dialect.js';
import { indexFile, type FileIndex } from '../shared/file-index.js';
import { javaDialect, jvmLiteral, kotlinDialect } from './dialect.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

/** Spring origin patterns: '*' any origin; 'https://*.example.com' a pattern allowlist. */
function judgePatterns(values: string[], what: string): OriginJudgement {
  if (values.some((v) => v.trim() === '*' || v.trim() === 'http://*' || v.trim() === 'https://*' || v.trim() === '*://*')) return { policy: 'wildcard', detail: `${what}('*')` };
  return { policy: 'allowlist', detail: `${what} allowlist` };
}

function truthy(dialect: Dialect, node: Node | undefined): boolean | null {
  if (!node) return null;
  const b = dialect.bool(node);
  if (b !== undefined) return b;
  const s = jvmLiteral(node);
  return s !== undefined ? s.trim().toLowerCase() === 'true' : null;
}

function enclosingFunction(dialect: Dialect, node: Node, root: Node): Node {
  for (let cur = node.parent; cur; cur = cur.parent) {
    if (dialect.functionTypes.includes(cur.type) && cur.type !== 'lambda_expression') return cur;
  }
  return root;
}

/** `x.setAllowCredentials(true)` / `x.allowCredentials = true` in the same function (any receiver when unnamed). */
function credentialsIn(dialect: Dialect, scope: Node, receiver: string | undefined): boolean | null {
  let found: boolean | null = null;
  walk(scope, (node) => {
    const call = dialect.call(node);
    if (call && call.name === 'setAllowCredentials' && (!receiver || call.receiver?.text === receiver)) found = truthy(dialect, call.args[0]);
    for (const slot of dialect.slots(node)) {
      if (slot.name !== 'allowCredentials' || node.type !== 'assignment' && node.type !== 'assignment_expression') continue;
      found = truthy(dialect, slot.value);
    }
  });
  return found;
}

export function extractJvmCors(file: ParsedFile, dialect: Dialect): CorsConfigFact[] {
  const tree = treeOf(file);
  if (!tree) return [];
  const root = tree.rootNode;
  const index = indexFile(root, dialect);
  const out = new CorsFacts(file);

  const originsOf = (node: Node | undefined, index: FileIndex) => stringValues(dialect, index, node);

  walk(root, (node) => {
    const call = dialect.call(node);
    if (call) {
      // @CrossOrigin, @CrossOrigin("*"), @CrossOrigin(origins = {...}, allowCredentials = "true")
      if (call.name === 'CrossOrigin' && (node.type === 'annotation' || node.type === 'marker_annotation' || node.type === 'constructor_invocation')) {
        const credentials = truthy(dialect, call.named.get('allowCredentials')) ?? false;
        const origins = call.named.get('origins') ?? call.named.get('value') ?? call.args[0];
        const patterns = call.named.get('originPatterns');
        if (patterns) {
          const values = originsOf(patterns, index) ?? [];
          out.push(node, judgePatterns(values, '@CrossOrigin(originPatterns)'), credentials, 'spring');
        } else if (origins) {
          const values = originsOf(origins, index);
          out.push(node, values ? judgeOriginStrings(values, '@CrossOrigin origins') : { policy: 'unknown', detail: '@CrossOrigin origins not resolved in this file' }, credentials, 'spring');
        } else out.push(node, { policy: 'wildcard', detail: '@CrossOrigin with no origins allows any origin' }, credentials, 'spring');
        return undefined;
      }
      // registry.addMapping("/**").allowedOrigins("*").allowCredentials(true)
      if (call.name === 'addMapping' && call.receiver) {
        const chain = fluentChain(dialect, node);
        const credentials = truthy(dialect, chain.find((c) => c.name === 'allowCredentials')?.args[0]) ?? false;
        const origins = chain.find((c) => c.name === 'allowedOrigins');
        const patterns = chain.find((c) => c.name === 'allowedOriginPatterns');
        if (patterns) out.push(callAnchor(patterns), judgePatterns(patterns.args.flatMap((a) => originsOf(a, index) ?? []), 'allowedOriginPatterns'), credentials, 'spring');
        else if (origins) out.push(callAnchor(origins), judgeOriginStrings(origins.args.flatMap((a) => originsOf(a, index) ?? []), 'allowedOrigins'), credentials, 'spring');
        else out.push(callAnchor(call), { policy: 'wildcard', detail: `addMapping(...) without allowedOrigins allows any origin` }, credentials, 'spring');
        return undefined;
      }
      // CorsConfiguration
      if (/^(setAllowedOrigins|addAllowedOrigin|setAllowedOriginPatterns|addAllowedOriginPattern|applyPermitDefaultValues)$/.test(call.name)) {
        const credentials = credentialsIn(dialect, enclosingFunction(dialect, node, root), call.receiver?.text);
        if (call.name === 'applyPermitDefaultValues') out.push(callAnchor(call), { policy: 'wildcard', detail: 'CorsConfiguration.applyPermitDefaultValues() allows any origin' }, credentials ?? false, 'spring');
        else {
          const values = call.args.flatMap((a) => originsOf(a, index) ?? []);
          if (call.args.length > 0 && values.length === 0) return undefined;
          // registry.addEndpoint("/ws").setAllowedOrigins("*"): the WebSocket handshake's origin check
          const websocket = fluentChain(dialect, node).some((c) => c.name === 'addEndpoint' || c.name === 'addHandler');
          out.push(callAnchor(call), call.name.includes('Pattern') ? judgePatterns(values, call.name) : judgeOriginStrings(values, call.name), credentials ?? false, websocket ? 'spring-websocket' : 'spring');
        }
        return undefined;
      }
      // Ktor: install(CORS) { anyHost() }
      if (call.name === 'install' && call.args[0]?.text === 'CORS') {
        const lambda = call.args[call.args.length - 1];
        let anyHost: Node | undefined;
        let hosts = false;
        let credentials: boolean | null = false;
        walk(lambda ?? node, (n) => {
          const inner = dialect.call(n);
          if (inner?.name === 'anyHost') anyHost = n;
          if (inner && /^(host|allowHost|allowOrigins)$/.test(inner.name)) hosts = true;
          for (const slot of dialect.slots(n)) if (slot.name === 'allowCredentials') credentials = truthy(dialect, slot.value);
        });
        if (anyHost) out.push(anyHost, { policy: 'wildcard', detail: 'install(CORS) { anyHost() }' }, credentials, 'ktor');
        else if (hosts) out.push(node, { policy: 'allowlist', detail: 'install(CORS) with allowed hosts' }, credentials, 'ktor');
        return undefined;
      }
    }
    // Kotlin: config.allowedOrigins = listOf("*"); config.allowedOriginPatterns = listOf("*")
    if (node.type === 'assignment' || node.type === 'assignment_expression') {
      for (const slot of dialect.slots(node)) {
        if (slot.name !== 'allowedOrigins' && slot.name !== 'allowedOriginPatterns') continue;
        const values = originsOf(slot.value, index);
        if (!values || values.length === 0) continue;
        const target = fieldOf(node, 'left') ?? named(node)[0];
        const receiver = target && named(target).length > 1 ? named(target)[0]!.text : undefined;
        const credentials = credentialsIn(dialect, enclosingFunction(dialect, node, root), receiver) ?? false;
        out.push(node, slot.name === 'allowedOriginPatterns' ? judgePatterns(values, slot.name) : judgeOriginStrings(values, slot.name), credentials, 'spring');
      }
    }
    return undefined;
  });

  headerFacts(root, dialect, index, out);
  return out.facts;
}

const KEYWORDS = ['CrossOrigin', 'Cors', 'CORS', 'cors', 'AllowedOrigin', 'allowedOrigin', 'Access-Control-Allow-Origin', 'ACCESS_CONTROL_ALLOW_ORIGIN'];

export const javaCors: Extractor = {
  id: 'security/java/cors',
  languages: ['java'],
  keywords: KEYWORDS,
  extract: (file) => extractJvmCors(file, javaDialect),
};

export const kotlinCors: Extractor = {
  id: 'security/kotlin/cors',
  languages: ['kotlin'],
  keywords: KEYWORDS,
  extract: (file) => extractJvmCors(file, kotlinDialect),
};
