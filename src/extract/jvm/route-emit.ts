// Route facts for one call-declared route whose path may start with a constant from another file or a
// ${placeholder}: a literal path gives a plain route fact (no router); a reference gives a one-route
// router mounted with `prefixRef`, so the model fills in the value from `constant` facts.
import type { Fact, HttpMethod, MiddlewareRef } from '../../core/facts.js';
import { loc, type Node } from '../tree-sitter/ast.js';
import { classRef } from './class-facts.js';
import type { JvmFile } from './jvm-source.js';
import type { StrValue } from './values.js';

export interface CallRoute {
  framework: string;
  method: HttpMethod;
  path: StrValue;
  at: Node;
  handler?: string;
  middleware?: MiddlewareRef[];
  origin?: 'route' | 'generated';
}

export function routeFacts(file: JvmFile, route: CallRoute): Fact[] {
  const location = loc(file.path, route.at);
  const common = {
    kind: 'route' as const, framework: route.framework, method: route.method, location,
    ...(route.handler ? { handler: { name: route.handler } } : {}),
    ...(route.middleware?.length ? { middleware: route.middleware } : {}),
    ...(route.origin ? { origin: route.origin } : {}),
  };
  if (route.path.kind === 'literal') return [{ ...common, path: route.path.text || '/' }];
  if (route.path.kind !== 'ref') return [];
  const key = `$${route.method}:${location.startLine}:${location.startColumn}`;
  const router = classRef(file.packageName, [key]);
  return [
    {
      kind: 'mount', framework: route.framework, parent: classRef(file.packageName, [`${key}:root`]), child: router,
      prefix: route.path.fallback, prefixRef: route.path.ref, location,
    },
    { ...common, path: route.path.suffix, router },
  ];
}
