// Import paths of one Go file, by local package name.
import { descendants, type Node } from '../../tree-sitter/ast.js';
import { goLang } from './lang.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

/** local name -> import path ('sql' -> 'database/sql', 'jwt' -> 'github.com/golang-jwt/jwt/v5'). */
export function goImports(root: Node): Map<string, string> {
  const out = new Map<string, string>();
  for (const spec of descendants(root, ['import_spec'])) {
    const pathNode = fieldOf(spec, 'path');
    if (!pathNode) continue;
    const e = goLang.expr(pathNode);
    if (e.k !== 'string') continue;
    const path = e.value;
    const alias = fieldOf(spec, 'name')?.text;
    const parts = path.split('/');
    let last = parts.at(-1) ?? path;
    if (/^v\d+$/.test(last) && parts.length > 1) last = parts.at(-2)!;
    last = last.replace(/^go-/, '').replace(/[.-]go$/, '').replace(/[^A-Za-z0-9_]/g, '');
    out.set(alias && alias !== '_' && alias !== '.' ? alias : alias === '_' ? `_${path}` : last, path);
  }
  return out;
}
