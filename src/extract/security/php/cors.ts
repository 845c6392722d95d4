// CORS policies in PHP: Laravel / fruitcake / barryvdh `config/cors.php` (`'allowed_origins' => ['*']`,
// `'supports_credentials' => true`, env defaults, origin patterns), tuupola CorsMiddleware options,
// and raw Access-Control-Allow-Origin writes (`header('Access-Control-Allow-Origin: *')`,
// `$response->header(...)`, `->headers->set(...)`, `->withHeader(...)`, header arrays).
import type { CorsConfigFact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { treeOf, walk } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { CorsFacts, headerFacts, judgeOriginRegex, judgeOriginStrings, stringValues, type OriginJudgement } from '../shared/cors.js';
import { named, type Node } from '../shared/dialect.js';
import { indexFile, type FileIndex } from '../shared/file-index.js';
import { phpCall, phpDialect, phpLiteral } from './dialect.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

/** `'key' => value` pairs of an array literal. */
export function arrayPairs(array: Node | undefined): Map<string, { key: Node; value: Node; element: Node }> {
  const out = new Map<string, { key: Node; value: Node; element: Node }>();
  if (array?.type !== 'array_creation_expression') return out;
  for (const el of named(array)) {
    if (el.type !== 'array_element_initializer') continue;
    const [k, v] = named(el);
    const key = phpLiteral(k);
    if (key !== undefined && v && named(el).length === 2) out.set(key, { key: k!, value: v, element: el });
  }
  return out;
}

/** A config value: the env default when it comes from env() (or a ternary on env()), else the value. */
function effectiveValue(node: Node, index: FileIndex): { node: Node; viaEnv: boolean } {
  if (node.type === 'conditional_expression') {
    const alternative = fieldOf(node, 'alternative');
    if (alternative) return { node: effectiveValue(alternative, index).node, viaEnv: true };
  }
  const call = phpCall(node);
  if (call && (call.name === 'explode' || call.name === 'array_filter' || call.name === 'array_map') && call.args.length > 0) {
    const inner = effectiveValue(call.args[call.name === 'explode' ? 1 : 0] ?? call.args[0]!, index);
    return inner;
  }
  const fallback = phpDialect.envFallback(node);
  if (fallback) return { node: fallback.fallback, viaEnv: true };
  return { node, viaEnv: false };
}

function originJudgement(value: Node, index: FileIndex): OriginJudgement | undefined {
  const { node, viaEnv } = effectiveValue(value, index);
  const values = stringValues(phpDialect, index, node);
  if (!values) return { policy: 'unknown', detail: 'allowed origins not resolved in this file' };
  if (values.length === 0) return undefined;
  const judged = judgeOriginStrings(values, 'allowed_origins');
  return viaEnv ? { ...judged, detail: `${judged.detail} (default when the env variable is unset)` } : judged;
}

function credentialsOf(value: Node | undefined): boolean | null {
  if (!value) return false;
  const fallback = phpDialect.envFallback(value);
  const node = fallback?.fallback ?? value;
  return phpDialect.bool(node) ?? null;
}

/** config/cors.php: one return array. */
function laravelConfig(root: Node, index: FileIndex, out: CorsFacts): void {
  const ret = root.descendantsOfType('return_statement')[0];
  const array = ret ? named(ret)[0] : undefined;
  const pairs = arrayPairs(array ?? undefined);
  const paths = pairs.get('paths');
  if (paths && phpDialect.listElements(paths.value)?.length === 0) return;
  const credentials = credentialsOf((pairs.get('supports_credentials') ?? pairs.get('supportsCredentials'))?.value);
  const origins = pairs.get('allowed_origins') ?? pairs.get('allowedOrigins');
  if (origins) {
    const judged = originJudgement(origins.value, index);
    if (judged) out.push(origins.element, judged, credentials, 'laravel-cors');
  }
  const patterns = pairs.get('allowed_origins_patterns') ?? pairs.get('allowedOriginsPatterns');
  for (const p of patterns ? stringValues(phpDialect, index, patterns.value) ?? [] : []) {
    const bare = p.length > 2 && /^[#/~]/.test(p) && p.lastIndexOf(p[0]!) > 0 ? p.slice(1, p.lastIndexOf(p[0]!)) : p;
    out.push(patterns!.element, judgeOriginRegex(bare, 'allowed_origins_patterns'), credentials, 'laravel-cors');
  }
}

export function extractPhpCors(file: ParsedFile): CorsConfigFact[] {
  const tree = treeOf(file);
  if (!tree) return [];
  const root = tree.rootNode;
  const index = indexFile(root, phpDialect);
  const out = new CorsFacts(file);
  if (/(^|\/)config\/cors\.php$/.test(file.path)) laravelConfig(root, index, out);

  // new CorsMiddleware(["origin" => ["*"], "credentials" => true])  (tuupola/cors-middleware)
  walk(root, (node) => {
    const call = phpCall(node);
    if (!call?.isNew || call.name !== 'CorsMiddleware') return undefined;
    const pairs = arrayPairs(call.args[0]);
    const credentials = credentialsOf(pairs.get('credentials')?.value);
    const origin = pairs.get('origin');
    if (!origin) out.push(node, { policy: 'wildcard', detail: 'CorsMiddleware without origin (defaults to *)' }, credentials, 'tuupola/cors');
    else {
      const judged = originJudgement(origin.value, index);
      if (judged) out.push(origin.element, judged, credentials, 'tuupola/cors');
    }
    return undefined;
  });

  headerFacts(root, phpDialect, index, out);
  return out.facts;
}

export const phpCors: Extractor = {
  id: 'security/php/cors',
  languages: ['php'],
  keywords: ['cors', 'Cors', 'CORS', 'Access-Control-Allow-Origin', 'allowed_origins', 'allowedOrigins'],
  extract: extractPhpCors,
};
