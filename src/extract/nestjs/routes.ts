// NestJS controllers: `@Controller('prefix' | ['a', 'b'] | { path, version })` classes and their
// `@Get/@Post/.../@All/@Sse(path?)` methods -> fully resolved route facts (no router). Also
// `@Version`, `@UseGuards` (auth middleware), `@Public()`-style opt-outs, `@ApiTags`, and
// `app.setGlobalPrefix('api', { exclude })` / `NestFactory.create` in the bootstrap file.
import type * as t from '@babel/types';
import type { Fact, HttpMethod, MiddlewareRef, RouteFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, memberPath, walk, type Node } from '../javascript/ast.js';
import { middlewareRef } from '../javascript/middleware-roles.js';
import { analyzeBindings, requireSource, unwrap, type Bindings, type ScopeOwner } from '../express/bindings.js';
import { staticDirOf, staticMiddlewareDir, staticMountFact, type StaticContext } from '../express/static-mounts.js';
import { ConstantFolder } from '../express/constants.js';
import { isTestFile, QUERY_METHOD } from '../express/frameworks.js';
import type { Extractor } from '../types.js';

const METHOD_DECORATORS: Record<string, HttpMethod> = {
  Get: 'GET', Post: 'POST', Put: 'PUT', Patch: 'PATCH', Delete: 'DELETE', Options: 'OPTIONS', Head: 'HEAD',
  All: 'ANY', Sse: 'GET', QueryMethod: QUERY_METHOD,
};
const PUBLIC_DECORATORS = /^(Public|IsPublic|SkipAuth|AllowAnonymous|Anonymous|NoAuth|PublicRoute|Unprotected|SkipJwt)$/;
const NEUTRAL = 'VERSION_NEUTRAL';

interface Decorator { name: string; args: Node[]; node: t.Decorator }

function decoratorsOf(node: { decorators?: t.Decorator[] | null }): Decorator[] {
  const out: Decorator[] = [];
  for (const d of node.decorators ?? []) {
    const expr = unwrap(d.expression as Node);
    if (expr?.type === 'CallExpression') {
      const name = memberPath(expr.callee as Node)?.pop();
      if (name) out.push({ name, args: expr.arguments as Node[], node: d });
    } else if (expr) {
      const name = memberPath(expr)?.pop();
      if (name) out.push({ name, args: [], node: d });
    }
  }
  return out;
}

function join(...parts: string[]): string {
  const segments = parts.flatMap((p) => p.split('/')).filter((s) => s !== '');
  return `/${segments.join('/')}`;
}

class NestScan {
  readonly facts: Fact[] = [];
  private readonly folder: ConstantFolder;
  private readonly scope: ScopeOwner[];

  private readonly bindings: Bindings;

  constructor(private readonly file: ParsedFile, private readonly program: t.Program) {
    this.bindings = analyzeBindings(program);
    this.folder = new ConstantFolder(this.bindings);
    this.scope = [program];
  }

  private get staticContext(): StaticContext {
    return {
      string: (node) => this.folder.string(node, this.scope),
      moduleOf: (name) => {
        const b = this.bindings.lookup(name, this.scope);
        if (b?.kind === 'import') return b.source;
        if (b?.kind === 'var') return requireSource(unwrap(b.init));
        return undefined;
      },
    };
  }

  /**
   * Static files served beside the controllers (not under setGlobalPrefix): `app.use('/static', express.static('public'))`,
   * `app.useStaticAssets(join(__dirname, '..', 'public'), { prefix: '/static/' })`,
   * `ServeStaticModule.forRoot({ rootPath: join(__dirname, '..', 'client'), serveRoot: '/app' }, ...)`.
   */
  private staticCall(call: t.CallExpression, path: string[]): void {
    const last = path[path.length - 1];
    const args = call.arguments as Node[];
    const ctx = this.staticContext;
    const push = (prefix: string, dirNode: Node | undefined) => {
      const dir = staticDirOf(dirNode, ctx);
      if (dir) this.facts.push(staticMountFact(this.file.path, 'nestjs', undefined, prefix, dir, call));
    };
    if (last === 'use' && path.length === 2) {
      const prefix = args.length >= 2 ? this.folder.string(args[0], this.scope) : '';
      if (prefix === undefined) return;
      for (const arg of args.slice(args.length >= 2 ? 1 : 0)) push(prefix, staticMiddlewareDir(arg, ctx));
    } else if (last === 'useStaticAssets' && path.length === 2) {
      const options = args[1] ? this.folder.resolveNode(args[1], this.scope, 0) : undefined;
      const prefixNode = options?.type === 'ObjectExpression' ? objectValue(options, 'prefix') : undefined;
      const prefix = prefixNode ? this.folder.string(prefixNode, this.scope) : '';
      if (prefix !== undefined) push(prefix, args[0]);
    } else if (last === 'forRoot' && path.length === 2 && path[0] === 'ServeStaticModule') {
      for (const arg of args) {
        const options = this.folder.resolveNode(arg, this.scope, 0);
        if (options?.type !== 'ObjectExpression') continue;
        const serveRootNode = objectValue(options, 'serveRoot');
        const serveRoot = serveRootNode ? this.folder.string(serveRootNode, this.scope) : '';
        if (serveRoot !== undefined) push(serveRoot, objectValue(options, 'rootPath'));
      }
    }
  }

  run(): Fact[] {
    walk(this.program, (node) => {
      if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') this.controller(node);
      else if (node.type === 'CallExpression') this.bootstrapCall(node);
      return undefined;
    });
    return this.facts;
  }

  /** Strings of a decorator argument; an unresolvable expression becomes a visible placeholder. */
  private strings(node: Node | undefined): string[] {
    if (!node) return [''];
    const values = this.folder.strings(node, this.scope);
    if (values) return values;
    const path = memberPath(unwrap(node));
    return [`{${path ? path.join('.') : 'unresolved'}}`];
  }

  private versions(node: Node | undefined): (string | undefined)[] | undefined {
    if (!node) return undefined;
    const n = unwrap(node);
    const path = n ? memberPath(n) : undefined;
    if (path && path[path.length - 1] === NEUTRAL) return [undefined];
    const values = this.folder.strings(node, this.scope);
    if (!values) return undefined;
    return values.map((v) => (v === NEUTRAL ? undefined : v));
  }

  private controller(cls: t.ClassDeclaration | t.ClassExpression): void {
    const decorators = decoratorsOf(cls);
    const controller = decorators.find((d) => d.name === 'Controller');
    if (!controller) return;
    let prefixes = [''];
    let classVersions: (string | undefined)[] | undefined;
    let prefixNode: Node | undefined;
    const arg = unwrap(controller.args[0]);
    const options = arg ? this.folder.resolveNode(arg, this.scope, 0) : undefined;
    if (options?.type === 'ObjectExpression') {
      prefixNode = objectValue(options, 'path');
      classVersions = this.versions(objectValue(options, 'version'));
    } else {
      prefixNode = arg;
    }
    // A prefix named by a constant of another file (`@Controller(RouteKey.User)`): mounted by reference.
    const className = cls.id?.name;
    const prefixRef = prefixNode && !this.folder.strings(prefixNode, this.scope) ? memberPath(unwrap(prefixNode)) : undefined;
    if (prefixNode && !(prefixRef && className)) prefixes = this.strings(prefixNode);
    const versionDecorator = decorators.find((d) => d.name === 'Version');
    if (versionDecorator) classVersions = this.versions(versionDecorator.args[0]) ?? classVersions;
    const classGuards = this.guards(decorators);
    const classPublic = decorators.some((d) => PUBLIC_DECORATORS.test(d.name));
    const classTags = this.tags(decorators);

    for (const member of cls.body.body) {
      if (member.type !== 'ClassMethod' || member.key.type !== 'Identifier') continue;
      const methodDecorators = decoratorsOf(member);
      const routeDecorators = methodDecorators.filter((d) => METHOD_DECORATORS[d.name] !== undefined);
      if (routeDecorators.length === 0) continue;
      const methodVersionDecorator = methodDecorators.find((d) => d.name === 'Version');
      const versions = (methodVersionDecorator ? this.versions(methodVersionDecorator.args[0]) : undefined) ?? classVersions ?? [undefined];
      const isPublic = classPublic || methodDecorators.some((d) => PUBLIC_DECORATORS.test(d.name));
      let middleware: MiddlewareRef[] = [...classGuards, ...this.guards(methodDecorators)];
      if (isPublic) {
        const marker = [...decorators, ...methodDecorators].find((d) => PUBLIC_DECORATORS.test(d.name))!;
        middleware = [...middleware.filter((m) => m.role !== 'auth' && m.role !== 'optional-auth'), { name: marker.name, role: 'public' }];
      }
      const tags = [...new Set([...classTags, ...this.tags(methodDecorators)])];
      const handlerName = member.key.name;
      if (prefixRef && className) {
        for (const version of versions) this.mountByReference(controller.node, className, prefixRef, version);
      }
      for (const decorator of routeDecorators) {
        const method = METHOD_DECORATORS[decorator.name]!;
        const paths = decorator.args.length > 0 ? this.strings(decorator.args[0]) : [''];
        const seen = new Set<string>();
        for (const version of versions) {
          for (const prefix of prefixes) {
            for (const path of paths) {
              const full = prefixRef && className ? join(path) : join(version ? `v${version}` : '', prefix, path);
              if (seen.has(full)) continue;
              seen.add(full);
              const fact: RouteFact = {
                kind: 'route', framework: 'nestjs', method, path: full,
                ...(prefixRef && className ? { router: { file: this.file.path, path: [className] } } : {}),
                location: loc(this.file.path, decorator.node),
                handler: { name: handlerName, location: loc(this.file.path, member.key) },
                ...(middleware.length > 0 ? { middleware } : {}),
                ...(tags.length > 0 ? { openapiTags: tags } : {}),
              };
              this.facts.push(fact);
            }
          }
        }
      }
    }
  }

  private readonly mounted = new Set<string>();

  /**
   * The controller as a router mounted under a synthetic root (`__nest_controllers`, or
   * `__nest_v1` carrying the version segment) at the prefix the constant `prefixRef` names.
   */
  private mountByReference(at: Node, className: string, prefixRef: string[], version: string | undefined): void {
    const parent = version ? `__nest_v${version}` : '__nest_controllers';
    const key = `${parent}>${className}`;
    if (this.mounted.has(key)) return;
    this.mounted.add(key);
    const file = this.file.path;
    const location = loc(file, at);
    if (!this.mounted.has(className)) {
      this.mounted.add(className);
      this.facts.push({ kind: 'router', framework: 'nestjs', ref: { file, path: [className] }, location });
    }
    if (version && !this.mounted.has(parent)) {
      this.mounted.add(parent);
      this.facts.push({ kind: 'router', framework: 'nestjs', ref: { file, path: [parent] }, prefix: `/v${version}`, location });
    }
    this.facts.push({
      kind: 'mount', framework: 'nestjs', parent: { file, path: [parent] }, child: { file, path: [className] },
      prefix: `/{${prefixRef.join('.')}}`, prefixRef: { file, path: prefixRef }, location,
    });
  }

  private guards(decorators: Decorator[]): MiddlewareRef[] {
    const out: MiddlewareRef[] = [];
    for (const d of decorators) {
      if (d.name !== 'UseGuards') continue;
      for (const arg of d.args) {
        const n = unwrap(arg);
        if (!n) continue;
        const target = n.type === 'CallExpression' || n.type === 'NewExpression' ? unwrap(n.callee as Node) : n;
        const name = target ? memberPath(target)?.join('.') : undefined;
        if (!name) continue;
        const ref = middlewareRef(name, loc(this.file.path, n));
        // Any guard named like an auth or JWT guard gates access.
        if (ref.role === 'other' && /auth|jwt|guard/i.test(name)) ref.role = 'auth';
        out.push(ref);
      }
    }
    return out;
  }

  private tags(decorators: Decorator[]): string[] {
    const out: string[] = [];
    for (const d of decorators) {
      if (d.name !== 'ApiTags') continue;
      for (const arg of d.args) out.push(...(this.folder.strings(arg, this.scope) ?? []));
    }
    return out;
  }

  private bootstrapCall(call: t.CallExpression): void {
    const callee = unwrap(call.callee as Node);
    const path = callee ? memberPath(callee) : undefined;
    if (!path) return;
    const last = path[path.length - 1];
    // app.use / useStaticAssets on the application of a bootstrap file; ServeStaticModule anywhere.
    if (((last === 'use' || last === 'useStaticAssets') && this.file.text.includes('NestFactory')) || last === 'forRoot') this.staticCall(call, path);
    if (path.length >= 2 && path[path.length - 2] === 'NestFactory' && (last === 'create' || last === 'createMicroservice')) {
      if (last === 'create') this.facts.push({ kind: 'service-entry', framework: 'nestjs', location: loc(this.file.path, call) });
      return;
    }
    if (last !== 'setGlobalPrefix' || path.length < 2) return;
    const prefix = this.folder.string(call.arguments[0] as Node, this.scope);
    if (prefix === undefined) return;
    const exclude: string[] = [];
    const options = this.folder.resolveNode(call.arguments[1] as Node, this.scope, 0);
    const list = options?.type === 'ObjectExpression' ? this.folder.resolveNode(objectValue(options, 'exclude'), this.scope, 0) : undefined;
    if (list?.type === 'ArrayExpression') {
      for (const el of list.elements) {
        if (!el || el.type === 'SpreadElement') continue;
        const obj = this.folder.resolveNode(el as Node, this.scope, 0);
        const value = obj?.type === 'ObjectExpression' ? this.folder.string(objectValue(obj, 'path'), this.scope) : this.folder.string(el as Node, this.scope);
        if (value !== undefined) exclude.push(value);
      }
    }
    this.facts.push({
      kind: 'global-prefix', framework: 'nestjs', prefix, location: loc(this.file.path, call),
      ...(exclude.length > 0 ? { exclude } : {}),
    });
  }
}

function objectValue(obj: t.ObjectExpression, key: string): Node | undefined {
  for (const prop of obj.properties) {
    if (prop.type !== 'ObjectProperty' || prop.computed) continue;
    const k = prop.key.type === 'Identifier' ? prop.key.name : prop.key.type === 'StringLiteral' ? prop.key.value : undefined;
    if (k === key) return prop.value as Node;
  }
  return undefined;
}

export const nestjsRoutes: Extractor = {
  id: 'nestjs/routes',
  languages: ['javascript', 'typescript'],
  keywords: ['@Controller', 'setGlobalPrefix', 'NestFactory', 'ServeStaticModule'],
  extract: (file) => (file.tree.kind !== 'babel' || isTestFile(file.path) ? [] : new NestScan(file, file.tree.ast.program).run()),
};
