// What a file-routed module exports, read from its top-level statements only (no walk): the
// frameworks that route by file path (Next.js, Nuxt, Remix, SvelteKit, Astro, Fresh) decide what a
// file serves from its export names (`GET`, `loader`, `handler`, `default`).
import type * as t from '@babel/types';
import type { Node } from '../javascript/ast.js';
import type { ParsedFile } from '../../languages/types.js';

export interface ExportedValue {
  /** The exported value when this file defines it (function, arrow, object, call); undefined otherwise. */
  value?: Node;
  /** Where the export is written (for locations). */
  at: Node;
}

export interface ModuleShape {
  program: t.Program;
  /** Exported name ('default' for the default export) -> value. */
  exports: Map<string, ExportedValue>;
  /** `export * from 'x'` sources. */
  exportAll: string[];
  /** Top-level directives ('use server', 'use client'). */
  directives: string[];
  /** Import bindings: local name -> { source, imported } ('default' / '*' / a name). */
  imports: Map<string, { source: string; imported: string }>;
  /** Top-level `const x = <init>` and `function x() {}`: name -> init or declaration. */
  locals: Map<string, Node>;
}

/** The program of a Babel-parsed file, or undefined. */
export function programOf(file: ParsedFile): t.Program | undefined {
  if (file.tree.kind !== 'babel') return undefined;
  const program = file.tree.ast?.program;
  return program && Array.isArray(program.body) ? program : undefined;
}

/** Strips type assertions and parentheses: `x as T`, `x satisfies T`, `(x)`, `x!`. */
export function unwrap(node: Node | null | undefined): Node | undefined {
  let current = node ?? undefined;
  while (current && (current.type === 'TSAsExpression' || current.type === 'TSSatisfiesExpression'
    || current.type === 'TSNonNullExpression' || current.type === 'ParenthesizedExpression' || current.type === 'TSTypeAssertion')) {
    current = current.expression;
  }
  return current;
}

function keyName(node: Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'StringLiteral') return node.value;
  return undefined;
}

export function readModuleShape(file: ParsedFile): ModuleShape | undefined {
  const program = programOf(file);
  if (!program) return undefined;
  const shape: ModuleShape = {
    program, exports: new Map(), exportAll: [], directives: [], imports: new Map(), locals: new Map(),
  };
  for (const d of program.directives ?? []) if (d?.value?.value) shape.directives.push(d.value.value);
  const localExports: [string, string, Node][] = []; // exported, local, at
  for (const stmt of program.body) {
    switch (stmt.type) {
      case 'ImportDeclaration': {
        if (stmt.importKind === 'type') break;
        for (const spec of stmt.specifiers) {
          const imported = spec.type === 'ImportDefaultSpecifier' ? 'default'
            : spec.type === 'ImportNamespaceSpecifier' ? '*'
              : keyName(spec.imported as Node) ?? '';
          shape.imports.set(spec.local.name, { source: stmt.source.value, imported });
        }
        break;
      }
      case 'FunctionDeclaration':
        if (stmt.id) shape.locals.set(stmt.id.name, stmt);
        break;
      case 'VariableDeclaration':
        declareLocals(stmt, shape.locals);
        break;
      case 'ExportNamedDeclaration': {
        const decl = stmt.declaration;
        if (decl?.type === 'FunctionDeclaration' && decl.id) {
          shape.locals.set(decl.id.name, decl);
          shape.exports.set(decl.id.name, { value: decl, at: stmt });
        } else if (decl?.type === 'VariableDeclaration') {
          declareLocals(decl, shape.locals);
          for (const d of decl.declarations) {
            if (d.id.type === 'Identifier') {
              shape.exports.set(d.id.name, { value: unwrap(d.init), at: stmt });
            } else if (d.id.type === 'ObjectPattern') {
              // `export const { POST } = serve(...)`: the names are exported, their values come from a call.
              for (const p of d.id.properties) {
                if (p.type !== 'ObjectProperty') continue;
                const local = p.value.type === 'Identifier' ? p.value.name : undefined;
                if (local) shape.exports.set(local, { at: stmt });
              }
            }
          }
        } else if (decl?.type === 'ClassDeclaration' && decl.id) {
          shape.exports.set(decl.id.name, { value: decl, at: stmt });
        }
        if (stmt.exportKind === 'type') break;
        for (const spec of stmt.specifiers ?? []) {
          if (spec.type !== 'ExportSpecifier') continue;
          const exported = keyName(spec.exported as Node);
          if (!exported) continue;
          if (stmt.source) shape.exports.set(exported, { at: stmt }); // re-export: value lives elsewhere
          else localExports.push([exported, spec.local.name, stmt]);
        }
        break;
      }
      case 'ExportDefaultDeclaration': {
        const decl = stmt.declaration as Node;
        if ((decl.type === 'FunctionDeclaration' || decl.type === 'ClassDeclaration') && decl.id) shape.locals.set(decl.id.name, decl);
        shape.exports.set('default', { value: unwrap(decl), at: stmt });
        break;
      }
      case 'ExportAllDeclaration':
        if (stmt.exportKind !== 'type') shape.exportAll.push(stmt.source.value);
        break;
      default:
        break;
    }
  }
  for (const [exported, local, at] of localExports) shape.exports.set(exported, { value: shape.locals.get(local), at });
  return shape;
}

function declareLocals(decl: t.VariableDeclaration, locals: Map<string, Node>): void {
  for (const d of decl.declarations) {
    if (d.id.type === 'Identifier' && d.init) locals.set(d.id.name, unwrap(d.init)!);
  }
}

/** Follows `x` to its top-level definition (a few steps), so `export default handler` reaches the function. */
export function resolveLocal(shape: ModuleShape, node: Node | undefined): Node | undefined {
  let current = unwrap(node);
  for (let i = 0; i < 4 && current?.type === 'Identifier'; i++) {
    const next = shape.locals.get(current.name);
    if (!next) return current;
    current = unwrap(next);
  }
  return current;
}

export function isFunctionNode(node: Node | undefined): node is t.FunctionDeclaration | t.FunctionExpression | t.ArrowFunctionExpression {
  return !!node && (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression');
}

/** The name a call's callee resolves to through local aliases and imports: `h(...)` with `import { defineEventHandler as h }`. */
export function calleeIdentity(shape: ModuleShape, call: Node | undefined): { name: string; source?: string } | undefined {
  const node = unwrap(call);
  if (!node || node.type !== 'CallExpression') return undefined;
  let callee = unwrap(node.callee as Node);
  for (let i = 0; i < 4 && callee?.type === 'Identifier'; i++) {
    const imported = shape.imports.get(callee.name);
    if (imported) return { name: imported.imported === 'default' || imported.imported === '*' ? callee.name : imported.imported, source: imported.source };
    const local = shape.locals.get(callee.name);
    if (!local || local.type !== 'Identifier') return { name: callee.name };
    callee = local;
  }
  if (callee?.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') return { name: callee.property.name };
  return undefined;
}

export const STANDARD_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export type StandardMethod = (typeof STANDARD_METHODS)[number];
export const STANDARD_METHOD_SET: ReadonlySet<string> = new Set(STANDARD_METHODS);

/**
 * The methods an all-method handler answers, as the file-routed frameworks' endpoint inventories list
 * them (a handler for every verb, or a default API handler that never looks at the method).
 */
export const ALL_HANDLER_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
