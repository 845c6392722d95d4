// Annotation-declared endpoints that are not controller methods:
// - Spring for GraphQL controllers (@QueryMapping & co.): the one POST endpoint at `spring.graphql.path`
//   (default /graphql), resolved by the model from application.properties / .yml constants;
// - WebSocket endpoints: Jakarta @ServerEndpoint, Micronaut @ServerWebSocket, Quarkus @WebSocket(path);
// - JAX-RS @ApplicationPath: a `constant` holding the application path of the class's package, read by
//   the package anchors of class-facts.ts (web.xml servlet mappings take precedence).
import type { Fact, RefExpr } from '../../core/facts.js';
import { loc } from '../tree-sitter/ast.js';
import { classRef, jaxrsPathRef } from './class-facts.js';
import type { JvmClass, JvmFile } from './jvm-source.js';
import { annotationArg, findAnnotation } from './jvm-source.js';
import type { FileTraits } from './mappings.js';
import { classChain, evalLiteral, evalStrings } from './values.js';

const GRAPHQL_MAPPINGS = ['QueryMapping', 'MutationMapping', 'SubscriptionMapping', 'SchemaMapping', 'BatchMapping'];

/** The configuration key holding the Spring for GraphQL endpoint path. */
export const GRAPHQL_PATH_KEY = 'spring.graphql.path';

function imports(file: JvmFile, prefix: string): boolean {
  return [...file.imports.values(), ...file.wildcardImports].some((s) => s.startsWith(prefix));
}

function graphqlFacts(file: JvmFile, cls: JvmClass): Fact[] {
  if (!imports(file, 'org.springframework.graphql')) return [];
  const first = cls.methods.flatMap((m) => m.annotations).find((a) => GRAPHQL_MAPPINGS.includes(a.simpleName));
  if (!first) return [];
  const location = loc(file.path, first.node);
  const router = classRef(file.packageName, [...cls.qualifiedPath, '$graphql']);
  const prefixRef: RefExpr = { file: file.path, path: [GRAPHQL_PATH_KEY] };
  return [
    { kind: 'mount', framework: 'spring', parent: classRef(file.packageName, [...cls.qualifiedPath, '$graphql-root']), child: router, prefix: '/graphql', prefixRef, location },
    { kind: 'route', framework: 'spring', method: 'POST', path: '', router, location, origin: 'generated', handler: { name: `${cls.name} (GraphQL)` } },
  ];
}

function websocketFacts(file: JvmFile, cls: JvmClass, traits: FileTraits): Fact[] {
  const scope = { file, classes: classChain(file, cls) };
  let framework: string | undefined;
  let annotation = findAnnotation(cls.annotations, 'ServerEndpoint');
  if (annotation) framework = imports(file, 'org.springframework') ? 'spring' : 'jaxrs';
  else if (traits.micronaut && (annotation = findAnnotation(cls.annotations, 'ServerWebSocket'))) framework = 'micronaut';
  else if ((annotation = findAnnotation(cls.annotations, 'WebSocket')) && imports(file, 'io.quarkus.websockets')) framework = 'quarkus';
  if (!annotation || !framework) return [];
  const out: Fact[] = [];
  for (const path of evalStrings(annotationArg(annotation, 'value', 'path'), scope)) {
    if (path.kind !== 'literal') continue;
    out.push({ kind: 'route', framework, method: 'GET', path: path.text, location: loc(file.path, annotation.node), handler: { name: cls.name } });
  }
  return out;
}

function applicationPathFacts(file: JvmFile, cls: JvmClass): Fact[] {
  const annotation = findAnnotation(cls.annotations, 'ApplicationPath');
  if (!annotation) return [];
  const value = evalLiteral(annotationArg(annotation, 'value'), { file, classes: classChain(file, cls) });
  if (value === undefined) return [];
  return [{ kind: 'constant', ref: jaxrsPathRef(file.packageName, false), value, location: loc(file.path, annotation.node) }];
}

export function classExtraFacts(file: JvmFile, cls: JvmClass, traits: FileTraits): Fact[] {
  return [...graphqlFacts(file, cls), ...websocketFacts(file, cls, traits), ...applicationPathFacts(file, cls)];
}
