// Spring composed mapping annotations: `@GetMapping("/audit") @interface AuditGet {}` or
// `@RequestMapping("/internal") annotation class InternalApi`. The declaration becomes a router on
// its package-qualified name: a method-level one carries the route (its controller mounts it, with the
// usage's value as mount prefix), a class-level one carries a prefix (its controllers are mounted under it).
import type { Fact } from '../../core/facts.js';
import { loc } from '../tree-sitter/ast.js';
import { classRef } from './class-facts.js';
import type { JvmClass, JvmFile } from './jvm-source.js';
import { methodMapping, type FileTraits } from './mappings.js';
import { classChain, enumNames } from './values.js';

/** 'type' | 'method' | undefined from @Target(ElementType.TYPE) / @Target(AnnotationTarget.FUNCTION). */
function declaredTarget(cls: JvmClass): 'type' | 'method' | undefined {
  const target = cls.annotations.find((a) => a.simpleName === 'Target');
  if (!target) return undefined;
  const names = new Set(target.args.flatMap((arg) => enumNames(arg.value)));
  const onType = names.has('TYPE') || names.has('CLASS');
  const onMethod = names.has('METHOD') || names.has('FUNCTION');
  if (onType && !onMethod) return 'type';
  if (onMethod && !onType) return 'method';
  return undefined;
}

export function composedAnnotationFacts(file: JvmFile, cls: JvmClass, traits: FileTraits): Fact[] {
  if (cls.kind !== 'annotation') return [];
  const scope = { file, classes: classChain(file, cls) };
  for (const annotation of cls.annotations) {
    const mapping = methodMapping(annotation, scope, traits);
    if (!mapping || mapping.framework !== 'spring') continue;
    const ref = classRef(file.packageName, cls.qualifiedPath);
    const location = loc(file.path, annotation.node);
    const target = declaredTarget(cls);
    const isClassLevel = target === 'type' || (target === undefined && mapping.methodless === true);
    const first = mapping.paths[0];
    if (isClassLevel) {
      const prefix = first?.kind === 'literal' ? first.text : '';
      return [{ kind: 'router', framework: 'spring', ref, location, ...(prefix ? { prefix } : {}) }];
    }
    const facts: Fact[] = [{ kind: 'router', framework: 'spring', ref, location }];
    for (const path of mapping.paths) {
      if (path.kind !== 'literal') continue;
      for (const method of mapping.methods) {
        facts.push({ kind: 'route', framework: 'spring', method, path: path.text, router: ref, location });
      }
    }
    return facts;
  }
  return [];
}
