// Servlet API endpoints:
// - JSP pages: a .jsp file outside WEB-INF / META-INF is served with GET at its path below the web
//   root (src/main/webapp/, or an Eclipse / NetBeans web root WebContent/, WebRoot/, webapp/, web/;
//   else the repository path, unless it sits under src/ as a view template);
// - @WebServlet("/x") / @WebServlet(urlPatterns = {...}) on an HttpServlet subclass: one route per
//   pattern and overridden doGet / doPost / ... method (service() -> ANY);
// - web.xml <servlet-mapping>: a <jsp-file> servlet answers GET; a <servlet-class> servlet is a route
//   placeholder whose methods come from the class (a `view` fact emitted by the servlet's own file,
//   keyed { file: 'servlet:<module dir><package>', path: [<Class>] }); servlets of web frameworks
//   (JAX-RS containers, Spring's DispatcherServlet, ...) are left to those frameworks' extractors.
import type { Fact, HttpMethod, MiddlewareRef, RefExpr } from '../../core/facts.js';
import { locationOfLine } from '../../languages/location.js';
import { loc } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import type { JvmClass, JvmFile } from './jvm-source.js';
import { allClasses, annotationArg, findAnnotation } from './jvm-source.js';
import { isTestSource, outlineOf } from './outline.js';
import { classChain, enumNames, evalStrings } from './values.js';
import { childText, descendantsNamed, parseXml, type XmlElement } from './xml.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const WEB_ROOTS = ['WebContent/', 'WebRoot/', 'webapp/', 'web/'];

function segmentIndex(path: string, segment: string): number {
  if (path.startsWith(segment)) return 0;
  const at = path.lastIndexOf(`/${segment}`);
  return at < 0 ? -1 : at + 1;
}

/** The module a web file belongs to ('svc/' for svc/src/main/..., svc/WEB-INF/..., svc/src/...). */
export function webModuleDir(path: string): string {
  const main = path.indexOf('src/main/');
  if (main >= 0 && (main === 0 || path[main - 1] === '/')) return path.slice(0, main);
  const webInf = segmentIndex(path, 'WEB-INF/');
  if (webInf >= 0) {
    let dir = path.slice(0, webInf);
    for (const root of WEB_ROOTS) if (dir === root || dir.endsWith(`/${root}`)) dir = dir.slice(0, dir.length - root.length);
    return dir;
  }
  const src = segmentIndex(path, 'src/');
  return src >= 0 ? path.slice(0, src) : '';
}

/** The request path of a JSP page, or undefined when it is not directly reachable. */
export function jspRequestPath(path: string): string | undefined {
  if (!path.endsWith('.jsp') || /(^|\/)(WEB-INF|META-INF)\//.test(path) || /(^|\/)src\/test\//.test(path)) return undefined;
  const webapp = path.indexOf('src/main/webapp/');
  if (webapp >= 0) return `/${path.slice(webapp + 'src/main/webapp/'.length)}`;
  let best = -1;
  let bestLength = 0;
  for (const root of WEB_ROOTS) {
    const at = segmentIndex(path, root);
    if (at > best) {
      best = at;
      bestLength = root.length;
    }
  }
  if (best >= 0) return `/${path.slice(best + bestLength)}`;
  // Outside a web root, pages under src/ (e.g. Spring Boot view templates in src/main/resources) are
  // rendered by controllers, not served at their own path.
  if (segmentIndex(path, 'src/') >= 0) return undefined;
  return `/${path}`;
}

const CONTEXT_PATH = ['${pageContext.request.contextPath}', '<%= request.getContextPath() %>', '<%=request.getContextPath()%>'];
const FORM_METHODS = new Set<HttpMethod>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * `<form action="/login" method="post">` in a page: the application's own endpoint the page submits to
 * (an absolute path, optionally after the context path). External URLs, relative and dynamic actions are skipped.
 */
function formTargets(path: string, text: string, page: string): Fact[] {
  const out: Fact[] = [];
  const seen = new Set<string>();
  for (const form of descendantsNamed(parseXml(text), 'form')) {
    let action = form.attrs.get('action')?.trim();
    if (!action) continue;
    for (const prefix of CONTEXT_PATH) if (action.startsWith(prefix)) action = action.slice(prefix.length);
    if (!action.startsWith('/') || action.startsWith('//') || /[$<%{?#]/.test(action)) continue;
    const method = (form.attrs.get('method') ?? 'GET').toUpperCase() as HttpMethod;
    if (!FORM_METHODS.has(method) || seen.has(`${method} ${action}`)) continue;
    seen.add(`${method} ${action}`);
    out.push({ kind: 'route', framework: 'jsp', method, path: action, location: locationOfLine(path, text, form.line), handler: { name: `${page} form` } });
  }
  return out;
}

export const jspPages: Extractor = {
  id: 'jvm/jsp-pages',
  languages: ['text'],
  extract(file) {
    const path = jspRequestPath(file.path);
    if (!path) return [];
    const page = file.path.slice(file.path.lastIndexOf('/') + 1);
    const facts: Fact[] = [{ kind: 'route', framework: 'jsp', method: 'GET', path, location: locationOfLine(file.path, file.text, 1), handler: { name: page } }];
    if (file.text.includes('<form')) facts.push(...formTargets(file.path, file.text, page));
    return facts;
  },
};

const servletRef = (moduleDir: string, pkg: string, cls: string): RefExpr => ({ file: `servlet:${moduleDir}${pkg}`, path: [cls] });

const DO_METHODS: Record<string, HttpMethod> = {
  doGet: 'GET', doPost: 'POST', doPut: 'PUT', doDelete: 'DELETE', doHead: 'HEAD', doOptions: 'OPTIONS', doTrace: 'TRACE', doPatch: 'PATCH',
};
const SERVLET_BASES = new Set(['HttpServlet']);

function servletMethods(cls: JvmClass): { method: HttpMethod; name: string; node: JvmClass['methods'][number]['node'] }[] {
  const out: { method: HttpMethod; name: string; node: JvmClass['methods'][number]['node'] }[] = [];
  for (const m of cls.methods) {
    const verb = DO_METHODS[m.name] ?? (m.name === 'service' ? 'ANY' : undefined);
    if (verb && !out.some((o) => o.method === verb)) out.push({ method: verb, name: m.name, node: m.node });
  }
  return out.some((o) => o.method === 'ANY') ? out.filter((o) => o.method === 'ANY') : out;
}

/** `@ServletSecurity(@HttpConstraint(rolesAllowed = "admin"))` on a servlet: every method needs those roles. */
function servletSecurity(file: JvmFile, cls: JvmClass): MiddlewareRef[] {
  const annotation = findAnnotation(cls.annotations, 'ServletSecurity');
  if (!annotation) return [];
  const value = annotationArg(annotation, 'value');
  const constraint = value?.kind === 'annotation' ? value.annotation : undefined;
  if (!constraint) return [];
  const scope = { file, classes: classChain(file, cls) };
  const roles = evalStrings(annotationArg(constraint, 'rolesAllowed'), scope).flatMap((v) => (v.kind === 'literal' ? [v.text] : []));
  const denied = enumNames(annotationArg(constraint, 'value')).includes('DENY');
  if (roles.length === 0 && !denied) return [];
  return [{ name: roles.length ? `@ServletSecurity(rolesAllowed=${roles.join(',')})` : '@ServletSecurity(DENY)', role: 'auth', location: loc(file.path, annotation.node) }];
}

function servletClassFacts(file: JvmFile, cls: JvmClass): Fact[] {
  if (cls.kind !== 'class' || cls.isAbstract || cls.qualifiedPath.length !== 1) return [];
  if (!cls.supertypes.some((s) => SERVLET_BASES.has(s.slice(s.lastIndexOf('.') + 1)))) return [];
  const methods = servletMethods(cls);
  if (methods.length === 0) return [];
  const facts: Fact[] = [];
  const nameNode = fieldOf(cls.node, 'name') ?? cls.node;
  const middleware = servletSecurity(file, cls);
  const handler = (m: (typeof methods)[number]) => ({ name: `${cls.name}.${m.name}`, location: loc(file.path, fieldOf(m.node, 'name') ?? m.node) });
  facts.push({
    kind: 'view', framework: 'servlet', ref: servletRef(webModuleDir(file.path), file.packageName, cls.name), location: loc(file.path, nameNode),
    routes: methods.map((m) => ({ method: m.method, path: '', handler: handler(m) })),
    ...(middleware.length ? { middleware } : {}),
  });
  const annotation = findAnnotation(cls.annotations, 'WebServlet');
  if (annotation) {
    const scope = { file, classes: classChain(file, cls) };
    const patterns = [...evalStrings(annotationArg(annotation, 'value'), scope), ...evalStrings(annotationArg(annotation, 'urlPatterns'), scope)];
    for (const pattern of patterns) {
      if (pattern.kind !== 'literal' || !pattern.text) continue;
      for (const m of methods) {
        facts.push({
          kind: 'route', framework: 'servlet', method: m.method, path: pattern.text, location: loc(file.path, annotation.node), handler: handler(m),
          ...(middleware.length ? { middleware } : {}),
        });
      }
    }
  }
  return facts;
}

export const servletClasses: Extractor = {
  id: 'jvm/servlets',
  languages: ['java', 'kotlin'],
  keywords: ['HttpServlet'],
  extract(parsed) {
    if (isTestSource(parsed.path)) return [];
    const file = outlineOf(parsed);
    if (!file) return [];
    return allClasses(file).flatMap((cls) => servletClassFacts(file, cls));
  },
};

/** Servlet classes of web frameworks: their endpoints come from that framework's own declarations. */
const FRAMEWORK_SERVLETS = [
  'org.glassfish.', 'com.sun.', 'org.jboss.', 'org.apache.', 'org.springframework.', 'javax.', 'jakarta.', 'org.eclipse.',
  'com.vaadin.', 'io.swagger.', 'org.h2.', 'net.bull.', 'com.caucho.', 'org.primefaces.', 'io.undertow.', 'org.codehaus.',
  'com.google.', 'io.dropwizard.', 'org.mortbay.', 'net.sourceforge.', 'org.tuckey.', 'ro.isdc.', 'org.directwebremoting.',
];

const JAXRS_PARAMS = [
  'javax.ws.rs.Application', 'jakarta.ws.rs.Application', 'jersey.config.server.provider.packages', 'com.sun.jersey.config.property.packages',
];

interface SecurityConstraint {
  patterns: string[];
  /** Methods the constraint covers; empty = all. */
  methods: string[];
  omitted: string[];
  middleware: MiddlewareRef;
}

/** <security-constraint> elements with an <auth-constraint>: the URL patterns that require a login. */
function securityConstraints(path: string, text: string, doc: XmlElement): SecurityConstraint[] {
  const out: SecurityConstraint[] = [];
  for (const constraint of descendantsNamed(doc, 'security-constraint')) {
    const auth = descendantsNamed(constraint, 'auth-constraint')[0];
    if (!auth) continue;
    const roles = descendantsNamed(auth, 'role-name').map((r) => r.text.trim()).filter(Boolean);
    const location = locationOfLine(path, text, auth.line);
    const middleware: MiddlewareRef = { name: roles.length ? `web.xml auth-constraint(${roles.join(',')})` : 'web.xml auth-constraint (deny)', role: 'auth', location };
    for (const collection of descendantsNamed(constraint, 'web-resource-collection')) {
      out.push({
        patterns: descendantsNamed(collection, 'url-pattern').map((p) => p.text.trim()),
        methods: descendantsNamed(collection, 'http-method').map((p) => p.text.trim().toUpperCase()),
        omitted: descendantsNamed(collection, 'http-method-omission').map((p) => p.text.trim().toUpperCase()),
        middleware,
      });
    }
  }
  return out;
}

/** Servlet URL pattern matching (exact, '/prefix/*', '*.ext', '/'). */
export function servletPatternCovers(pattern: string, path: string): boolean {
  if (pattern === '/' || pattern === '/*') return true;
  if (pattern.endsWith('/*')) {
    const prefix = pattern.slice(0, -2);
    return path === prefix || path.startsWith(`${prefix}/`);
  }
  if (pattern.startsWith('*.')) return path.endsWith(pattern.slice(1));
  return pattern === path;
}

function constraintsFor(constraints: readonly SecurityConstraint[], path: string, method: string): MiddlewareRef[] {
  const out: MiddlewareRef[] = [];
  for (const c of constraints) {
    if (!c.patterns.some((p) => servletPatternCovers(p, path))) continue;
    // A placeholder for all of a servlet's methods only takes constraints that cover every method.
    if (method === 'ANY' ? c.methods.length > 0 || c.omitted.length > 0 : (c.methods.length > 0 && !c.methods.includes(method)) || c.omitted.includes(method)) continue;
    if (!out.includes(c.middleware)) out.push(c.middleware);
  }
  return out;
}

export function webXmlServletFacts(path: string, text: string): Fact[] {
  const doc = parseXml(text);
  const constraints = text.includes('<security-constraint') ? securityConstraints(path, text, doc) : [];
  const moduleDir = webModuleDir(path);
  const classes = new Map<string, string>();
  const jspServlets = new Set<string>();
  for (const servlet of descendantsNamed(doc, 'servlet')) {
    const name = childText(servlet, 'servlet-name');
    if (!name) continue;
    if (childText(servlet, 'jsp-file')) jspServlets.add(name);
    const cls = childText(servlet, 'servlet-class');
    // JAX-RS applications deployed as servlets are read by the JAX-RS extractors (web-xml.ts).
    const params = descendantsNamed(servlet, 'param-name').map((p) => p.text.trim());
    const isJaxrs = (cls !== undefined && /Application$/.test(cls)) || params.some((p) => JAXRS_PARAMS.includes(p));
    if (cls && !isJaxrs) classes.set(name, cls);
  }
  const facts: Fact[] = [];
  for (const mapping of descendantsNamed(doc, 'servlet-mapping')) {
    const name = childText(mapping, 'servlet-name');
    if (!name) continue;
    const cls = classes.get(name);
    const isJsp = jspServlets.has(name);
    if (!isJsp && (!cls || FRAMEWORK_SERVLETS.some((p) => cls.startsWith(p)) || cls.includes('$'))) continue;
    for (const pattern of descendantsNamed(mapping, 'url-pattern')) {
      const value = pattern.text.trim();
      if (!value.startsWith('/') && !value.startsWith('*.')) continue;
      const location = locationOfLine(path, text, pattern.line);
      const routePath = value.startsWith('*.') ? `/${value}` : value;
      if (isJsp) {
        const middleware = constraintsFor(constraints, value, 'GET');
        facts.push({ kind: 'route', framework: 'jsp', method: 'GET', path: routePath, location, handler: { name }, ...(middleware.length ? { middleware } : {}) });
        continue;
      }
      const dot = cls!.lastIndexOf('.');
      const ref = servletRef(moduleDir, cls!.slice(0, Math.max(0, dot)), cls!.slice(dot + 1));
      const middleware = constraintsFor(constraints, value, 'ANY');
      facts.push({
        kind: 'route', framework: 'servlet', method: 'ANY', path: routePath, location, handler: { name: cls! }, view: { ref, base: routePath },
        ...(middleware.length ? { middleware } : {}),
      });
    }
  }
  return facts;
}

export const webXmlServlets: Extractor = {
  id: 'jvm/web-xml-servlets',
  languages: ['text'],
  keywords: ['<servlet-mapping'],
  extract(file) {
    const base = file.path.slice(file.path.lastIndexOf('/') + 1);
    if (base !== 'web.xml' && base !== 'web-fragment.xml') return [];
    return webXmlServletFacts(file.path, file.text);
  },
};
