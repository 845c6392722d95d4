// Java JWT calls: see jvm/jwt-calls.ts for the libraries and issues.
import { jvmJwtExtractor } from '../jvm/jwt-calls.js';
import { javaLang } from './lang.js';

export const javaJwtCalls = jvmJwtExtractor('java/jwt-calls', 'java', javaLang);
