// Annotation-declared HTTP endpoints of Java and Kotlin: Spring MVC / WebFlux controllers, JAX-RS
// resources (Jersey, RESTEasy, Quarkus), Micronaut controllers, Quarkus reactive routes, plus the
// string constants other files may reference in their mappings.
import type { Fact } from '../../core/facts.js';
import { loc, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { analyzeClass } from './class-analysis.js';
import { classExtraFacts } from './class-extras.js';
import { classFacts } from './class-facts.js';
import { composedAnnotationFacts } from './composed-annotations.js';
import type { JvmExpr, JvmFile } from './jvm-source.js';
import { allClasses } from './jvm-source.js';
import { fileTraits } from './mappings.js';
import { isTestSource, outlineOf } from './outline.js';
import { classChain, evalLiteral, packageRefFile, type Scope } from './values.js';

/** `constant` facts for path-like string constants, so mappings in other files can use them. */
function constantFacts(file: JvmFile): Fact[] {
  const out: Fact[] = [];
  const add = (path: string[], expr: JvmExpr, scope: Scope, node: Node | undefined) => {
    const value = evalLiteral(expr, scope);
    if (value === undefined || !value.startsWith('/')) return;
    out.push({ kind: 'constant', ref: { file: packageRefFile(file.packageName), path }, value, location: loc(file.path, node ?? file.root) });
  };
  for (const [name, expr] of file.constants) add([name], expr, { file, classes: [] }, file.constantNodes.get(name));
  for (const cls of allClasses(file)) {
    const scope = { file, classes: classChain(file, cls) };
    for (const [name, expr] of cls.constants) add([...cls.qualifiedPath, name], expr, scope, cls.constantNodes.get(name));
  }
  return out;
}

export const jvmAnnotatedRoutes: Extractor = {
  id: 'jvm/annotated-routes',
  languages: ['java', 'kotlin'],
  keywords: ['@', 'final ', 'const '],
  extract(parsed) {
    if (isTestSource(parsed.path)) return [];
    const file = outlineOf(parsed);
    if (!file) return [];
    const traits = fileTraits(file);
    const facts: Fact[] = [];
    for (const cls of allClasses(file)) {
      facts.push(...composedAnnotationFacts(file, cls, traits));
      const analysis = analyzeClass(file, cls, traits);
      if (analysis) facts.push(...classFacts(analysis));
      facts.push(...classExtraFacts(file, cls, traits));
    }
    facts.push(...constantFacts(file));
    return facts;
  },
};
