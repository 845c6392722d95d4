// Java configuration problems: see jvm/config-issues.ts (trust-all TLS, permissive host name checks).
import { jvmConfigExtractor } from '../jvm/config-issues.js';
import { javaLang } from './lang.js';

export const javaConfigIssues = jvmConfigExtractor('java/config-issues', 'java', javaLang);
