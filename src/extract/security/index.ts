import type { Extractor } from '../types.js';

// Placeholder: secrets, CORS, rate-limit and database facts for Go, Java, Kotlin, PHP, C#, Rust and Scala.
export const polyglotSecurityExtractors: Extractor[] = [];
