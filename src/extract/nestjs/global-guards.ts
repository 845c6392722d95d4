// NestJS guards that run before every route of the application: `{ provide: APP_GUARD, useClass:
// JwtAuthGuard }` in a module's providers and `app.useGlobalGuards(new JwtAuthGuard())`. An auth
// guard there makes every route of the service need authentication, except routes marked
// `@Public()` (the nestjs route extractor gives those a 'public' marker the model respects).
import type { Fact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import type { Extractor } from '../types.js';
import { loc, walk, type Node } from '../javascript/ast.js';
import { middlewareRef } from '../javascript/middleware-roles.js';

function guardFact(file: ParsedFile, name: string, at: Node): Fact | undefined {
  if (middlewareRef(name).role !== 'auth') return undefined;
  return { kind: 'auth-rule', framework: 'nestjs', patterns: ['/**'], access: 'auth', requirement: `global guard ${name}`, location: loc(file.path, at) };
}

function extractGlobalGuards(file: ParsedFile): Fact[] {
  if (file.tree.kind !== 'babel') return [];
  const facts: Fact[] = [];
  walk(file.tree.ast, (node) => {
    if (node.type === 'ObjectExpression') {
      let provide: string | undefined;
      let guard: Node | undefined;
      for (const prop of node.properties) {
        if (prop.type !== 'ObjectProperty' || prop.key.type !== 'Identifier') continue;
        if (prop.key.name === 'provide' && prop.value.type === 'Identifier') provide = prop.value.name;
        if ((prop.key.name === 'useClass' || prop.key.name === 'useExisting') && prop.value.type === 'Identifier') guard = prop.value;
      }
      if (provide === 'APP_GUARD' && guard?.type === 'Identifier') {
        const fact = guardFact(file, guard.name, guard);
        if (fact) facts.push(fact);
      }
    } else if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && node.callee.property.type === 'Identifier'
      && node.callee.property.name === 'useGlobalGuards') {
      for (const arg of node.arguments) {
        const name = arg.type === 'NewExpression' && arg.callee.type === 'Identifier' ? arg.callee.name : arg.type === 'Identifier' ? arg.name : undefined;
        const fact = name ? guardFact(file, name, arg) : undefined;
        if (fact) facts.push(fact);
      }
    }
    return undefined;
  });
  return facts;
}

export const nestjsGlobalGuards: Extractor = {
  id: 'nestjs/global-guards',
  languages: ['typescript', 'javascript'],
  keywords: ['APP_GUARD', 'useGlobalGuards'],
  extract: extractGlobalGuards,
};
