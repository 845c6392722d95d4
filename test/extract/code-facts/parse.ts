// The code-fact extractor tests of this directory use the shared extractor test helpers.
export { runExtractor as run, ofKind, sqlLines, hashLines, jwtLines, configLines } from '../../helpers/extract.js';
