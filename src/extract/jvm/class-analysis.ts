// One controller-like class of a JVM file, read through the mapping annotations of its framework:
// class paths, method routes, JAX-RS sub-resource locators, supertypes that may carry inherited
// mappings, and (Spring) custom annotations that may be composed mapping annotations from other files.
import type { MiddlewareRef } from '../../core/facts.js';
import { authDeclaration, effectiveAuth, openapiTags, type AuthDeclaration } from './annotations-meta.js';
import type { JvmAnnotation, JvmClass, JvmFile, JvmMethod } from './jvm-source.js';
import { annotationArg, hasAnnotation } from './jvm-source.js';
import { classMapping, jaxrsPath, methodMapping, type FileTraits, type JvmFramework, type MethodMapping } from './mappings.js';
import { classChain, evalLiteral, type Scope, type StrValue } from './values.js';

export interface RouteSpec {
  method: JvmMethod;
  mapping: MethodMapping;
  paths: StrValue[];
  middleware: MiddlewareRef[];
  tags: string[];
}

export interface LocatorSpec {
  method: JvmMethod;
  paths: StrValue[];
  returnType: string;
  /** Security of the locator method: it runs before every route of the sub-resource. */
  middleware: MiddlewareRef[];
}

export interface ComposedUse {
  method: JvmMethod;
  annotation: JvmAnnotation;
  prefix: string;
}

export interface ClassAnalysis {
  cls: JvmClass;
  scope: Scope;
  framework: JvmFramework;
  /** Class-level paths; [''] when the class declares none. */
  classPaths: StrValue[];
  hasClassPath: boolean;
  routes: RouteSpec[];
  locators: LocatorSpec[];
  /** Spring: class annotations that may be composed @RequestMapping annotations declared elsewhere. */
  classComposed: JvmAnnotation[];
  /** Spring: method annotations that may be composed mapping annotations declared elsewhere. */
  composedUses: ComposedUse[];
  supertypes: string[];
}

/** Annotation packages that never hold composed mapping annotations. */
const LIBRARY_PACKAGES = [
  'org.springframework.', 'lombok.', 'io.swagger.', 'javax.', 'jakarta.', 'java.', 'kotlin.', 'io.micronaut.', 'org.slf4j.',
  'com.fasterxml.', 'io.quarkus.', 'org.eclipse.', 'org.jboss.', 'org.hibernate.', 'com.google.', 'reactor.', 'io.micrometer.',
  'org.apache.', 'io.github.resilience4j.', 'org.jetbrains.', 'com.netflix.', 'io.opentelemetry.', 'org.mapstruct.',
];

/** Frequent annotations (by simple name) that are not composed mapping annotations. */
const KNOWN_ANNOTATIONS = new Set([
  'Override', 'Deprecated', 'SuppressWarnings', 'FunctionalInterface', 'SafeVarargs', 'JvmStatic', 'JvmOverloads', 'JvmName',
  'Throws', 'Transactional', 'ResponseStatus', 'ResponseBody', 'CrossOrigin', 'ExceptionHandler', 'ModelAttribute', 'InitBinder',
  'Validated', 'Valid', 'Slf4j', 'Log4j2', 'Log', 'CommonsLog', 'RequiredArgsConstructor', 'AllArgsConstructor', 'NoArgsConstructor',
  'Data', 'Getter', 'Setter', 'Builder', 'Value', 'Autowired', 'Inject', 'Bean', 'Component', 'Service', 'Configuration',
  'RestController', 'Controller', 'Operation', 'ApiResponse', 'ApiResponses', 'Tag', 'Tags', 'Api', 'ApiOperation',
  'ApiImplicitParams', 'ApiImplicitParam', 'ApiParam', 'Parameter', 'Parameters', 'SecurityRequirement', 'SecurityRequirements',
  'Hidden', 'Timed', 'Counted', 'Cacheable', 'CacheEvict', 'CachePut', 'Async', 'Scheduled', 'EventListener', 'PreAuthorize',
  'PostAuthorize', 'Secured', 'RolesAllowed', 'PermitAll', 'DenyAll', 'Produces', 'Consumes', 'Order', 'Primary', 'Qualifier',
  'Profile', 'ConditionalOnProperty', 'Lazy', 'Retryable', 'RateLimiter', 'CircuitBreaker', 'MessageMapping', 'SubscribeMapping',
  'SendTo', 'SendToUser', 'QueryMapping', 'MutationMapping', 'SchemaMapping', 'SubscriptionMapping', 'BatchMapping', 'JsonView',
  'Nullable', 'NonNull', 'NotNull', 'Generated', 'Singleton', 'ApplicationScoped', 'RequestScoped', 'Path', 'Blocking',
  'NonBlocking', 'RunOnVirtualThread', 'Authenticated', 'Trace', 'Traced', 'Observed', 'Idempotent', 'Sensitive',
]);

/** True when an annotation of this file may be a composed mapping annotation declared elsewhere. */
export function mayBeComposed(annotation: JvmAnnotation, file: JvmFile): boolean {
  if (KNOWN_ANNOTATIONS.has(annotation.simpleName)) return false;
  const fqn = annotation.name.includes('.') ? annotation.name : file.imports.get(annotation.simpleName);
  if (fqn && LIBRARY_PACKAGES.some((p) => fqn.startsWith(p))) return false;
  return true;
}

function methodRoutes(method: JvmMethod, scope: Scope, traits: FileTraits): { mappings: MethodMapping[]; jaxrsPaths?: StrValue[] } {
  const mappings: MethodMapping[] = [];
  for (const annotation of method.annotations) {
    const mapping = methodMapping(annotation, scope, traits, method.name);
    if (mapping) mappings.push(mapping);
  }
  const jaxrsPaths = jaxrsPath(method.annotations, scope);
  return { mappings, ...(jaxrsPaths ? { jaxrsPaths } : {}) };
}

interface MethodReading {
  routes: RouteSpec[];
  locators: LocatorSpec[];
  composedUses: ComposedUse[];
}

/** Routes, sub-resource locators and possible composed-annotation uses of the methods of a class. */
function readMethods(cls: JvmClass, scope: Scope, traits: FileTraits, isSpringController: boolean): MethodReading {
  const { file } = scope;
  const classAuth: AuthDeclaration = authDeclaration(cls.annotations, scope, file.path);
  const classTags = openapiTags(cls.annotations, scope);
  const out: MethodReading = { routes: [], locators: [], composedUses: [] };
  for (const method of cls.methods) {
    const { mappings, jaxrsPaths } = methodRoutes(method, scope, traits);
    const middleware = effectiveAuth(classAuth, authDeclaration(method.annotations, scope, file.path));
    const tags = [...classTags, ...openapiTags(method.annotations, scope).filter((t) => !classTags.includes(t))];
    for (const mapping of mappings) {
      const paths = mapping.framework === 'jaxrs' ? (jaxrsPaths ?? [{ kind: 'literal', text: '' }]) : mapping.paths;
      out.routes.push({ method, mapping, paths, middleware, tags });
    }
    if (mappings.length > 0) continue;
    if (jaxrsPaths && method.returnType) out.locators.push({ method, paths: jaxrsPaths, returnType: method.returnType, middleware });
    else if (isSpringController) {
      for (const annotation of method.annotations) {
        if (!mayBeComposed(annotation, file)) continue;
        const value = annotationArg(annotation, 'value', 'path');
        out.composedUses.push({ method, annotation, prefix: value ? (evalLiteral(value, scope) ?? '') : '' });
      }
    }
  }
  return out;
}

/** Reads a class; undefined when it declares nothing route-like. */
export function analyzeClass(file: JvmFile, cls: JvmClass, traits: FileTraits): ClassAnalysis | undefined {
  if (cls.kind === 'annotation' || cls.kind === 'enum') return undefined;
  // Declarative HTTP clients describe someone else's API.
  if (hasAnnotation(cls.annotations, 'FeignClient') || (traits.micronaut && hasAnnotation(cls.annotations, 'Client'))) return undefined;
  const scope: Scope = { file, classes: classChain(file, cls) };
  const classMap = cls.annotations.map((a) => classMapping(a, scope, traits)).find((m) => m !== undefined);
  const isSpringController = !traits.micronaut && hasAnnotation(cls.annotations, 'RestController', 'Controller');
  const isMicronautController = traits.micronaut && hasAnnotation(cls.annotations, 'Controller');
  const { routes, locators, composedUses } = readMethods(cls, scope, traits, isSpringController);

  const framework: JvmFramework | undefined = classMap?.framework ?? routes[0]?.mapping.framework
    ?? (locators.length ? 'jaxrs' : isSpringController ? 'spring' : isMicronautController ? 'micronaut' : undefined);
  if (!framework) return undefined;
  const isController = isSpringController || isMicronautController || classMap !== undefined;
  const classComposed = isSpringController && !classMap ? cls.annotations.filter((a) => mayBeComposed(a, file)) : [];
  const inherits = isController && (cls.supertypes.length > 0 || classComposed.length > 0);
  if (routes.length === 0 && locators.length === 0 && composedUses.length === 0 && !inherits) return undefined;
  return {
    cls,
    scope,
    framework,
    classPaths: classMap?.paths ?? [{ kind: 'literal', text: '' }],
    hasClassPath: classMap !== undefined,
    routes,
    locators,
    classComposed,
    composedUses,
    supertypes: cls.supertypes,
  };
}
