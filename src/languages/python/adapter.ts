import { EXTENSIONS } from '../file-languages.js';
import { createTreeSitterAdapter } from '../tree-sitter-adapter.js';

export { collectTreeSitterErrors } from '../tree-sitter-adapter.js';

export const pythonAdapter = createTreeSitterAdapter({ id: 'python', grammar: 'python', extensions: EXTENSIONS.python, lineComment: '#' });
