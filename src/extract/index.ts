import { codeFactExtractors } from './code-facts.js';
import { javascriptRouteExtractors } from './javascript/route-extractors.js';
import { moaiTags } from './moai/tags.js';
import { pythonRouteExtractors } from './python/route-extractors.js';
import { securityFactExtractors } from './security-facts.js';
import type { Extractor } from './types.js';

export type { Extractor } from './types.js';

/** Every extractor, in a fixed order (facts are sorted later anyway). */
export const EXTRACTORS: readonly Extractor[] = [
  ...javascriptRouteExtractors,
  ...pythonRouteExtractors,
  ...codeFactExtractors,
  ...securityFactExtractors,
  moaiTags,
];
