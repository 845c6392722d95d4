// poem-openapi operations: `#[OpenApi(prefix_path = "/v1", tag = "..")] impl Api { #[oai(path = "/x",
// method = "get")] async fn op(&self) .. }`. The impl's type is a router of its own ({ file: module
// key, path: [Type] }); `OpenApiService::new(Api, ..)` mounts it (poem.ts), otherwise it is a root.
import type { Fact, HttpMethod } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { loc, namedChildren, treeOf } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { attributeArgs, attributePath, attributesOf, isInTestCode, isRustTestPath, isTestOnlyFile, keyValue, pathSegments, stringValue, tokenGroups } from './ast.js';
import { methodNamed } from './attributes.js';
import { joinBase } from './dialect-kit.js';
import { extractorAuth } from './middleware-roles.js';
import { ModuleResolver } from './modules.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

function attrString(groups: readonly (readonly import('../tree-sitter/ast.js').Node[])[], key: string): string | undefined {
  for (const group of groups) {
    const value = keyValue(group, key);
    if (value?.length === 1) {
      const s = stringValue(value[0]);
      if (s !== undefined) return s;
    }
  }
  return undefined;
}

export const poemOpenApiRoutes: Extractor = {
  id: 'rust/poem-openapi-routes',
  languages: ['rust'],
  keywords: ['OpenApi'],
  extract(file: ParsedFile): Fact[] {
    const tree = treeOf(file);
    if (!tree || isRustTestPath(file.path) || isTestOnlyFile(tree.rootNode)) return [];
    const mods = new ModuleResolver(file.path, tree.rootNode);
    const facts: Fact[] = [];
    for (const impl of tree.rootNode.descendantsOfType('impl_item')) {
      if (!impl || fieldOf(impl, 'trait')) continue;
      const api = attributesOf(impl).find((a) => attributePath(a).pop() === 'OpenApi');
      const typeName = pathSegments(fieldOf(impl, 'type'))?.pop();
      if (!api || !typeName || isInTestCode(impl)) continue;
      const prefix = attrString(tokenGroups(attributeArgs(api)), 'prefix_path') ?? '';
      const ref = mods.localItem(impl, [typeName]);
      for (const fn of namedChildren(fieldOf(impl, 'body'))) {
        if (fn.type !== 'function_item') continue;
        const oai = attributesOf(fn).find((a) => attributePath(a).join('::') === 'oai');
        const name = fieldOf(fn, 'name');
        if (!oai || !name) continue;
        const groups = tokenGroups(attributeArgs(oai));
        const path = attrString(groups, 'path');
        const methods: HttpMethod[] = [];
        for (const group of groups) {
          const value = keyValue(group, 'method');
          const text = value?.length === 1 ? stringValue(value[0]) ?? value[0]!.text : undefined;
          const method = text ? methodNamed(text) : undefined;
          if (method && !methods.includes(method)) methods.push(method);
        }
        if (path === undefined) continue;
        const auth = extractorAuth(fn, file.path);
        const tag = attrString(groups, 'tag');
        for (const method of methods) {
          facts.push({
            kind: 'route', framework: 'poem', method, path: joinBase(prefix, path), router: ref,
            handler: { name: `${typeName}::${name.text}`, location: loc(file.path, name) },
            ...(auth.length > 0 ? { middleware: auth } : {}),
            ...(tag ? { openapiTags: [tag] } : {}),
            location: loc(file.path, oai),
          });
        }
      }
    }
    return facts;
  },
};
