// What the mapping annotations of Spring MVC / WebFlux, JAX-RS (Jersey, RESTEasy, Quarkus), Micronaut
// and Quarkus reactive routes mean: HTTP methods and paths of one method or class annotation.
import type { HttpMethod } from '../../core/facts.js';
import type { JvmAnnotation, JvmFile } from './jvm-source.js';
import { annotationArg } from './jvm-source.js';
import { enumNames, evalStrings, type Scope, type StrValue } from './values.js';

export type JvmFramework = 'spring' | 'jaxrs' | 'micronaut' | 'quarkus';

export interface MethodMapping {
  framework: JvmFramework;
  methods: HttpMethod[];
  /** Never empty: a mapping without a path maps the class path itself (''). */
  paths: StrValue[];
  isRegex?: boolean;
  /** True when the mapping names no HTTP method of its own (Spring @RequestMapping without `method`). */
  methodless?: boolean;
  annotation: JvmAnnotation;
}

const HTTP_METHODS = new Set<HttpMethod>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'QUERY']);

const SPRING_VERB: Record<string, HttpMethod> = {
  GetMapping: 'GET', PostMapping: 'POST', PutMapping: 'PUT', PatchMapping: 'PATCH', DeleteMapping: 'DELETE',
  GetExchange: 'GET', PostExchange: 'POST', PutExchange: 'PUT', PatchExchange: 'PATCH', DeleteExchange: 'DELETE',
};
const JAXRS_VERB: Record<string, HttpMethod> = {
  GET: 'GET', POST: 'POST', PUT: 'PUT', PATCH: 'PATCH', DELETE: 'DELETE', HEAD: 'HEAD', OPTIONS: 'OPTIONS',
  // The draft QUERY verb, declared in projects as `@HttpMethod("QUERY") public @interface QUERY {}`.
  QUERY: 'QUERY',
};
const MICRONAUT_VERB: Record<string, HttpMethod> = {
  Get: 'GET', Post: 'POST', Put: 'PUT', Patch: 'PATCH', Delete: 'DELETE', Head: 'HEAD', Options: 'OPTIONS', Trace: 'TRACE',
};

export const SPRING_MAPPINGS = new Set([...Object.keys(SPRING_VERB), 'RequestMapping', 'HttpExchange']);

/** Per-file facts that change what an annotation name means. */
export interface FileTraits {
  /** Micronaut's @Controller / @Get rather than Spring's @Controller. */
  micronaut: boolean;
  /** `io.quarkus.vertx.web.Route` is imported. */
  quarkusRoutes: boolean;
}

export function fileTraits(file: JvmFile): FileTraits {
  const sources = [...file.imports.values(), ...file.wildcardImports];
  return {
    micronaut: sources.some((s) => s.startsWith('io.micronaut.')),
    quarkusRoutes: sources.some((s) => s.startsWith('io.quarkus.vertx.web')),
  };
}

const literal = (text: string): StrValue => ({ kind: 'literal', text });

function pathsOr(values: StrValue[], fallback: StrValue[] = [literal('')]): StrValue[] {
  return values.length > 0 ? values : fallback;
}

function toMethods(names: readonly string[]): HttpMethod[] {
  const out: HttpMethod[] = [];
  for (const name of names) {
    const upper = name.toUpperCase() as HttpMethod;
    if (HTTP_METHODS.has(upper) && !out.includes(upper)) out.push(upper);
  }
  return out;
}

/** Micronaut URI templates: `{?q}` / `{&a}` / `{#f}` are query or fragment parts, not path. */
function stripUriTemplateQuery(value: StrValue): StrValue {
  const strip = (s: string) => s.replace(/\{[?&#][^}]*\}/g, '').replace(/\{\+([^}]*)\}/g, '{$1}');
  if (value.kind === 'literal') return literal(strip(value.text));
  if (value.kind === 'ref') return { ...value, suffix: strip(value.suffix) };
  return value;
}

/** The mapping one method annotation declares, or undefined when it declares none. */
export function methodMapping(annotation: JvmAnnotation, scope: Scope, traits: FileTraits, methodName?: string): MethodMapping | undefined {
  const name = annotation.simpleName;
  if (traits.micronaut) {
    const verb = MICRONAUT_VERB[name];
    if (verb) {
      const paths = [
        ...evalStrings(annotationArg(annotation, 'value'), scope),
        ...evalStrings(annotationArg(annotation, 'uri'), scope),
        ...evalStrings(annotationArg(annotation, 'uris'), scope),
      ].map(stripUriTemplateQuery);
      return { framework: 'micronaut', methods: [verb], paths: pathsOr(paths), annotation };
    }
    if (name === 'CustomHttpMethod') {
      const methods = toMethods(enumNames(annotationArg(annotation, 'method')));
      if (methods.length === 0) return undefined; // verbs the fact model has no name for
      const paths = [...evalStrings(annotationArg(annotation, 'value'), scope), ...evalStrings(annotationArg(annotation, 'uri'), scope)];
      return { framework: 'micronaut', methods, paths: pathsOr(paths.map(stripUriTemplateQuery)), annotation };
    }
  }
  const springVerb = SPRING_VERB[name];
  if (springVerb) {
    const paths = evalStrings(annotationArg(annotation, 'value', 'path', 'url'), scope);
    return { framework: 'spring', methods: [springVerb], paths: pathsOr(paths), annotation };
  }
  if (name === 'RequestMapping' || name === 'HttpExchange') {
    const paths = evalStrings(annotationArg(annotation, 'value', 'path', 'url'), scope);
    const methods = toMethods(enumNames(annotationArg(annotation, 'method')));
    return { framework: 'spring', methods: methods.length ? methods : ['ANY'], paths: pathsOr(paths), methodless: methods.length === 0, annotation };
  }
  const jaxrsVerb = JAXRS_VERB[name];
  if (jaxrsVerb) return { framework: 'jaxrs', methods: [jaxrsVerb], paths: [literal('')], annotation };
  if (name === 'Route' && traits.quarkusRoutes) {
    const type = enumNames(annotationArg(annotation, 'type'))[0];
    if (type === 'FAILURE' || type === 'failure') return undefined;
    const regex = evalStrings(annotationArg(annotation, 'regex'), scope);
    const paths = evalStrings(annotationArg(annotation, 'path', 'value'), scope);
    const methods = toMethods(enumNames(annotationArg(annotation, 'methods')));
    const isRegex = paths.length === 0 && regex.length > 0;
    // Neither path nor regex: the path is the method name. Without `methods` Vert.x matches every
    // method; SmallRye OpenAPI (and the Quarkus dev UI) document such routes as GET, and so do we.
    const derived = paths.length === 0 && !isRegex && methodName ? [literal(methodName)] : paths;
    return {
      framework: 'quarkus',
      methods: methods.length ? methods : ['GET'],
      paths: isRegex ? regex : derived,
      ...(isRegex ? { isRegex } : {}),
      annotation,
    };
  }
  return undefined;
}

/** JAX-RS @Path on a method: its path (the HTTP method comes from @GET & co.). */
export function jaxrsPath(annotations: readonly JvmAnnotation[], scope: Scope): StrValue[] | undefined {
  const path = annotations.find((a) => a.simpleName === 'Path');
  return path ? pathsOr(evalStrings(annotationArg(path, 'value'), scope)) : undefined;
}

export interface ClassMapping {
  framework: JvmFramework;
  paths: StrValue[];
  annotation: JvmAnnotation;
}

/** The class-level path a class annotation declares. */
export function classMapping(annotation: JvmAnnotation, scope: Scope, traits: FileTraits): ClassMapping | undefined {
  switch (annotation.simpleName) {
    case 'RequestMapping':
    case 'HttpExchange':
      return { framework: 'spring', paths: pathsOr(evalStrings(annotationArg(annotation, 'value', 'path', 'url'), scope)), annotation };
    case 'Path':
      return { framework: 'jaxrs', paths: pathsOr(evalStrings(annotationArg(annotation, 'value'), scope)), annotation };
    case 'Controller':
      if (!traits.micronaut) return undefined;
      return { framework: 'micronaut', paths: pathsOr(evalStrings(annotationArg(annotation, 'value'), scope), [literal('/')]), annotation };
    case 'RouteBase':
      if (!traits.quarkusRoutes) return undefined;
      return { framework: 'quarkus', paths: pathsOr(evalStrings(annotationArg(annotation, 'path', 'value'), scope)), annotation };
    default:
      return undefined;
  }
}
