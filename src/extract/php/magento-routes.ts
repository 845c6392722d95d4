// Magento 2 endpoints:
// - etc/webapi.xml: `<route url="/V1/x/:id" method="GET">` at `/rest/V1/x/:id`; a resource other than
//   `anonymous` is an auth requirement (ACL resource, or `self` for the customer's token);
// - etc/frontend/routes.xml and etc/adminhtml/routes.xml: the frontName of each module's routes, as a
//   router fact on the module's opaque ref ('magento:<Vendor_Module>:<area>') carrying the prefix;
// - action controllers app/code/<Vendor>/<Module>/Controller/<Path>/<Action>.php (a class with a public
//   execute()): `/<path joined with '_', lower case>/<action>` registered on that router; methods from
//   the Http<Verb>ActionInterface the class implements (GET when none).
//   The admin area's own URL prefix is set per installation (env.php), so admin routes start at frontName.
import type { Fact, HttpMethod, RouteFact } from '../../core/facts.js';
import { locationOfLine } from '../../languages/location.js';
import type { ParsedFile } from '../../languages/types.js';
import { descendants, loc, namedChildren, treeOf } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { lastName } from './ast.js';
import { toMethod } from './methods.js';
import { parseXml, xmlElements } from './xml.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'magento';

function moduleRef(module: string, area: 'frontend' | 'adminhtml') {
  return { file: `magento:${module}:${area}`, path: ['routes'] };
}

function webapi(file: ParsedFile): Fact[] {
  const facts: Fact[] = [];
  for (const route of xmlElements(parseXml(file.text), 'route')) {
    const url = route.attrs.get('url');
    const method = toMethod(route.attrs.get('method') ?? '');
    if (!url || !method) continue;
    const location = locationOfLine(file.path, file.text, route.line);
    const fact: RouteFact = { kind: 'route', framework: FRAMEWORK, method, path: `/rest${url.startsWith('/') ? '' : '/'}${url}`, location };
    const service = xmlElements(route.children, 'service')[0];
    const cls = service?.attrs.get('class');
    if (cls) fact.handler = { name: `${cls.slice(cls.lastIndexOf('\\') + 1)}::${service!.attrs.get('method') ?? ''}` };
    const refs = xmlElements(route.children, 'resource').map((r) => r.attrs.get('ref') ?? '').filter(Boolean);
    if (refs.length > 0 && !refs.includes('anonymous')) {
      fact.middleware = [{ name: `resource: ${refs.join(', ')}`, role: 'auth', location }];
    }
    facts.push(fact);
  }
  return facts;
}

function routesXml(file: ParsedFile, area: 'frontend' | 'adminhtml'): Fact[] {
  const facts: Fact[] = [];
  for (const route of xmlElements(parseXml(file.text), 'route')) {
    const frontName = route.attrs.get('frontName');
    if (!frontName) continue;
    for (const module of xmlElements(route.children, 'module')) {
      const name = module.attrs.get('name');
      if (!name) continue;
      facts.push({
        kind: 'router', framework: FRAMEWORK, ref: moduleRef(name, area), prefix: `/${frontName}`,
        location: locationOfLine(file.path, file.text, route.line),
      });
    }
  }
  return facts;
}

const VERB_INTERFACES: Record<string, HttpMethod> = {
  HttpGetActionInterface: 'GET', HttpPostActionInterface: 'POST', HttpPutActionInterface: 'PUT',
  HttpPatchActionInterface: 'PATCH', HttpDeleteActionInterface: 'DELETE', HttpHeadActionInterface: 'HEAD',
  HttpOptionsActionInterface: 'OPTIONS',
};

interface ControllerPlace { vendor: string; module: string; dirs: string[]; action: string }

function controller(file: ParsedFile, place: ControllerPlace): Fact[] {
  const tree = treeOf(file);
  if (!tree) return [];
  const module = `${place.vendor}_${place.module}`;
  const dirs = [...place.dirs];
  const action = place.action;
  const area = dirs[0] === 'Adminhtml' ? 'adminhtml' : 'frontend';
  if (area === 'adminhtml') dirs.shift();
  if (dirs.length === 0) return [];
  const facts: Fact[] = [];
  for (const cls of descendants(tree.rootNode, ['class_declaration'])) {
    if (lastName(fieldOf(cls, 'name')) !== action) continue;
    if (namedChildren(cls).some((c) => c.type === 'abstract_modifier')) continue;
    const execute = descendants(cls, ['method_declaration']).find((m) => fieldOf(m, 'name')?.text === 'execute');
    if (!execute || namedChildren(execute).some((c) => c.type === 'visibility_modifier' && c.text !== 'public')) continue;
    const interfaces = namedChildren(cls).find((c) => c.type === 'class_interface_clause');
    const methods = [...new Set(namedChildren(interfaces).map((n) => VERB_INTERFACES[lastName(n) ?? ''])
      .filter((m): m is HttpMethod => !!m))];
    const path = `/${dirs.join('_').toLowerCase()}/${action.toLowerCase()}`;
    for (const method of methods.length > 0 ? methods : ['GET' as HttpMethod]) {
      facts.push({
        kind: 'route', framework: FRAMEWORK, method, path, router: moduleRef(module, area),
        handler: { name: `${place.dirs.join('\\')}\\${action}::execute` }, location: loc(file.path, cls),
      });
    }
  }
  return facts;
}

/** app/code/<Vendor>/<Module>/Controller/<Dirs>/<Action>.php -> its parts. */
function controllerPlace(path: string): ControllerPlace | undefined {
  const segments = path.split('/');
  const at = segments.lastIndexOf('Controller');
  const file = segments[segments.length - 1]!;
  if (at < 4 || segments[at - 4] !== 'app' || segments[at - 3] !== 'code' || !file.endsWith('.php')) return undefined;
  const dirs = segments.slice(at + 1, -1);
  if (dirs.length === 0) return undefined;
  return { vendor: segments[at - 2]!, module: segments[at - 1]!, dirs, action: file.slice(0, -'.php'.length) };
}

export const magentoRoutes: Extractor = {
  id: 'magento/routes',
  languages: ['php', 'text'],
  keywords: ['<route', 'function execute'],
  extract(file) {
    if (file.language === 'text') {
      if (/(^|\/)etc\/webapi\.xml$/.test(file.path)) return webapi(file);
      const routes = /(^|\/)etc\/(frontend|adminhtml)\/routes\.xml$/.exec(file.path);
      if (routes) return routesXml(file, routes[2] as 'frontend' | 'adminhtml');
      return [];
    }
    const place = controllerPlace(file.path);
    return place ? controller(file, place) : [];
  },
};
