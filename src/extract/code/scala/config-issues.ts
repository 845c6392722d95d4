// Scala configuration problems: see jvm/config-issues.ts (trust-all TLS, permissive host name checks).
import { jvmConfigExtractor } from '../jvm/config-issues.js';
import { scalaLang } from './lang.js';

export const scalaConfigIssues = jvmConfigExtractor('scala/config-issues', 'scala', scalaLang);
