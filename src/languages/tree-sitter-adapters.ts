// Adapters for the compiled and JVM languages: Go, Java, Kotlin, PHP, C#, Rust, Scala.
import { EXTENSIONS } from './file-languages.js';
import { createTreeSitterAdapter } from './tree-sitter-adapter.js';

export const goAdapter = createTreeSitterAdapter({ id: 'go', grammar: 'go', extensions: EXTENSIONS.go, lineComment: '//' });
export const javaAdapter = createTreeSitterAdapter({ id: 'java', grammar: 'java', extensions: EXTENSIONS.java, lineComment: '//' });
export const kotlinAdapter = createTreeSitterAdapter({ id: 'kotlin', grammar: 'kotlin', extensions: EXTENSIONS.kotlin, lineComment: '//' });
export const phpAdapter = createTreeSitterAdapter({ id: 'php', grammar: 'php', extensions: EXTENSIONS.php, lineComment: '//' });
export const csharpAdapter = createTreeSitterAdapter({ id: 'csharp', grammar: 'csharp', extensions: EXTENSIONS.csharp, lineComment: '//' });
export const rustAdapter = createTreeSitterAdapter({ id: 'rust', grammar: 'rust', extensions: EXTENSIONS.rust, lineComment: '//' });
export const scalaAdapter = createTreeSitterAdapter({ id: 'scala', grammar: 'scala', extensions: EXTENSIONS.scala, lineComment: '//' });
