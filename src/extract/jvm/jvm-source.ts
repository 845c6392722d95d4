// A language-neutral outline of one Java or Kotlin file: package, imports, classes with their
// annotations, supertypes, methods and string constants. java-ast.ts and kotlin-ast.ts build it from
// the tree-sitter trees; the route extractors read only this outline (and the call trees it keeps).
import type { Node } from '../tree-sitter/ast.js';

/** An annotation argument or constant initialiser, reduced to what route extraction needs. */
export type JvmExpr =
  | { kind: 'string'; value: string }
  | { kind: 'name'; path: string[] } // `X`, `Routes.EXPORT`, `RequestMethod.GET`, `com.a.Routes.ITEM`
  | { kind: 'concat'; parts: JvmExpr[] }
  | { kind: 'array'; items: JvmExpr[] }
  | { kind: 'annotation'; annotation: JvmAnnotation }
  | { kind: 'other'; text: string };

export interface JvmArg {
  /** Undefined for the positional (implicit `value`) argument. */
  name?: string;
  value: JvmExpr;
}

export interface JvmAnnotation {
  /** As written: 'GetMapping', 'org.springframework.web.bind.annotation.GetMapping'. */
  name: string;
  /** Last segment of the name. */
  simpleName: string;
  args: JvmArg[];
  node: Node;
}

export interface JvmMethod {
  name: string;
  annotations: JvmAnnotation[];
  node: Node;
  /** Parameter annotations (simple names), e.g. ['PathVariable', 'AuthenticationPrincipal']. */
  parameterAnnotations: string[];
  /** Declared return type without type arguments ('UserProfileResource'), when written. */
  returnType?: string;
  /** The method body (block or expression), for call-based route declarations. */
  body?: Node;
}

export type JvmClassKind = 'class' | 'interface' | 'annotation' | 'object' | 'enum' | 'record';

export interface JvmClass {
  name: string;
  /** Names from the outermost class down to this one. */
  qualifiedPath: string[];
  kind: JvmClassKind;
  isAbstract: boolean;
  annotations: JvmAnnotation[];
  /** Supertypes as written, without type arguments: 'CatalogApi', 'com.a.Base'. */
  supertypes: string[];
  methods: JvmMethod[];
  classes: JvmClass[];
  /** String-valued constants declared in the class (Kotlin: also in its companion object). */
  constants: Map<string, JvmExpr>;
  /** Declaration node of each constant, for locations. */
  constantNodes: Map<string, Node>;
  node: Node;
}

export interface JvmFile {
  path: string;
  language: 'java' | 'kotlin';
  packageName: string;
  /** Simple (or alias) name -> fully qualified name, from single-type imports. */
  imports: Map<string, string>;
  /** Packages imported with `.*`. */
  wildcardImports: string[];
  /** Static imports of members: simple name -> ['com.a', 'Class', 'MEMBER']-style dotted FQN. */
  staticImports: Map<string, string>;
  classes: JvmClass[];
  /** File-level constants (Kotlin top-level `const val`). */
  constants: Map<string, JvmExpr>;
  constantNodes: Map<string, Node>;
  root: Node;
}

/** Every class of the file, outer classes before nested ones. */
export function allClasses(file: JvmFile): JvmClass[] {
  const out: JvmClass[] = [];
  const visit = (list: readonly JvmClass[]) => {
    for (const cls of list) {
      out.push(cls);
      visit(cls.classes);
    }
  };
  visit(file.classes);
  return out;
}

/** Arguments of an annotation by name; `value` also matches the positional argument. */
export function annotationArg(annotation: JvmAnnotation, ...names: string[]): JvmExpr | undefined {
  for (const name of names) {
    const found = annotation.args.find((a) => (a.name ?? 'value') === name);
    if (found) return found.value;
  }
  return undefined;
}

export function findAnnotation(list: readonly JvmAnnotation[], ...names: string[]): JvmAnnotation | undefined {
  return list.find((a) => names.includes(a.simpleName));
}

export function hasAnnotation(list: readonly JvmAnnotation[], ...names: string[]): boolean {
  return list.some((a) => names.includes(a.simpleName));
}
