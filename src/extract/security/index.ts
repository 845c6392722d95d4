// Secrets, CORS, rate-limit and database facts for Go, Java, Kotlin, PHP, C#, Rust and Scala
// (tree-sitter trees), and the database / CORS / rate-limit settings of their configuration files.
import type { Extractor } from '../types.js';
import { goSecrets } from './go/secrets.js';
import { csharpSecrets } from './csharp/secrets.js';
import { javaSecrets, kotlinSecrets } from './jvm/secrets.js';
import { phpSecrets } from './php/secrets.js';
import { rustSecrets } from './rust/secrets.js';
import { scalaSecrets } from './scala/secrets.js';

export const polyglotSecurityExtractors: Extractor[] = [
  goSecrets,
  javaSecrets,
  kotlinSecrets,
  phpSecrets,
  csharpSecrets,
  rustSecrets,
  scalaSecrets,
];
