// Symfony PHP routing configuration (config/routes.php, config/routes/*.php):
// `$routes->add('blog_list', '/blog')->controller([BlogController::class, 'list'])->methods(['GET'])`.
import type { Fact, HttpMethod, RouteFact } from '../../core/facts.js';
import { descendants, loc, treeOf } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { arrayEntries, callChain, classConstName, stringList, stringValue } from './ast.js';
import { toMethod } from './methods.js';
import { cleanSymfonyPath } from './symfony-routes.js';

const FRAMEWORK = 'symfony';

export function isSymfonyRoutingPhp(path: string): boolean {
  return /(^|\/)config\/routes(\.php|\/.+\.php)$/.test(path);
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
      if (parent?.type === 'member_call_expression' && parent.childForFieldName('object')?.id === node.id) continue;
      const chain = callChain(node);
      const add = chain?.links[0];
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
