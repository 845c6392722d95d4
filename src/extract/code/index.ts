// Code-level security facts (sql-call, hash-call, jwt-call, config-issue) for Go, Java, Kotlin, PHP,
// C#, Rust and Scala, over tree-sitter trees, plus committed .env files.
import type { Extractor } from '../types.js';
import { csharpConfigIssues } from './csharp/config-issues.js';
import { csharpHashCalls } from './csharp/hash-calls.js';
import { csharpJwtCalls } from './csharp/jwt-calls.js';
import { csharpSqlCalls } from './csharp/sql-calls.js';
import { goConfigIssues } from './go/config-issues.js';
import { goHashCalls } from './go/hash-calls.js';
import { goJwtCalls } from './go/jwt-calls.js';
import { goSqlCalls } from './go/sql-calls.js';
import { javaConfigIssues } from './java/config-issues.js';
import { javaHashCalls } from './java/hash-calls.js';
import { javaJwtCalls } from './java/jwt-calls.js';
import { javaSqlCalls } from './java/sql-calls.js';
import { kotlinConfigIssues } from './kotlin/config-issues.js';
import { kotlinHashCalls } from './kotlin/hash-calls.js';
import { kotlinJwtCalls } from './kotlin/jwt-calls.js';
import { kotlinSqlCalls } from './kotlin/sql-calls.js';
import { phpConfigIssues } from './php/config-issues.js';
import { phpHashCalls } from './php/hash-calls.js';
import { phpJwtCalls } from './php/jwt-calls.js';
import { phpSqlCalls } from './php/sql-calls.js';
import { rustConfigIssues } from './rust/config-issues.js';
import { rustHashCalls } from './rust/hash-calls.js';
import { rustJwtCalls } from './rust/jwt-calls.js';
import { rustSqlCalls } from './rust/sql-calls.js';
import { scalaConfigIssues } from './scala/config-issues.js';
import { scalaHashCalls } from './scala/hash-calls.js';
import { scalaJwtCalls } from './scala/jwt-calls.js';
import { scalaSqlCalls } from './scala/sql-calls.js';
import { envDebug } from './text/env-debug.js';

export const polyglotCodeFactExtractors: Extractor[] = [
  goSqlCalls, goHashCalls, goJwtCalls, goConfigIssues,
  javaSqlCalls, javaHashCalls, javaJwtCalls, javaConfigIssues,
  kotlinSqlCalls, kotlinHashCalls, kotlinJwtCalls, kotlinConfigIssues,
  phpSqlCalls, phpHashCalls, phpJwtCalls, phpConfigIssues,
  csharpSqlCalls, csharpHashCalls, csharpJwtCalls, csharpConfigIssues,
  rustSqlCalls, rustHashCalls, rustJwtCalls, rustConfigIssues,
  scalaSqlCalls, scalaHashCalls, scalaJwtCalls, scalaConfigIssues,
  envDebug,
];
