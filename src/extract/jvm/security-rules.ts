// Spring Security path rules, as auth-rule facts: `requestMatchers("/a", "/b").permitAll()`,
// `antMatchers(HttpMethod.GET, "/x/**").hasRole("ADMIN")`, `mvcMatchers`/`pathMatchers` (WebFlux),
// `anyRequest().authenticated()` and the Kotlin DSL `authorize("/x/**", permitAll)`. Each rule keeps
// its place in the file: the model lets the first matching rule decide.
import type { Fact, HttpMethod } from '../../core/facts.js';
import type { Extractor } from '../types.js';
import { loc, walk, type Node } from '../tree-sitter/ast.js';
import { argStrings, callView, scopeAt, type CallView } from './calls.js';
import { allClasses } from './jvm-source.js';
import { evalStrings, type StrValue } from './values.js';
import type { JvmFile } from './jvm-source.js';
import { isTestSource, outlineOf } from './outline.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const MATCHERS = new Set(['requestMatchers', 'antMatchers', 'mvcMatchers', 'pathMatchers', 'securityMatchers']);
const ANY_REQUEST = new Set(['anyRequest', 'anyExchange']);
const PUBLIC = new Set(['permitAll', 'anonymous']);
const AUTH = new Set([
  'authenticated', 'fullyAuthenticated', 'rememberMe', 'hasRole', 'hasAnyRole', 'hasAuthority', 'hasAnyAuthority', 'access',
  'hasIpAddress', 'hasAnyScope', 'hasScope',
]);
const VERBS = new Set<HttpMethod>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE']);

type Access = 'auth' | 'public' | 'deny';

function accessOf(name: string): Access | undefined {
  if (PUBLIC.has(name)) return 'public';
  if (name === 'denyAll') return 'deny';
  return AUTH.has(name) ? 'auth' : undefined;
}

/** `HttpMethod.GET` / `GET` as an argument. */
function verbArg(node: Node): HttpMethod | undefined {
  const last = node.text.slice(node.text.lastIndexOf('.') + 1).toUpperCase();
  return /^[A-Z]+$/.test(last) && VERBS.has(last as HttpMethod) && /HttpMethod|^[A-Z]+$/.test(node.text) ? (last as HttpMethod) : undefined;
}

/** Patterns and methods of a matcher call's arguments (string literals and constants; `new AntPathRequestMatcher("/x")`). */
function matcherArgs(file: JvmFile, call: CallView): { patterns: string[]; methods: HttpMethod[] } | undefined {
  const patterns: string[] = [];
  const methods: HttpMethod[] = [];
  for (const arg of call.args) {
    const verb = verbArg(arg);
    if (verb) {
      methods.push(verb);
      continue;
    }
    const inner = callView(arg) ?? (arg.type === 'object_creation_expression' ? undefined : undefined);
    const source = arg.type === 'object_creation_expression' ? fieldOf(arg, 'arguments')?.namedChildren[0] ?? undefined
      : inner && /Matcher$/.test(inner.name) ? inner.args[0] : arg;
    for (const value of patternValues(file, source ?? undefined)) {
      if (value.kind !== 'literal') return undefined; // a pattern we cannot read: no rule rather than a wrong one
      patterns.push(value.text);
    }
  }
  return patterns.length > 0 ? { patterns, methods } : undefined;
}

/** String values of an argument; a constant array (`static final String[] PUBLIC = {...}`) gives all its items. */
function patternValues(file: JvmFile, node: Node | undefined): StrValue[] {
  if (!node) return [];
  if (node.type === 'identifier') {
    for (const cls of allClasses(file)) {
      const expr = cls.constants.get(node.text);
      if (expr?.kind === 'array') return evalStrings(expr, scopeAt(file, node));
    }
  }
  return argStrings(file, node);
}

function rule(file: JvmFile, at: Node, patterns: string[], methods: HttpMethod[], access: Access, requirement: string): Fact {
  return {
    kind: 'auth-rule', framework: 'spring-security', patterns, ...(methods.length > 0 ? { methods } : {}), access, requirement,
    location: loc(file.path, at),
  };
}

function javaRules(file: JvmFile, root: Node): Fact[] {
  const facts: Fact[] = [];
  walk(root, (node) => {
    const call = callView(node);
    if (!call || !call.receiver) return undefined;
    const access = accessOf(call.name);
    if (!access) return undefined;
    const target = callView(call.receiver);
    if (!target) return undefined;
    const requirement = call.name + (call.args[0] ? `(${call.args[0].text.replace(/\s+/g, ' ').slice(0, 60)})` : '');
    if (ANY_REQUEST.has(target.name)) facts.push(rule(file, target.nameNode, ['/**'], [], access, requirement));
    else if (MATCHERS.has(target.name)) {
      const args = matcherArgs(file, target);
      if (args) facts.push(rule(file, target.nameNode, args.patterns, args.methods, access, requirement));
    }
    return undefined;
  });
  return facts;
}

/** Kotlin DSL: `authorize("/x/**", permitAll)`, `authorize(HttpMethod.GET, "/y", hasRole("A"))`, `authorize(anyRequest, authenticated)`. */
function kotlinDslRules(file: JvmFile, root: Node): Fact[] {
  const facts: Fact[] = [];
  walk(root, (node) => {
    const call = callView(node);
    if (!call || call.name !== 'authorize' || call.receiver || call.args.length < 2) return undefined;
    const last = call.args[call.args.length - 1]!;
    const name = (callView(last)?.name ?? last.text).trim();
    const access = accessOf(name);
    if (!access) return undefined;
    const methods: HttpMethod[] = [];
    const patterns: string[] = [];
    for (const arg of call.args.slice(0, -1)) {
      const verb = verbArg(arg);
      if (verb) methods.push(verb);
      else if (arg.text === 'anyRequest' || arg.text === 'anyExchange') patterns.push('/**');
      else {
        const values = argStrings(file, arg);
        if (values.length === 0 || values.some((v) => v.kind !== 'literal')) return undefined;
        for (const v of values) if (v.kind === 'literal') patterns.push(v.text);
      }
    }
    if (patterns.length > 0) facts.push(rule(file, call.nameNode, patterns, methods, access, last.text.replace(/\s+/g, ' ').slice(0, 60)));
    return undefined;
  });
  return facts;
}

export const springSecurityRules: Extractor = {
  id: 'jvm/spring-security-rules',
  languages: ['java', 'kotlin'],
  keywords: ['permitAll', 'authenticated', 'hasRole', 'hasAnyRole', 'hasAuthority', 'hasAnyAuthority', 'denyAll'],
  extract(parsed) {
    if (isTestSource(parsed.path)) return [];
    const file = outlineOf(parsed);
    if (!file || !/Matchers|anyRequest|anyExchange|authorize\(/.test(parsed.text)) return [];
    const root = file.root;
    const rules = file.language === 'java' ? javaRules(file, root) : [...javaRules(file, root), ...kotlinDslRules(file, root)];
    // Declaration order decides: a chain is walked from its last call, so sort by position.
    return rules.sort((a, b) => a.location.startLine - b.location.startLine || a.location.startColumn - b.location.startColumn);
  },
};
