// Route facts for an analysed controller class.
//
// A self-contained class (literal paths, no supertypes, no custom annotations that may be composed
// mapping annotations, not JAX-RS) gets route facts WITHOUT a router, class paths already joined.
// Everything else is expressed as routers and mounts on package-qualified class references
// ({ file: 'jvm:<package>', path: [<Class>] }), which the model links across files:
// - a concrete class is mounted at each class path under its own root ('<Class>.$root');
// - an interface or abstract class is a router with its class path as prefix and no root of its own:
//   implementing / extending classes mount it (`mount parent=<Impl> child=<Api>`);
// - Spring composed annotations from other files: the class is mounted under the annotation
//   (class level) or the annotation's router is mounted under the class (method level);
// - JAX-RS root resources hang under a chain of package anchors ('jvm:<pkg>' '$jaxrs'); the edge into a
//   package's anchor carries the application path of that package (@ApplicationPath or web.xml).
// Paths that start with a constant from another file or a ${placeholder} become mounts with `prefixRef`.
import type { Fact, MountFact, RefExpr, RouteFact } from '../../core/facts.js';
import type { Location } from '../../core/types.js';
import { loc } from '../tree-sitter/ast.js';
import type { ClassAnalysis } from './class-analysis.js';
import { packageRefFile, typeRefs, type StrValue } from './values.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

export function classRef(packageName: string, path: readonly string[]): RefExpr {
  return { file: packageRefFile(packageName), path: [...path] };
}

/** The anchor JAX-RS root resources of a package hang under. */
export function jaxrsAnchor(packageName: string): RefExpr {
  return { file: packageRefFile(packageName), path: ['$jaxrs'] };
}

/** The application path declared for a package: by web.xml (exact ref) or @ApplicationPath (same last name). */
export function jaxrsPathRef(packageName: string, fromWebXml: boolean): RefExpr {
  return { file: fromWebXml ? `jvm-webxml:${packageName}` : packageRefFile(packageName), path: [`$jaxrs-path:${packageName}`] };
}

export function joinLiteral(a: string, b: string): string {
  if (!b) return a || '/';
  if (!a) return b.startsWith('/') ? b : `/${b}`;
  return `${a.replace(/\/+$/, '')}/${b.replace(/^\/+/, '')}`;
}

function isSelfContained(a: ClassAnalysis): boolean {
  if (a.cls.isAbstract || a.framework === 'jaxrs' || a.supertypes.length > 0) return false;
  if (a.classComposed.length > 0 || a.composedUses.length > 0 || a.locators.length > 0) return false;
  if (a.classPaths.some((p) => p.kind !== 'literal')) return false;
  return a.routes.every((r) => r.paths.every((p) => p.kind !== 'ref'));
}

function mountFact(framework: string, parent: RefExpr, child: RefExpr, prefix: StrValue | string, location: Location): MountFact | undefined {
  const base = { kind: 'mount' as const, framework, parent, child, location };
  if (typeof prefix === 'string') return { ...base, prefix };
  if (prefix.kind === 'literal') return { ...base, prefix: prefix.text };
  if (prefix.kind === 'ref') return { ...base, prefix: joinLiteral(prefix.fallback, ''), prefixRef: prefix.ref };
  return undefined;
}

function routeBase(a: ClassAnalysis, spec: ClassAnalysis['routes'][number]) {
  const file = a.scope.file.path;
  const nameNode = fieldOf(spec.method.node, 'name');
  return {
    kind: 'route' as const,
    framework: a.framework,
    location: loc(file, spec.mapping.annotation.node),
    handler: { name: `${a.cls.name}.${spec.method.name}`, location: loc(file, nameNode ?? spec.method.node) },
    ...(spec.middleware.length ? { middleware: spec.middleware } : {}),
    ...(spec.tags.length ? { openapiTags: spec.tags } : {}),
    ...(spec.mapping.isRegex ? { isRegex: true } : {}),
  };
}

function standaloneFacts(a: ClassAnalysis): RouteFact[] {
  const out: RouteFact[] = [];
  for (const spec of a.routes) {
    for (const classPath of a.classPaths) {
      for (const path of spec.paths) {
        if (classPath.kind !== 'literal' || path.kind !== 'literal') continue;
        for (const method of spec.mapping.methods) {
          out.push({ ...routeBase(a, spec), method, path: spec.mapping.isRegex ? path.text : joinLiteral(classPath.text, path.text) });
        }
      }
    }
  }
  return out;
}

/**
 * Name of the constant holding the URL prefix of a server's Jersey resources declared in server
 * configuration (Dropwizard applicationContextPath + rootPath). Constants of that name are declared
 * with the configuration file as ref file, so the model picks the one value of the service (files
 * for several environments that agree are fine; conflicting values leave the prefix out).
 */
export const JERSEY_ROOT_KEY = '$jersey-root-path';

/** Mount edges server -> root anchor -> anchor(a) -> anchor(a.b) -> ... for a JAX-RS resource package. */
export function jaxrsAnchorChain(packageName: string, location: Location): MountFact[] {
  const out: MountFact[] = [{
    kind: 'mount', framework: 'jaxrs', parent: { file: packageRefFile(''), path: ['$jaxrs-server'] }, child: jaxrsAnchor(''), prefix: '',
    prefixRef: { file: location.file, path: [JERSEY_ROOT_KEY] }, location,
  }];
  const segments = packageName ? packageName.split('.') : [];
  for (let i = 1; i <= segments.length; i++) {
    const pkg = segments.slice(0, i).join('.');
    const parentPkg = segments.slice(0, i - 1).join('.');
    out.push({
      kind: 'mount', framework: 'jaxrs', parent: jaxrsAnchor(parentPkg), child: jaxrsAnchor(pkg), prefix: '',
      prefixRef: jaxrsPathRef(pkg, true), location,
    });
  }
  return out;
}

function routerFacts(a: ClassAnalysis): Fact[] {
  const { file } = a.scope;
  const out: Fact[] = [];
  const self = classRef(file.packageName, a.cls.qualifiedPath);
  const classLoc = loc(file.path, fieldOf(a.cls.node, 'name') ?? a.cls.node);
  const push = (fact: Fact | undefined) => {
    if (fact) out.push(fact);
  };
  const firstLiteral = a.classPaths.find((p) => p.kind === 'literal');
  const ownPrefix = a.cls.isAbstract && a.hasClassPath && firstLiteral?.kind === 'literal' ? firstLiteral.text : undefined;
  out.push({ kind: 'router', framework: a.framework, ref: self, location: classLoc, ...(ownPrefix ? { prefix: ownPrefix } : {}) });

  for (const spec of a.routes) {
    const line = spec.mapping.annotation.node.startPosition.row + 1;
    spec.paths.forEach((path, i) => {
      let router = self;
      let rest = '';
      if (path.kind === 'literal') rest = path.text;
      else if (path.kind === 'ref') {
        router = classRef(file.packageName, [...a.cls.qualifiedPath, `$${spec.method.name}:${line}:${i}`]);
        push(mountFact(a.framework, self, router, path, loc(file.path, spec.mapping.annotation.node)));
        rest = path.suffix;
      } else return;
      for (const method of spec.mapping.methods) out.push({ ...routeBase(a, spec), method, path: rest, router });
    });
  }

  if (!a.cls.isAbstract) {
    if (a.framework === 'jaxrs') {
      // Root resources: @Path on the class, or (implementations of annotated interfaces) inherited from a supertype.
      if (a.hasClassPath || a.supertypes.length > 0) {
        out.push(...jaxrsAnchorChain(file.packageName, classLoc));
        for (const classPath of a.classPaths) push(mountFact('jaxrs', jaxrsAnchor(file.packageName), self, classPath, classLoc));
      }
    } else {
      const parents = a.classComposed.length > 0
        ? a.classComposed.flatMap((ann) => typeRefs(file, ann.name))
        : [classRef(file.packageName, [...a.cls.qualifiedPath, '$root'])];
      for (const parent of parents) {
        for (const classPath of a.classPaths) push(mountFact(a.framework, parent, self, classPath, classLoc));
      }
    }
  }
  for (const supertype of a.supertypes) {
    for (const child of typeRefs(file, supertype)) push(mountFact(a.framework, self, child, '', classLoc));
  }
  for (const locator of a.locators) {
    const at = loc(file.path, locator.method.node);
    for (const child of typeRefs(file, locator.returnType)) {
      for (const path of locator.paths) {
        const mount = mountFact(a.framework, self, child, path, at);
        push(mount && locator.middleware.length ? { ...mount, middleware: locator.middleware } : mount);
      }
    }
  }
  for (const use of a.composedUses) {
    for (const child of typeRefs(file, use.annotation.name)) push(mountFact(a.framework, self, child, use.prefix, loc(file.path, use.annotation.node)));
  }
  return out;
}

export function classFacts(a: ClassAnalysis): Fact[] {
  return isSelfContained(a) ? standaloneFacts(a) : routerFacts(a);
}
