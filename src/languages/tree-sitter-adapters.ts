// Adapters for the compiled and JVM languages: Go, Java, Kotlin, PHP, C#, Rust, Scala.
import { createTreeSitterAdapter } from './tree-sitter-adapter.js';

export const goAdapter = createTreeSitterAdapter({ id: 'go', grammar: 'go', extensions: ['.go'], lineComment: '//' });
export const javaAdapter = createTreeSitterAdapter({ id: 'java', grammar: 'java', extensions: ['.java'], lineComment: '//' });
export const kotlinAdapter = createTreeSitterAdapter({ id: 'kotlin', grammar: 'kotlin', extensions: ['.kt', '.kts'], lineComment: '//' });
export const phpAdapter = createTreeSitterAdapter({ id: 'php', grammar: 'php', extensions: ['.php'], lineComment: '//' });
export const csharpAdapter = createTreeSitterAdapter({ id: 'csharp', grammar: 'csharp', extensions: ['.cs'], lineComment: '//' });
export const rustAdapter = createTreeSitterAdapter({ id: 'rust', grammar: 'rust', extensions: ['.rs'], lineComment: '//' });
export const scalaAdapter = createTreeSitterAdapter({ id: 'scala', grammar: 'scala', extensions: ['.scala', '.sc'], lineComment: '//' });
