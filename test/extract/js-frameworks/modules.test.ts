import { describe, expect, it } from 'vitest';
import type { Fact } from '../../../src/core/facts.js';
import { javascriptModules } from '../../../src/extract/javascript/modules.js';
import { extractJs, ofKind } from './parse.js';

const imports = (facts: Fact[]) => ofKind(facts, 'import').map((i) => `${i.local}=${i.source}#${i.imported}`);
const exports = (facts: Fact[]) => ofKind(facts, 'export').map((e) => `${e.exported}=${e.local.path.join('.')}`);

describe('javascript/modules', () => {
  it('reads ESM imports and exports, including re-exports', () => {
    const facts = extractJs(javascriptModules, 'index.ts', [
      "import express, { Router as R } from 'express';",
      "import * as users from './users';",
      "import type { Request } from 'express';",
      "export { default as articles, list } from './articles';",
      "export * as tags from './tags';",
      'export const router = R();',
      'export function make() {}',
      'export { router as api };',
      "export const BASE = '/api';",
      "export const Paths = { users: '/users', nested: { id: ':id' } };",
      "export enum Keys { A = 'a' }",
      'export default router;',
    ]);
    expect(imports(facts)).toEqual([
      'express=express#default', 'R=express#Router', 'users=./users#*',
      '__reexport_articles=./articles#default', '__reexport_list=./articles#list', '__reexport_tags=./tags#*',
    ]);
    expect(exports(facts)).toEqual([
      'articles=__reexport_articles', 'list=__reexport_list', 'tags=__reexport_tags', 'router=router', 'make=make',
      'api=router', 'BASE=BASE', 'Paths=Paths', 'Keys=Keys', 'default=router',
    ]);
    expect(ofKind(facts, 'constant').map((c) => `${c.ref.path.join('.')}=${c.value}`)).toEqual([
      'BASE=/api', 'Paths.users=/users', 'Paths.nested.id=:id', 'Keys.A=a',
    ]);
  });

  it('reads CommonJS requires and module.exports, with synthetic names for non-references', () => {
    const facts = extractJs(javascriptModules, 'r.js', [
      "const express = require('express');",
      "const { a, b: c } = require('./y');",
      "const z = require('./z').inner;",
      'const api = router.v1;',
      'function lazy() { const later = require("./later"); }',
      'module.exports = { a, renamed: c, fn: function () {}, cfg: { prefix: "/v1" } };',
      'module.exports.extra = require("./extra");',
      'exports.thing = z;',
    ]);
    expect(imports(facts)).toEqual([
      'express=express#default', 'a=./y#a', 'c=./y#b', 'z=./z#inner', '__reexport_extra=./extra#default', 'later=./later#default',
    ]);
    expect(exports(facts)).toEqual(['a=a', 'renamed=c', 'fn=__export_fn', 'cfg=__export_cfg', 'extra=__reexport_extra', 'thing=z']);
    expect(ofKind(facts, 'alias').map((a) => `${a.local}=${a.target.path.join('.')}`)).toEqual(['api=router.v1']);
    expect(ofKind(facts, 'constant').map((c) => `${c.ref.path.join('.')}=${c.value}`)).toEqual(['__export_cfg.prefix=/v1']);
  });

  it('names anonymous default exports', () => {
    const facts = extractJs(javascriptModules, 'p.js', ['module.exports = async function (fastify) {};']);
    expect(exports(facts)).toEqual(['default=__default_export']);
    const esm = extractJs(javascriptModules, 'q.ts', ['export default async function named(app) {}']);
    expect(exports(esm)).toEqual(['default=named']);
  });
});
