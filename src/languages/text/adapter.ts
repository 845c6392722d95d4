import type { LanguageAdapter } from '../types.js';

/** Plain configuration files (.env, .properties, .yml, .json, .ini, .toml): no tree, extractors read the text. */
export const textAdapter: LanguageAdapter = {
  id: 'text',
  extensions: ['.env', '.txt', '.properties', '.yml', '.yaml', '.json', '.ini', '.toml', '.cfg', '.conf', '.xml', '.pem', '.key', '.jsp'],
  lineComment: '#',
  init: async () => {},
  parse: () => ({ ok: true, tree: { kind: 'text' }, errors: [] }),
  dispose: () => {},
};
