// Secrets, CORS, rate-limit and database facts for Go, Java, Kotlin, PHP, C#, Rust and Scala
// (tree-sitter trees), and the database / CORS / rate-limit settings of their configuration files.
import type { Extractor } from '../types.js';
import { csharpCors } from './csharp/cors.js';
import { csharpDatabases } from './csharp/database.js';
import { csharpRateLimits } from './csharp/rate-limit.js';
import { csharpSecrets } from './csharp/secrets.js';
import { goCors } from './go/cors.js';
import { goDatabases } from './go/database.js';
import { goRateLimits } from './go/rate-limit.js';
import { goSecrets } from './go/secrets.js';
import { javaCors, kotlinCors } from './jvm/cors.js';
import { javaDatabases, kotlinDatabases } from './jvm/database.js';
import { javaRateLimits, kotlinRateLimits } from './jvm/rate-limit.js';
import { javaSecrets, kotlinSecrets } from './jvm/secrets.js';
import { phpCors } from './php/cors.js';
import { phpDatabases } from './php/database.js';
import { phpRateLimits } from './php/rate-limit.js';
import { phpSecrets } from './php/secrets.js';
import { rustCors } from './rust/cors.js';
import { rustDatabases } from './rust/database.js';
import { rustRateLimits } from './rust/rate-limit.js';
import { rustSecrets } from './rust/secrets.js';
import { scalaCors } from './scala/cors.js';
import { scalaDatabases } from './scala/database.js';
import { scalaSecrets } from './scala/secrets.js';
import { configSecurityFacts } from './text/config.js';

export const polyglotSecurityExtractors: Extractor[] = [
  goSecrets, javaSecrets, kotlinSecrets, phpSecrets, csharpSecrets, rustSecrets, scalaSecrets,
  goCors, javaCors, kotlinCors, phpCors, csharpCors, rustCors, scalaCors,
  goRateLimits, javaRateLimits, kotlinRateLimits, phpRateLimits, csharpRateLimits, rustRateLimits,
  goDatabases, javaDatabases, kotlinDatabases, phpDatabases, csharpDatabases, rustDatabases, scalaDatabases,
  configSecurityFacts,
];
