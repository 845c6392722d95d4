// Rate limiting in Java and Kotlin: resilience4j `@RateLimiter` and limiter-named annotations on
// controllers and handlers, bucket4j / Guava RateLimiter consumed in a servlet filter or handler
// interceptor (the whole app) or in a controller (its routes), limiter interceptors registered with
// `addInterceptor(...).addPathPatterns(...)`, and Ktor `install(RateLimit) { global {...} }` / `rateLimit { }`.
import type { RateLimitFact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { treeOf, walk } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { fluentChain } from '../shared/chain.js';
import { named, type Dialect, type Node } from '../shared/dialect.js';
import { LIMITER_NAME, RateLimitFacts } from '../shared/rate-limit.js';
import { javaDialect, jvmLiteral, kotlinDialect } from './dialect.js';

const CLASS_TYPES = ['class_declaration', 'object_declaration'];
const FILTER_BASES = /\b(OncePerRequestFilter|GenericFilterBean|Filter|HandlerInterceptor|WebFilter|HandlerInterceptorAdapter|AsyncHandlerInterceptor|ContainerRequestFilter|HttpFilter)\b/;

function enclosingClass(node: Node): Node | undefined {
  for (let cur = node.parent; cur; cur = cur.parent) if (CLASS_TYPES.includes(cur.type)) return cur;
  return undefined;
}

/** The supertypes and annotations of a class, as written. */
function classHeader(cls: Node): string {
  return named(cls).filter((c) => c.type !== 'class_body' && c.type !== 'identifier' && c.type !== 'type_identifier').map((c) => c.text).join(' ');
}

export function extractJvmRateLimits(file: ParsedFile, dialect: Dialect): RateLimitFact[] {
  const tree = treeOf(file);
  if (!tree) return [];
  const root = tree.rootNode;
  const out = new RateLimitFacts(file);
  const imports = root.descendantsOfType(['import_declaration', 'import_header', 'import']).map((n) => n?.text ?? '').join('\n');
  const bucketLib = /io\.github\.bucket4j|com\.giffing\.bucket4j/.test(imports) ? 'bucket4j' : /com\.google\.common\.util\.concurrent\.RateLimiter/.test(imports) ? 'guava' : undefined;

  walk(root, (node) => {
    const call = dialect.call(node);
    if (!call) return undefined;
    const isAnnotation = node.type === 'annotation' || node.type === 'marker_annotation' || (node.type === 'constructor_invocation' && node.parent?.type === 'annotation');
    if (isAnnotation) {
      if (!LIMITER_NAME.test(call.name)) return undefined;
      const library = call.name === 'RateLimiter' ? 'resilience4j' : /Bucket4j|RateLimiting/.test(call.name) ? 'bucket4j' : 'custom';
      out.push(node, library, true);
      return undefined;
    }
    // bucket.tryConsume(1), rateLimiter.tryAcquire(): applied where the filter / controller runs
    if (bucketLib && /^(tryConsume|tryConsumeAndReturnRemaining|consume|tryAcquire|acquire|estimateAbilityToConsume)$/.test(call.name)) {
      const cls = enclosingClass(node);
      const header = cls ? classHeader(cls) : '';
      if (FILTER_BASES.test(header)) out.push(node, bucketLib, true, '');
      else if (/Controller|Resource|Path\(/.test(header)) out.push(node, bucketLib, true);
      else out.push(node, bucketLib, false);
      return undefined;
    }
    // registry.addInterceptor(new RateLimitInterceptor()).addPathPatterns("/api/**")
    if (call.name === 'addInterceptor' || call.name === 'addFilterBefore' || call.name === 'addFilterAfter' || call.name === 'addFilter') {
      const arg = call.args[0];
      const argName = arg ? (dialect.call(arg)?.name ?? arg.text) : '';
      if (!LIMITER_NAME.test(argName)) return undefined;
      const patterns = fluentChain(dialect, node).find((c) => c.name === 'addPathPatterns');
      const first = patterns ? jvmLiteral(patterns.args[0]) : undefined;
      out.push(node, bucketLib ?? 'custom', true, first !== undefined ? first.replace(/\/\*+$/, '') || '' : '');
      return undefined;
    }
    // Ktor
    if (call.name === 'install' && call.args[0]?.text === 'RateLimit') {
      let global = false;
      walk(call.args[call.args.length - 1] ?? node, (n) => {
        if (dialect.call(n)?.name === 'global') global = true;
      });
      out.push(node, 'ktor', global, global ? '' : undefined);
      return undefined;
    }
    if (call.name === 'rateLimit' && call.args.length > 0 && node.type === 'call_expression') out.push(node, 'ktor', true);
    return undefined;
  });
  return out.facts;
}

export const javaRateLimits: Extractor = {
  id: 'security/java/rate-limit',
  languages: ['java'],
  keywords: ['RateLimit', 'Limiter', 'limiter', 'Throttl', 'throttl', 'bucket4j', 'Bucket'],
  extract: (file) => extractJvmRateLimits(file, javaDialect),
};

export const kotlinRateLimits: Extractor = {
  id: 'security/kotlin/rate-limit',
  languages: ['kotlin'],
  keywords: ['RateLimit', 'rateLimit', 'Limiter', 'limiter', 'Throttl', 'throttl', 'bucket4j', 'Bucket'],
  extract: (file) => extractJvmRateLimits(file, kotlinDialect),
};
