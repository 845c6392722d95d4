// Symfony controllers: #[Route] attributes and @Route docblock annotations on controller methods,
// joined with the class-level #[Route] prefix; FOSRest #[Rest\Get] style verbs; Sensio @Method;
// #[IsGranted] / @Security as auth; Nelmio / swagger-php #[OA\Tag] as OpenAPI tags.
import type { Fact, HttpMethod, MiddlewareRef, RouteFact } from '../../core/facts.js';
import type { Location } from '../../core/types.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, namedChildren, treeOf, walk, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { arrayEntries, attributesOf, classConstant, docCommentOf, stringValue, type CallArgs } from './ast.js';
import { annotationStrings, parseDocAnnotations, type AnnotationValue, type DocAnnotation } from './doc-annotations.js';
import { isPhpTestPath, toMethod } from './methods.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'symfony';
const VERB_NAMES = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'Head', 'Options']);

/** One route declaration read from an attribute or an annotation. */
interface RouteDecl {
  paths: string[];
  methods: HttpMethod[];
  location: Location;
}

interface Marks {
  routes: RouteDecl[];
  /** Sensio @Method / #[Method]: methods for the routes of the same declaration. */
  extraMethods: HttpMethod[];
  auth: MiddlewareRef[];
  tags: string[];
}

/** `{id<\d+>?1}` -> `{id}`; keeps everything else. */
export function cleanSymfonyPath(path: string): string {
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const c = path[i]!;
    if (c !== '{') {
      out += c;
      continue;
    }
    let j = i + 1;
    if (path[j] === '!') j++;
    let name = '';
    while (j < path.length && /[A-Za-z0-9_]/.test(path[j]!)) name += path[j++]!;
    let depth = 1;
    let k = i + 1;
    while (k < path.length && depth > 0) {
      if (path[k] === '{') depth++;
      else if (path[k] === '}') depth--;
      if (depth > 0) k++;
    }
    if (!name || k >= path.length) {
      out += c;
      continue;
    }
    out += `{${name}}`;
    i = k;
  }
  return out;
}

function methodsOf(values: string[]): HttpMethod[] {
  const out: HttpMethod[] = [];
  for (const value of values.flatMap((v) => v.split(/[|,]/))) {
    const name = value.includes('::') ? value.slice(value.lastIndexOf('::') + 2) : value;
    const method = toMethod(name);
    if (method && !out.includes(method)) out.push(method);
  }
  return out;
}

// ---------------------------------------------------------------- attributes

function attrStrings(node: Node | undefined): string[] {
  if (!node) return [];
  const s = stringValue(node);
  if (s !== undefined) return [s];
  const constant = classConstant(node);
  if (constant) return [`${constant[0]}::${constant[1]}`];
  const entries = arrayEntries(node);
  return entries ? entries.flatMap((e) => attrStrings(e.value)) : [];
}

function attrRoute(args: CallArgs, location: Location, verb?: HttpMethod): RouteDecl {
  const pathNode = args.named.get('path') ?? args.positional[0];
  const paths = attrStrings(pathNode);
  const methods = verb ? [verb] : methodsOf(attrStrings(args.named.get('methods') ?? args.positional[6]));
  return { paths, methods, location };
}

function isRestAttr(fullName: string): boolean {
  return /(^|\\)(Rest|FOSRest|Annotations)\\/.test(fullName) || fullName.startsWith('FOS\\');
}

function marksFromAttributes(decl: Node, file: ParsedFile, marks: Marks): void {
  for (const attr of attributesOf(decl)) {
    const location = loc(file.path, attr.node);
    if (attr.name === 'Route' && !/Spatie/.test(attr.fullName)) marks.routes.push(attrRoute(attr.args, location));
    else if (VERB_NAMES.has(attr.name) && isRestAttr(attr.fullName)) marks.routes.push(attrRoute(attr.args, location, toMethod(attr.name)));
    else if (attr.name === 'Method') marks.extraMethods.push(...methodsOf(attrStrings(attr.args.positional[0] ?? attr.args.named.get('methods'))));
    else if (attr.name === 'IsGranted' || attr.name === 'Security') {
      const expr = attrStrings(attr.args.positional[0]).join(' ');
      if (!/PUBLIC_ACCESS|IS_AUTHENTICATED_ANONYMOUSLY/.test(expr)) marks.auth.push({ name: attr.name, role: 'auth', location });
    } else if (attr.name === 'Tag' && /^(OA|OpenApi|Nelmio)/.test(attr.fullName)) {
      const name = stringValue(attr.args.named.get('name') ?? attr.args.positional[0]);
      if (name) marks.tags.push(name);
    } else if (/^(OA|OpenApi)\\(Get|Post|Put|Patch|Delete)$/.test(attr.fullName)) {
      marks.tags.push(...attrStrings(attr.args.named.get('tags')));
    }
  }
}

// ---------------------------------------------------------------- docblock annotations

function annotationRoute(a: DocAnnotation, base: Location, verb?: HttpMethod): RouteDecl {
  const line = base.startLine + a.line;
  const location: Location = { file: base.file, startLine: line, startColumn: 1, endLine: line, endColumn: 1 };
  const paths = annotationStrings(a.named.get('path') ?? a.named.get('value') ?? a.positional[0]);
  const methods = verb ? [verb] : methodsOf(annotationStrings(a.named.get('methods')));
  return { paths, methods, location };
}

function stringOf(value: AnnotationValue | undefined): string | undefined {
  return value && (value.kind === 'string' || value.kind === 'word') ? value.value : undefined;
}

function marksFromDocblock(decl: Node, file: ParsedFile, marks: Marks): void {
  const comment = docCommentOf(decl);
  if (!comment) return;
  const base = loc(file.path, comment);
  for (const a of parseDocAnnotations(comment.text)) {
    const short = a.name.slice(a.name.lastIndexOf('\\') + 1);
    if (short === 'Route') marks.routes.push(annotationRoute(a, base));
    else if (VERB_NAMES.has(short) && a.name.includes('\\')) marks.routes.push(annotationRoute(a, base, toMethod(short)));
    else if (short === 'Method') marks.extraMethods.push(...methodsOf(annotationStrings(a.named.get('methods') ?? a.positional[0])));
    else if (short === 'IsGranted' || short === 'Security') {
      const expr = annotationStrings(a.positional[0]).join(' ');
      if (!/PUBLIC_ACCESS|IS_AUTHENTICATED_ANONYMOUSLY/.test(expr)) {
        marks.auth.push({ name: short, role: 'auth', location: { ...base, startLine: base.startLine + a.line, endLine: base.startLine + a.line } });
      }
    } else if (short === 'Tag' && /^(OA|SWG|OpenApi)\\/.test(a.name)) {
      const name = stringOf(a.named.get('name') ?? a.positional[0]);
      if (name) marks.tags.push(name);
    } else if (/^(OA|SWG)\\(Get|Post|Put|Patch|Delete)$/.test(a.name)) {
      marks.tags.push(...annotationStrings(a.named.get('tags')));
    }
  }
}

function marksOf(decl: Node, file: ParsedFile): Marks {
  const marks: Marks = { routes: [], extraMethods: [], auth: [], tags: [] };
  marksFromAttributes(decl, file, marks);
  marksFromDocblock(decl, file, marks);
  return marks;
}

// ---------------------------------------------------------------- classes

function isPublicMethod(method: Node): boolean {
  const visibility = namedChildren(method).find((c) => c.type === 'visibility_modifier');
  return !visibility || visibility.text === 'public';
}

function classRoutes(cls: Node, file: ParsedFile, facts: Fact[]): void {
  const className = fieldOf(cls, 'name')?.text ?? '';
  const classMarks = marksOf(cls, file);
  const prefixes = classMarks.routes.length > 0
    ? classMarks.routes.flatMap((r) => (r.paths.length > 0 ? r.paths : ['']).map((p) => ({ path: p, methods: r.methods })))
    : [{ path: '', methods: [] as HttpMethod[] }];
  const body = fieldOf(cls, 'body');
  for (const method of namedChildren(body)) {
    if (method.type !== 'method_declaration' || !isPublicMethod(method)) continue;
    const name = fieldOf(method, 'name');
    const marks = marksOf(method, file);
    let decls = marks.routes;
    // An invokable controller is routed by its class-level #[Route].
    if (decls.length === 0 && name?.text === '__invoke' && classMarks.routes.length > 0) {
      decls = [{ paths: [''], methods: [], location: classMarks.routes[0]!.location }];
    }
    for (const decl of decls) {
      for (const prefix of prefixes) {
        const methods = decl.methods.length > 0 ? decl.methods
          : marks.extraMethods.length > 0 ? marks.extraMethods
            : prefix.methods.length > 0 ? prefix.methods : (['ANY'] as HttpMethod[]);
        for (const path of decl.paths.length > 0 ? decl.paths : ['']) {
          const full = cleanSymfonyPath(`${prefix.path}${path}`) || '/';
          for (const m of methods) {
            const fact: RouteFact = {
              kind: 'route', framework: FRAMEWORK, method: m, path: full.startsWith('/') ? full : `/${full}`,
              location: decl.location,
              handler: { name: `${className}::${name?.text ?? '?'}`, ...(name ? { location: loc(file.path, name) } : {}) },
            };
            const auth = [...classMarks.auth, ...marks.auth];
            if (auth.length > 0) fact.middleware = auth;
            const tags = [...new Set([...classMarks.tags, ...marks.tags])];
            if (tags.length > 0) fact.openapiTags = tags;
            facts.push(fact);
          }
        }
      }
    }
  }
}

function importsSymfonyRouting(text: string): boolean {
  return text.includes('Symfony\\Component\\Routing') || text.includes('FrameworkExtraBundle')
    || text.includes('FOS\\RestBundle');
}

export const symfonyRoutes: Extractor = {
  id: 'symfony/routes',
  languages: ['php'],
  keywords: ['Symfony\\Component\\Routing', 'FrameworkExtraBundle', 'FOS\\RestBundle'],
  extract(file) {
    const tree = treeOf(file);
    if (!tree || isPhpTestPath(file.path) || !importsSymfonyRouting(file.text)) return [];
    const facts: Fact[] = [];
    walk(tree.rootNode, (node) => {
      if (node.type === 'class_declaration') {
        const abstract = namedChildren(node).some((c) => c.type === 'abstract_modifier');
        if (!abstract) classRoutes(node, file, facts);
        return false;
      }
      return undefined;
    });
    return facts;
  },
};
