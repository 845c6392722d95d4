// Kotlin configuration problems: see jvm/config-issues.ts (trust-all TLS, permissive host name checks).
import { jvmConfigExtractor } from '../jvm/config-issues.js';
import { kotlinLang } from './lang.js';

export const kotlinConfigIssues = jvmConfigExtractor('kotlin/config-issues', 'kotlin', kotlinLang);
