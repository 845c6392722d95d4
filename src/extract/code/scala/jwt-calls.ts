// Scala JWT calls: see jvm/jwt-calls.ts for the libraries and issues.
import { jvmJwtExtractor } from '../jvm/jwt-calls.js';
import { scalaLang } from './lang.js';

export const scalaJwtCalls = jvmJwtExtractor('scala/jwt-calls', 'scala', scalaLang);
