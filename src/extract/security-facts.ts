// Secrets, CORS, rate-limit and database facts for JS/TS, Python and plain configuration files.
import { javascriptCors } from './javascript/cors.js';
import { javascriptDatabases } from './javascript/database.js';
import { javascriptRateLimits } from './javascript/rate-limit.js';
import { pythonCors } from './python/cors.js';
import { pythonDatabases } from './python/database.js';
import { pythonRateLimits } from './python/rate-limit.js';
import { javascriptSecrets } from './secrets/javascript.js';
import { pythonSecrets } from './secrets/python.js';
import { textSecrets } from './secrets/text.js';
import { manifestDatabases } from './text/database.js';
import type { Extractor } from './types.js';

export const securityFactExtractors: Extractor[] = [
  javascriptSecrets,
  pythonSecrets,
  textSecrets,
  javascriptCors,
  pythonCors,
  javascriptRateLimits,
  pythonRateLimits,
  javascriptDatabases,
  pythonDatabases,
  manifestDatabases,
];
