// WEB-INF/web.xml: which URL prefix a JAX-RS application servlet is mapped to. A small reader for
// the <servlet> / <servlet-mapping> elements of a deployment descriptor (a config file, not code).

export interface JaxrsServletMapping {
  /** Package whose resources the servlet serves (the Application's package, or a scanned package). */
  packageName: string;
  /** URL pattern without its trailing '/*'. */
  prefix: string;
  line: number;
}

const CONTAINERS = [
  'org.glassfish.jersey.servlet.ServletContainer', 'com.sun.jersey.spi.container.servlet.ServletContainer',
  'org.jboss.resteasy.plugins.server.servlet.HttpServletDispatcher', 'org.apache.cxf.jaxrs.servlet.CXFNonSpringJaxrsServlet',
];
const APPLICATION_PARAMS = ['javax.ws.rs.Application', 'jakarta.ws.rs.Application'];
const PACKAGE_PARAMS = ['jersey.config.server.provider.packages', 'com.sun.jersey.config.property.packages'];

interface Block {
  body: string;
  offset: number;
}

function blocks(text: string, tag: string, from = 0, to = text.length): Block[] {
  const out: Block[] = [];
  const open = `<${tag}>`;
  const close = `</${tag}>`;
  let at = text.indexOf(open, from);
  while (at >= 0 && at < to) {
    const end = text.indexOf(close, at);
    if (end < 0 || end > to) break;
    out.push({ body: text.slice(at + open.length, end), offset: at + open.length });
    at = text.indexOf(open, end);
  }
  return out;
}

function tagValues(block: Block, tag: string): { value: string; offset: number }[] {
  return blocks(block.body, tag).map((b) => ({ value: b.body.trim(), offset: block.offset + b.offset }));
}

const packageOf = (fqn: string) => fqn.slice(0, Math.max(0, fqn.lastIndexOf('.')));

function servletPackages(servlet: Block): string[] {
  const cls = tagValues(servlet, 'servlet-class')[0]?.value ?? '';
  const params = new Map<string, string>();
  for (const param of blocks(servlet.body, 'init-param')) {
    const name = tagValues({ body: param.body, offset: 0 }, 'param-name')[0]?.value;
    const value = tagValues({ body: param.body, offset: 0 }, 'param-value')[0]?.value;
    if (name && value) params.set(name, value);
  }
  for (const name of APPLICATION_PARAMS) {
    const app = params.get(name);
    if (app) return [packageOf(app)];
  }
  for (const name of PACKAGE_PARAMS) {
    const list = params.get(name);
    if (list) return list.split(/[\s,;]+/).filter(Boolean);
  }
  if (cls && !CONTAINERS.includes(cls) && /Application$/.test(cls)) return [packageOf(cls)];
  return [];
}

export function readWebXml(text: string): JaxrsServletMapping[] {
  const packagesByServlet = new Map<string, string[]>();
  for (const servlet of blocks(text, 'servlet')) {
    const name = tagValues(servlet, 'servlet-name')[0]?.value;
    const packages = servletPackages(servlet);
    if (name && packages.length) packagesByServlet.set(name, packages);
  }
  const out: JaxrsServletMapping[] = [];
  for (const mapping of blocks(text, 'servlet-mapping')) {
    const name = tagValues(mapping, 'servlet-name')[0]?.value;
    const packages = name ? packagesByServlet.get(name) : undefined;
    const pattern = tagValues(mapping, 'url-pattern')[0];
    if (!packages || !pattern || !pattern.value.startsWith('/')) continue;
    const prefix = pattern.value.replace(/\/\*$/, '');
    const line = text.slice(0, pattern.offset).split('\n').length;
    for (const packageName of packages) out.push({ packageName, prefix, line });
  }
  return out;
}
