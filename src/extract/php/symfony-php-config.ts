// Symfony PHP routing configuration (config/routes.php, config/routes/*.php):
// `$routes->add('blog_list', '/blog')->controller([BlogController::class, 'list'])->methods(['GET'])`.
import type { Fact, HttpMethod, RouteFact } from '../../core/facts.js';
import { descendants, loc, treeOf } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { arrayEntries, callChain, classConstName, stringList, stringValue } from './ast.js';
import { toMethod } from './methods.js';
import { cleanSymfonyPath } from './symfony-routes.js';
import { importTargets } from './symfony-yaml.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'symfony';

export function isSymfonyRoutingPhp(path: string): boolean {
  return /(^|\/)config\/routes(\.php|\/.+\.php)$/.test(path);
}

/** `$routes->import('../src/Controller/', 'attribute')->prefix('/api')`: a prefix for the imported routes. */
function importPrefix(path: string, links: NonNullable<ReturnType<typeof callChain>>['links'], node: Parameters<typeof loc>[1], facts: Fact[]): void {
  const [imp, ...rest] = links;
  const target = imp?.args.positional[0] ?? imp?.args.named.get('resource');
  const entries = arrayEntries(target);
  const resource = entries
    ? stringValue(entries.find((e) => e.key !== undefined && stringValue(e.key) === 'path')?.value)
    : stringValue(target);
  const type = stringValue(imp?.args.positional[1] ?? imp?.args.named.get('type')) ?? '';
  const prefixLink = rest.find((l) => l.name === 'prefix');
  const prefix = prefixLink ? stringValue(prefixLink.args.positional[0]) : undefined;
  if (!resource || !prefix) return;
  const files = importTargets(path, resource, type);
  if (files.length > 0) facts.push({ kind: 'global-prefix', framework: FRAMEWORK, prefix, files, location: loc(path, node) });
}

export const symfonyPhpConfigRoutes: Extractor = {
  id: 'symfony/php-config-routes',
  languages: ['php'],
  keywords: ['RoutingConfigurator'],
  extract(file) {
    const tree = treeOf(file);
    if (!tree || !isSymfonyRoutingPhp(file.path)) return [];
    const facts: Fact[] = [];
    for (const node of descendants(tree.rootNode, ['member_call_expression'])) {
      const parent = node.parent;
      if (parent?.type === 'member_call_expression' && fieldOf(parent, 'object')?.id === node.id) continue;
      const chain = callChain(node);
      const add = chain?.links[0];
      if (chain && !chain.isStatic && add?.name === 'import') {
        importPrefix(file.path, chain.links, node, facts);
        continue;
      }
      if (!chain || chain.isStatic || !add || (add.name !== 'add' && add.name !== 'route')) continue;
      const path = stringValue(add.args.positional[1] ?? add.args.named.get('path'));
      if (path === undefined) continue;
      let methods: HttpMethod[] = [];
      let handler: string | undefined;
      for (const link of chain.links.slice(1)) {
        if (link.name === 'methods') methods = stringList(link.args.positional[0]).map(toMethod).filter((m): m is HttpMethod => !!m);
        if (link.name === 'controller') {
          const target = link.args.positional[0];
          const entries = arrayEntries(target);
          handler = entries && entries.length === 2
            ? `${classConstName(entries[0]!.value) ?? '?'}::${stringValue(entries[1]!.value) ?? '?'}`
            : classConstName(target) ?? stringValue(target);
        }
      }
      for (const method of methods.length > 0 ? methods : (['ANY'] as HttpMethod[])) {
        const fact: RouteFact = { kind: 'route', framework: FRAMEWORK, method, path: cleanSymfonyPath(path), location: loc(file.path, node) };
        if (handler) fact.handler = { name: handler };
        facts.push(fact);
      }
    }
    return facts;
  },
};
