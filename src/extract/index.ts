import { codeFactExtractors } from './code-facts.js';
import { polyglotCodeFactExtractors } from './code/index.js';
import { csharpRouteExtractors } from './csharp/route-extractors.js';
import { goRouteExtractors } from './go/route-extractors.js';
import { javascriptRouteExtractors } from './javascript/route-extractors.js';
import { jvmRouteExtractors } from './jvm/route-extractors.js';
import { moaiTags } from './moai/tags.js';
import { phpRouteExtractors } from './php/route-extractors.js';
import { pythonRouteExtractors } from './python/route-extractors.js';
import { rustRouteExtractors } from './rust/route-extractors.js';
import { scalaRouteExtractors } from './scala/route-extractors.js';
import { securityFactExtractors } from './security-facts.js';
import { polyglotSecurityExtractors } from './security/index.js';
import type { Extractor } from './types.js';

export type { Extractor } from './types.js';

/** Every extractor, in a fixed order (facts are sorted later anyway). */
export const EXTRACTORS: readonly Extractor[] = [
  ...javascriptRouteExtractors,
  ...pythonRouteExtractors,
  ...goRouteExtractors,
  ...jvmRouteExtractors,
  ...phpRouteExtractors,
  ...csharpRouteExtractors,
  ...rustRouteExtractors,
  ...scalaRouteExtractors,
  ...codeFactExtractors,
  ...polyglotCodeFactExtractors,
  ...securityFactExtractors,
  ...polyglotSecurityExtractors,
  moaiTags,
];
