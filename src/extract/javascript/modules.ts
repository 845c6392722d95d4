// JS/TS module linking facts: ESM imports and re-exports, CommonJS require bindings and
// module.exports assignments, and top-level `const a = b.c` aliases. Framework-agnostic.
//
// Exported values that are not plain references (`export default async function (app) {}`,
// `module.exports = router.routes()`) are exported under a synthetic local name
// (`__default_export`, `__export_<name>`); framework extractors give that same name to what they
// recognise there (a router, a plugin) so the model can link them.
import type * as t from '@babel/types';
import type { ExportFact, Fact, ImportFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import type { Extractor } from '../types.js';
import { loc, memberPath, walk, type Node } from './ast.js';

export const DEFAULT_EXPORT_LOCAL = '__default_export';
export const exportLocalName = (name: string): string => (name === 'default' ? DEFAULT_EXPORT_LOCAL : `__export_${name}`);

function unwrapExpr(node: Node | null | undefined): Node | undefined {
  let cur = node ?? undefined;
  while (cur && (cur.type === 'TSAsExpression' || cur.type === 'TSNonNullExpression' || cur.type === 'ParenthesizedExpression' || cur.type === 'TSSatisfiesExpression')) {
    cur = cur.expression;
  }
  return cur;
}

function requireOf(node: Node | undefined): string | undefined {
  if (!node || node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return undefined;
  const arg = node.arguments[0];
  return arg?.type === 'StringLiteral' ? arg.value : undefined;
}

/** `module.exports` -> 'default'; `module.exports.x` / `exports.x` -> 'x'; otherwise undefined. */
export function commonJsExportName(target: Node): string | undefined {
  const path = memberPath(target);
  if (!path) return undefined;
  if (path.length === 2 && path[0] === 'module' && path[1] === 'exports') return 'default';
  if (path.length === 3 && path[0] === 'module' && path[1] === 'exports') return path[2];
  if (path.length === 2 && path[0] === 'exports') return path[1];
  return undefined;
}

/** A string constant written literally: 'x', `x`, 'a' + 'b'. */
function literalString(node: Node): string | undefined {
  if (node.type === 'StringLiteral') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis.map((q) => q.value.cooked ?? q.value.raw).join('');
  if (node.type === 'BinaryExpression' && node.operator === '+') {
    const left = literalString(node.left as Node);
    const right = literalString(node.right);
    return left !== undefined && right !== undefined ? left + right : undefined;
  }
  return undefined;
}

function keyName(key: Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral') return key.value;
  return undefined;
}

class ModuleFacts {
  readonly facts: Fact[] = [];
  constructor(private readonly file: string) {}

  imp(node: Node, local: string, source: string, imported: string): void {
    const fact: ImportFact = { kind: 'import', language: 'javascript', local, source, imported, location: loc(this.file, node) };
    this.facts.push(fact);
  }

  exp(node: Node, exported: string, localPath: string[]): void {
    const fact: ExportFact = { kind: 'export', exported, local: { file: this.file, path: localPath }, location: loc(this.file, node) };
    this.facts.push(fact);
  }

  /** `constant` facts for a literal string, or for every string leaf of an object literal. */
  constants(node: Node, path: string[], value: Node | undefined, depth = 0): void {
    const v = unwrapExpr(value);
    if (!v || depth > 4) return;
    const text = literalString(v);
    if (text !== undefined) {
      this.facts.push({ kind: 'constant', ref: { file: this.file, path }, value: text, location: loc(this.file, node) });
      return;
    }
    if (v.type === 'ObjectExpression') {
      for (const prop of v.properties) {
        if (prop.type !== 'ObjectProperty' || prop.computed) continue;
        const key = keyName(prop.key);
        if (key) this.constants(prop, [...path, key], prop.value as Node, depth + 1);
      }
    }
  }

  enumConstants(node: t.TSEnumDeclaration): void {
    const members = (node as unknown as { members?: t.TSEnumMember[] }).members
      ?? (node as unknown as { body?: { members: t.TSEnumMember[] } }).body?.members ?? [];
    for (const m of members) {
      const key = m.id.type === 'Identifier' ? m.id.name : m.id.value;
      const text = m.initializer ? literalString(m.initializer as Node) : undefined;
      if (text !== undefined) this.facts.push({ kind: 'constant', ref: { file: this.file, path: [node.id.name, key] }, value: text, location: loc(this.file, m) });
    }
  }

  /** Export of an arbitrary expression under `exported`. */
  exportValue(node: Node, exported: string, value: Node | undefined): void {
    const v = unwrapExpr(value);
    if (!v) return;
    const src = requireOf(v);
    if (src !== undefined) {
      const local = `__reexport_${exported}`;
      this.imp(node, local, src, 'default');
      this.exp(node, exported, [local]);
      return;
    }
    if (v.type === 'MemberExpression' && requireOf(unwrapExpr(v.object)) !== undefined) {
      const inner = memberPath(v.property as Node);
      if (!v.computed && inner) {
        const local = `__reexport_${exported}`;
        this.imp(node, local, requireOf(unwrapExpr(v.object))!, inner[0]!);
        this.exp(node, exported, [local]);
        return;
      }
    }
    if ((v.type === 'FunctionExpression' || v.type === 'ClassExpression') && v.id && exported !== 'default') {
      this.exp(node, exported, [v.id.name]);
      return;
    }
    const path = memberPath(v);
    this.exp(node, exported, path ?? [exportLocalName(exported)]);
    if (!path) this.constants(node, [exportLocalName(exported)], v);
  }

  importDeclaration(node: t.ImportDeclaration): void {
    if (node.importKind === 'type' || node.importKind === 'typeof') return;
    for (const spec of node.specifiers) {
      if (spec.type === 'ImportSpecifier' && spec.importKind === 'type') continue;
      const imported = spec.type === 'ImportDefaultSpecifier' ? 'default'
        : spec.type === 'ImportNamespaceSpecifier' ? '*'
          : spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value;
      this.imp(spec, spec.local.name, node.source.value, imported);
    }
  }

  exportNamed(node: t.ExportNamedDeclaration): void {
    if (node.exportKind === 'type') return;
    const decl = node.declaration;
    if (decl) {
      if (decl.type === 'VariableDeclaration') {
        for (const d of decl.declarations) {
          if (d.id.type !== 'Identifier') continue;
          this.exp(d, d.id.name, [d.id.name]);
          if (decl.kind === 'const') this.constants(d, [d.id.name], d.init as Node | undefined);
        }
      } else if (decl.type === 'TSEnumDeclaration') {
        this.exp(decl, decl.id.name, [decl.id.name]);
        this.enumConstants(decl);
      } else if ((decl.type === 'FunctionDeclaration' || decl.type === 'ClassDeclaration') && decl.id) {
        this.exp(decl, decl.id.name, [decl.id.name]);
      }
      return;
    }
    const source = node.source?.value;
    for (const spec of node.specifiers) {
      const exported = spec.exported.type === 'Identifier' ? spec.exported.name : spec.exported.value;
      if (spec.type === 'ExportSpecifier') {
        if (spec.exportKind === 'type') continue;
        const localNode = spec.local as Node;
        const local = localNode.type === 'Identifier' ? localNode.name : localNode.type === 'StringLiteral' ? localNode.value : exported;
        if (source !== undefined) {
          const synthetic = `__reexport_${exported}`;
          this.imp(spec, synthetic, source, local);
          this.exp(spec, exported, [synthetic]);
        } else {
          this.exp(spec, exported, [local]);
        }
      } else if (spec.type === 'ExportNamespaceSpecifier' && source !== undefined) {
        const synthetic = `__reexport_${exported}`;
        this.imp(spec, synthetic, source, '*');
        this.exp(spec, exported, [synthetic]);
      } else if (spec.type === 'ExportDefaultSpecifier' && source !== undefined) {
        const synthetic = `__reexport_${exported}`;
        this.imp(spec, synthetic, source, 'default');
        this.exp(spec, exported, [synthetic]);
      }
    }
  }

  exportDefault(node: t.ExportDefaultDeclaration): void {
    const decl = node.declaration as Node;
    if ((decl.type === 'FunctionDeclaration' || decl.type === 'ClassDeclaration') && decl.id) {
      this.exp(node, 'default', [decl.id.name]);
      return;
    }
    this.exportValue(node, 'default', decl);
  }

  variableDeclaration(node: t.VariableDeclaration, topLevel: boolean): void {
    for (const d of node.declarations) {
      const init = unwrapExpr(d.init);
      const src = requireOf(init);
      if (d.id.type === 'Identifier') {
        if (src !== undefined) {
          this.imp(d, d.id.name, src, 'default');
        } else if (init?.type === 'MemberExpression' && requireOf(unwrapExpr(init.object)) !== undefined) {
          const prop = !init.computed && init.property.type === 'Identifier' ? init.property.name
            : init.property.type === 'StringLiteral' ? init.property.value : undefined;
          if (prop) this.imp(d, d.id.name, requireOf(unwrapExpr(init.object))!, prop);
        } else if (topLevel && node.kind === 'const' && init && (init.type === 'Identifier' || init.type === 'MemberExpression')) {
          const target = memberPath(init);
          if (target && target[0] !== 'this' && target[0] !== d.id.name) {
            this.facts.push({ kind: 'alias', local: d.id.name, target: { file: this.file, path: target }, location: loc(this.file, d) });
          }
        }
      } else if (d.id.type === 'ObjectPattern' && src !== undefined) {
        for (const prop of d.id.properties) {
          if (prop.type !== 'ObjectProperty') continue;
          const key = keyName(prop.key);
          const value = prop.value.type === 'AssignmentPattern' ? prop.value.left : prop.value;
          if (key && value.type === 'Identifier') this.imp(prop, value.name, src, key);
        }
      }
    }
  }

  assignment(node: t.AssignmentExpression, statement: Node): void {
    if (node.operator !== '=') return;
    const name = commonJsExportName(node.left as Node);
    if (name === undefined) return;
    const value = unwrapExpr(node.right);
    if (name === 'default' && value?.type === 'ObjectExpression') {
      for (const prop of value.properties) {
        if (prop.type === 'ObjectProperty' && !prop.computed) {
          const key = keyName(prop.key);
          if (key) this.exportValue(prop, key, prop.value as Node);
        } else if (prop.type === 'ObjectMethod' && !prop.computed) {
          const key = keyName(prop.key);
          if (key) this.exp(prop, key, [exportLocalName(key)]);
        }
      }
      return;
    }
    this.exportValue(statement, name, value);
  }
}

function extractModuleFacts(file: ParsedFile): Fact[] {
  if (file.tree.kind !== 'babel') return [];
  const program = file.tree.ast.program;
  const out = new ModuleFacts(file.path);
  const visitStatement = (stmt: Node, topLevel: boolean) => {
    switch (stmt.type) {
      case 'ImportDeclaration': out.importDeclaration(stmt); break;
      case 'ExportNamedDeclaration':
        out.exportNamed(stmt);
        if (stmt.declaration?.type === 'VariableDeclaration') out.variableDeclaration(stmt.declaration, topLevel);
        break;
      case 'ExportDefaultDeclaration': out.exportDefault(stmt); break;
      case 'TSExportAssignment': out.exportValue(stmt, 'default', stmt.expression as Node); break;
      case 'TSImportEqualsDeclaration':
        if (stmt.moduleReference.type === 'TSExternalModuleReference') {
          out.imp(stmt, stmt.id.name, stmt.moduleReference.expression.value, 'default');
        }
        break;
      case 'VariableDeclaration': out.variableDeclaration(stmt, topLevel); break;
      case 'ExpressionStatement': {
        let expr = unwrapExpr(stmt.expression);
        // `module.exports = exports = x` and `a = module.exports = x`
        while (expr?.type === 'AssignmentExpression') {
          out.assignment(expr, stmt);
          expr = unwrapExpr(expr.right);
        }
        break;
      }
      default: break;
    }
  };
  for (const stmt of program.body) visitStatement(stmt as Node, true);
  if (file.text.includes('require')) collectNestedRequires(program, out);
  return out.facts;
}

/** `const x = require('y')` inside functions and blocks (top level is handled statement by statement). */
function collectNestedRequires(program: t.Program, out: ModuleFacts): void {
  walk(program, (node, ancestors) => {
    if (node.type !== 'VariableDeclaration') return undefined;
    const parent = ancestors[ancestors.length - 1];
    if (parent?.type === 'Program' || (parent?.type === 'ExportNamedDeclaration' && ancestors.length === 2)) return undefined;
    const hasRequire = node.declarations.some((d) => {
      const init = unwrapExpr(d.init);
      return requireOf(init) !== undefined || (init?.type === 'MemberExpression' && requireOf(unwrapExpr(init.object)) !== undefined);
    });
    if (hasRequire) out.variableDeclaration(node, false);
    return undefined;
  });
}

export const javascriptModules: Extractor = {
  id: 'javascript/modules',
  languages: ['javascript', 'typescript'],
  keywords: ['import', 'require', 'export'],
  extract: (file) => extractModuleFacts(file),
};
