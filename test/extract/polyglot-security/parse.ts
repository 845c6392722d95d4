// Parses inline sources of any language for the polyglot security-fact extractor tests.
import type { Extractor } from '../../../src/extract/types.js';
import { ofKind, runExtractor as run } from '../../helpers/extract.js';
export { ofKind, run };

/** Secrets as 'line detector name' strings. */
export async function secretLines(extractor: Extractor, path: string, lines: string[]): Promise<string[]> {
  return ofKind(await run(extractor, path, lines), 'secret-candidate').map((s) => `${s.location.startLine} ${s.detector}${s.name ? ` ${s.name}` : ''}`);
}

/** CORS facts as 'line library policy credentials' strings. */
export async function corsLines(extractor: Extractor, path: string, lines: string[]): Promise<string[]> {
  return ofKind(await run(extractor, path, lines), 'cors-config').map((c) => `${c.location.startLine} ${c.library} ${c.policy} ${c.credentials}`);
}

/** Rate limits as 'line library applied scope' strings. */
export async function rateLimitLines(extractor: Extractor, path: string, lines: string[]): Promise<string[]> {
  return ofKind(await run(extractor, path, lines), 'rate-limit').map((r) => `${r.location.startLine} ${r.library} ${r.applied} ${r.scope ?? '-'}`);
}

/** Databases as 'line library engine' strings. */
export async function databaseLines(extractor: Extractor, path: string, lines: string[]): Promise<string[]> {
  return ofKind(await run(extractor, path, lines), 'database').map((d) => `${d.location.startLine} ${d.library} ${d.engine ?? '-'}`);
}
