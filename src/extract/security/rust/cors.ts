// CORS policies in Rust: tower-http `CorsLayer::permissive()` (any origin), `very_permissive()`
// (mirrors the request origin, with credentials), `.allow_origin(Any | AllowOrigin::mirror_request() |
// predicate | list)`; actix-cors `Cors::permissive()`, `.allow_any_origin()` (echoes the origin
// unless `.send_wildcard()`), `.allowed_origin_fn(...)`; rocket_cors `AllowedOrigins::all()` and
// CorsOptions defaults; warp `cors().allow_any_origin()`; raw Access-Control-Allow-Origin headers.
import type { CorsConfigFact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { treeOf, walk } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { callAnchor, fluentChain } from '../shared/chain.js';
import { alwaysTrue, CorsFacts, headerFacts, judgeOriginStrings, stringValues, type OriginJudgement } from '../shared/cors.js';
import { named, type Node } from '../shared/dialect.js';
import { indexFile, type FileIndex } from '../shared/file-index.js';
import { rustCall, rustDialect, rustPath } from './dialect.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

/** The value of tower-http `allow_origin(...)`. */
function towerOrigin(node: Node | undefined, index: FileIndex): OriginJudgement {
  if (!node) return { policy: 'unknown', detail: 'allow_origin not resolved' };
  const path = rustPath(node)?.join('::') ?? '';
  if (/(^|::)Any$/.test(path)) return { policy: 'wildcard', detail: 'allow_origin(Any)' };
  const call = rustCall(node);
  const callPath = call?.path?.join('::') ?? '';
  if (/(^|::)(AllowOrigin::any|Any::default)$/.test(callPath)) return { policy: 'wildcard', detail: 'allow_origin(AllowOrigin::any())' };
  if (/(^|::)AllowOrigin::mirror_request$/.test(callPath)) return { policy: 'reflect-origin', detail: 'allow_origin(AllowOrigin::mirror_request())' };
  if (/(^|::)AllowOrigin::(predicate|async_predicate)$/.test(callPath)) {
    return alwaysTrue(rustDialect, call!.args[0])
      ? { policy: 'reflect-origin', detail: 'AllowOrigin::predicate accepts every origin' }
      : { policy: 'allowlist', detail: 'origin checked by AllowOrigin::predicate' };
  }
  const values = stringValues(rustDialect, index, call && /^(parse|unwrap|from_static|from_str|exact|list)$/.test(call.name) ? (call.args[0] ?? call.receiver) : node);
  if (values && values.length > 0) return judgeOriginStrings(values, 'allow_origin');
  if (call && (call.name === 'unwrap' || call.name === 'parse' || call.name === 'expect') && call.receiver) return towerOrigin(call.receiver, index);
  return { policy: 'allowlist', detail: 'allow_origin(...)' };
}

export function extractRustCors(file: ParsedFile): CorsConfigFact[] {
  const tree = treeOf(file);
  if (!tree) return [];
  const root = tree.rootNode;
  const index = indexFile(root, rustDialect);
  const out = new CorsFacts(file);
  walk(root, (node) => {
    if (node.type === 'struct_expression') {
      // rocket_cors::CorsOptions { allowed_origins: AllowedOrigins::all(), allow_credentials: true, .. }
      const type = rustPath(fieldOf(node, 'name'))?.pop();
      if (type !== 'CorsOptions') return undefined;
      const fields = new Map<string, Node>();
      for (const f of named(fieldOf(node, 'body'))) {
        const name = fieldOf(f, 'field')?.text;
        const value = fieldOf(f, 'value');
        if (name && value) fields.set(name, value);
      }
      const credentials = rustDialect.bool(fields.get('allow_credentials')) ?? false;
      const origins = fields.get('allowed_origins');
      const originsCall = origins ? rustCall(origins) : undefined;
      if (!origins || originsCall?.name === 'all') out.push(origins ?? node, { policy: 'reflect-origin', detail: 'rocket_cors allowed_origins: All (echoes the request origin)' }, credentials, 'rocket_cors');
      else out.push(origins, { policy: 'allowlist', detail: 'rocket_cors allowed_origins allowlist' }, credentials, 'rocket_cors');
      return undefined;
    }
    const call = rustCall(node);
    if (!call) return undefined;
    const path = call.path?.join('::') ?? '';
    const owner = call.path?.[call.path.length - 2];
    // tower-http
    if (owner === 'CorsLayer' && (call.name === 'permissive' || call.name === 'very_permissive')) {
      const chain = fluentChain(rustDialect, node);
      const credentials = call.name === 'very_permissive' || chain.some((c) => c.name === 'allow_credentials' && rustDialect.bool(c.args[0]) === true);
      out.push(node, call.name === 'permissive'
        ? { policy: 'wildcard', detail: 'CorsLayer::permissive()' }
        : { policy: 'reflect-origin', detail: 'CorsLayer::very_permissive() mirrors the request origin' }, credentials, 'tower-http');
      return undefined;
    }
    if (call.name === 'allow_origin' && call.receiver) {
      const chain = fluentChain(rustDialect, node);
      const first = chain[0];
      const onCorsLayer = first?.path?.includes('CorsLayer') || (first?.receiver?.type === 'identifier' && /cors/i.test(first.receiver.text));
      if (!onCorsLayer) return undefined;
      const credentials = chain.some((c) => c.name === 'allow_credentials' && rustDialect.bool(c.args[0]) === true);
      out.push(callAnchor(call), towerOrigin(call.args[0], index), credentials, 'tower-http');
      return undefined;
    }
    // actix-cors / warp / poem
    if (path.endsWith('Cors::permissive')) {
      out.push(node, { policy: 'reflect-origin', detail: 'Cors::permissive() echoes any origin with credentials' }, true, 'actix-cors');
      return undefined;
    }
    if (call.name === 'allow_any_origin' || call.name === 'allowed_origin_fn') {
      const chain = fluentChain(rustDialect, node);
      const credentials = chain.some((c) => c.name === 'supports_credentials' || (c.name === 'allow_credentials' && rustDialect.bool(c.args[0]) === true));
      const isWarp = chain.some((c) => c.path?.join('::') === 'warp::cors');
      const library = isWarp ? 'warp' : 'actix-cors';
      const at = callAnchor(call);
      if (call.name === 'allowed_origin_fn') {
        out.push(at, alwaysTrue(rustDialect, call.args[0])
          ? { policy: 'reflect-origin', detail: 'allowed_origin_fn accepts every origin' }
          : { policy: 'allowlist', detail: 'origin checked by allowed_origin_fn' }, credentials, library);
      } else if (chain.some((c) => c.name === 'send_wildcard')) out.push(at, { policy: 'wildcard', detail: 'allow_any_origin().send_wildcard()' }, credentials, library);
      else out.push(at, { policy: 'reflect-origin', detail: 'allow_any_origin() echoes the request origin' }, credentials, library);
      return undefined;
    }
    // rocket_cors: AllowedOrigins::all() outside a CorsOptions literal, CorsOptions::default()
    if (path.endsWith('CorsOptions::default') && node.parent?.type !== 'base_field_initializer') {
      const chain = fluentChain(rustDialect, node);
      const origins = chain.find((c) => c.name === 'allowed_origins');
      const credentials = chain.some((c) => c.name === 'allow_credentials' && rustDialect.bool(c.args[0]) === true);
      const all = !origins || rustCall(origins.args[0] ?? node)?.name === 'all';
      out.push(origins?.node ?? node, all ? { policy: 'reflect-origin', detail: 'rocket_cors allowed origins: All' } : { policy: 'allowlist', detail: 'rocket_cors allowed_origins allowlist' }, credentials, 'rocket_cors');
    }
    return undefined;
  });
  headerFacts(root, rustDialect, index, out);
  return out.facts;
}

export const rustCors: Extractor = {
  id: 'security/rust/cors',
  languages: ['rust'],
  keywords: ['cors', 'Cors', 'CORS', 'Access-Control-Allow-Origin', 'ACCESS_CONTROL_ALLOW_ORIGIN'],
  extract: extractRustCors,
};
