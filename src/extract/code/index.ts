import type { Extractor } from '../types.js';

// Placeholder: SQL, hashing, JWT and config facts for Go, Java, Kotlin, PHP, C#, Rust and Scala.
export const polyglotCodeFactExtractors: Extractor[] = [];
