// ASP.NET Core authorization that covers the whole application: a fallback policy requiring an
// authenticated user (`options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build()`),
// a global `AuthorizeFilter`, or `app.MapControllers().RequireAuthorization()`. Each becomes a
// service-wide auth rule; `[AllowAnonymous]` endpoints carry a 'public' marker the model respects.
import type { Fact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import type { Extractor } from '../types.js';
import { loc, treeOf, walk, type Node } from '../tree-sitter/ast.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const REQUIRES_USER = /\.Require(AuthenticatedUser|Role|Claim|Assertion)\s*\(/;

function rule(file: ParsedFile, at: Node, requirement: string): Fact {
  return { kind: 'auth-rule', framework: 'aspnetcore', patterns: ['/**'], access: 'auth', requirement, location: loc(file.path, at) };
}

function extractGlobalAuthorization(file: ParsedFile): Fact[] {
  const tree = treeOf(file);
  if (!tree) return [];
  const facts: Fact[] = [];
  walk(tree.rootNode, (node) => {
    if (node.type === 'assignment_expression') {
      const left = fieldOf(node, 'left');
      const right = fieldOf(node, 'right');
      if (left && right && /(^|\.)FallbackPolicy$/.test(left.text) && REQUIRES_USER.test(right.text)) facts.push(rule(file, node, 'FallbackPolicy'));
      return false;
    }
    if (node.type === 'object_creation_expression' && /^AuthorizeFilter\b/.test(fieldOf(node, 'type')?.text ?? '')) {
      // options.Filters.Add(new AuthorizeFilter(...)): argument -> argument_list -> invocation
      const call = node.parent?.parent?.parent;
      if (call?.type === 'invocation_expression' && /(^|\.)Filters\.Add$/.test(fieldOf(call, 'function')?.text ?? '')) {
        facts.push(rule(file, node, 'AuthorizeFilter'));
      }
      return false;
    }
    if (node.type === 'invocation_expression') {
      const fn = fieldOf(node, 'function');
      // app.MapControllers().RequireAuthorization() / app.MapRazorPages().RequireAuthorization()
      if (fn?.type === 'member_access_expression' && fieldOf(fn, 'name')?.text === 'RequireAuthorization') {
        const target = fieldOf(fn, 'expression');
        const inner = target?.type === 'invocation_expression' ? fieldOf(target, 'function') : undefined;
        const name = inner?.type === 'member_access_expression' ? fieldOf(inner, 'name')?.text : undefined;
        if (name === 'MapControllers' || name === 'MapRazorPages' || name === 'MapDefaultControllerRoute' || name === 'MapControllerRoute') {
          facts.push(rule(file, node, `${name}().RequireAuthorization()`));
        }
      }
    }
    return undefined;
  });
  return facts;
}

export const aspnetGlobalAuthorization: Extractor = {
  id: 'csharp/global-authorization',
  languages: ['csharp'],
  keywords: ['FallbackPolicy', 'AuthorizeFilter', 'RequireAuthorization'],
  extract: extractGlobalAuthorization,
};
