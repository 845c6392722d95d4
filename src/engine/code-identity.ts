// Which build of the tool produced a cached result, and where caches live. Light on purpose: a
// rescan that finds its result memoized loads this, not the extractors or parsers.
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeFingerprint, defaultCacheDir } from './cache.js';
import { TOOL_VERSION } from './version.js';

// The code whose output is cached: the extractor and parser modules, or, when this module runs from
// the bundle (dist/bundle/), the bundle itself and its worker, which hold all of it.
export const CODE_PATHS = ['../extract', '../languages', './'].map((rel) => fileURLToPath(new URL(rel, import.meta.url)));

// The code behind a whole scan result: the above plus the model and the rules (inside the bundle
// when bundled; next to this module's directory when running from tsc's output or the sources).
const RESULT_CODE_PATHS = [...CODE_PATHS, ...(basename(dirname(fileURLToPath(import.meta.url))) === 'engine'
  ? ['../model', '../../rules'].map((rel) => fileURLToPath(new URL(rel, import.meta.url))) : [])];

export function memoFingerprint(): string {
  return `${TOOL_VERSION}\u0000${codeFingerprint(RESULT_CODE_PATHS)}`;
}

export function cacheDirFor(root: string, cache: true | { dir: string }): string {
  return cache === true ? defaultCacheDir(root) : cache.dir;
}

