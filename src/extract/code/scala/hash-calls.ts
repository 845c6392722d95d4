// Scala hashing calls: the JVM APIs of jvm/hash-calls.ts (MessageDigest, DigestUtils, jBCrypt, Spring encoders).
import { hashExtractor } from '../core/hash-extractor.js';
import { matchJvmHash } from '../jvm/hash-calls.js';
import { scalaLang } from './lang.js';

export const scalaHashCalls = hashExtractor({
  id: 'scala/hash-calls',
  language: 'scala',
  lang: scalaLang,
  keywords: ['MessageDigest', 'DigestUtils', 'Hashing', 'PasswordEncoder', 'BCrypt', 'Mac', 'SecretKeyFactory', 'Digest', 'Argon2'],
  match: matchJvmHash,
});
