import type { Extractor } from '../types.js';
import { goSqlCalls } from './go/sql-calls.js';
import { javaSqlCalls } from './java/sql-calls.js';
import { phpSqlCalls } from './php/sql-calls.js';

/** SQL, hashing, JWT and config facts for Go, Java, Kotlin, PHP, C#, Rust and Scala. */
export const polyglotCodeFactExtractors: Extractor[] = [
  goSqlCalls,
  javaSqlCalls,
  phpSqlCalls,
];
