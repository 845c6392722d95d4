import type { Extractor } from '../types.js';

// Placeholder: the extractors of this area are being written.
export const rustRouteExtractors: Extractor[] = [];
