// Java and Kotlin dialects for the shared security extractors.
export { javaDialect } from './java-dialect.js';
export { kotlinDialect } from './kotlin-dialect.js';
export { jvmLiteral, jvmPath, springPlaceholder } from './jvm-values.js';
