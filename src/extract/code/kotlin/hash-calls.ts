// Kotlin hashing calls: the JVM APIs of jvm/hash-calls.ts.
import { hashExtractor } from '../core/hash-extractor.js';
import { matchJvmHash } from '../jvm/hash-calls.js';
import { kotlinLang } from './lang.js';

export const kotlinHashCalls = hashExtractor({
  id: 'kotlin/hash-calls',
  language: 'kotlin',
  lang: kotlinLang,
  keywords: ['MessageDigest', 'DigestUtils', 'Hashing', 'PasswordEncoder', 'BCrypt', 'Mac', 'SecretKeyFactory', 'Digest', 'Argon2', 'argon2'],
  match: matchJvmHash,
});
