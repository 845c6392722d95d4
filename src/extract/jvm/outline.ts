// The JvmFile outline of a parsed Java or Kotlin file, and which files are test sources.
import type { ParsedFile } from '../../languages/types.js';
import { treeOf } from '../tree-sitter/ast.js';
import { javaFile } from './java-ast.js';
import type { JvmFile } from './jvm-source.js';
import { kotlinFile } from './kotlin-ast.js';

/** Maven / Gradle test source sets: controllers declared there never serve traffic. */
export function isTestSource(path: string): boolean {
  return /(^|\/)src\/(test|it|integrationTest|integration-test|testFixtures|functionalTest)\//.test(path);
}

export function outlineOf(file: ParsedFile): JvmFile | undefined {
  const tree = treeOf(file);
  if (!tree) return undefined;
  if (file.language === 'java') return javaFile(file.path, tree.rootNode);
  if (file.language === 'kotlin') return kotlinFile(file.path, tree.rootNode);
  return undefined;
}
