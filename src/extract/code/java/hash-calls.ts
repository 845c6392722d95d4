// Java hashing calls: see jvm/hash-calls.ts.
import { hashExtractor } from '../core/hash-extractor.js';
import { matchJvmHash } from '../jvm/hash-calls.js';
import { javaLang } from './lang.js';

export const javaHashCalls = hashExtractor({
  id: 'java/hash-calls',
  language: 'java',
  lang: javaLang,
  keywords: ['MessageDigest', 'DigestUtils', 'Hashing', 'PasswordEncoder', 'BCrypt', 'Mac', 'SecretKeyFactory', 'Digest', 'Argon2', 'argon2'],
  match: matchJvmHash,
});
