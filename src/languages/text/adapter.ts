import { EXTENSIONS } from '../file-languages.js';
import type { LanguageAdapter } from '../types.js';

/** Plain configuration files (.env, .properties, .yml, .json, .ini, .toml): no tree, extractors read the text. */
export const textAdapter: LanguageAdapter = {
  id: 'text',
  extensions: EXTENSIONS.text,
  lineComment: '#',
  init: async () => {},
  parse: () => ({ ok: true, tree: { kind: 'text' }, errors: [] }),
  dispose: () => {},
};
