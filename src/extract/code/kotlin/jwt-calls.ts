// Kotlin JWT calls: see jvm/jwt-calls.ts for the libraries and issues.
import { jvmJwtExtractor } from '../jvm/jwt-calls.js';
import { kotlinLang } from './lang.js';

export const kotlinJwtCalls = jvmJwtExtractor('kotlin/jwt-calls', 'kotlin', kotlinLang);
