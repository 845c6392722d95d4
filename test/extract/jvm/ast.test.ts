import { describe, expect, it } from 'vitest';
import { allClasses, annotationArg } from '../../../src/extract/jvm/jvm-source.js';
import { classChain, evalStrings, replacePlaceholders } from '../../../src/extract/jvm/values.js';
import { outline, src } from './parse.js';

describe('Java outline', () => {
  it('reads package, imports, class kinds, supertypes and annotation arguments', async () => {
    const file = await outline('A.java', src(
      'package com.shop.api;',
      'import com.shop.base.BaseApi;',
      'import org.springframework.web.bind.annotation.*;',
      'import static com.shop.Paths.ROOT;',
      '@RestController',
      '@RequestMapping(value = {"/a", "/b"}, produces = "json")',
      'public class A extends Base implements BaseApi, Other<String> {',
      '  @GetMapping("/x") String x() { return ""; }',
      '}',
      'interface I {}',
      '@interface Marker {}',
      'abstract class Abs {}',
    ));
    expect(file.packageName).toBe('com.shop.api');
    expect(file.imports.get('BaseApi')).toBe('com.shop.base.BaseApi');
    expect(file.wildcardImports).toEqual(['org.springframework.web.bind.annotation']);
    expect(file.staticImports.get('ROOT')).toBe('com.shop.Paths.ROOT');
    expect(allClasses(file).map((c) => `${c.name}:${c.kind}:${c.isAbstract}`)).toEqual(['A:class:false', 'I:interface:true', 'Marker:annotation:false', 'Abs:class:true']);
    const a = file.classes[0]!;
    expect(a.supertypes).toEqual(['Base', 'BaseApi', 'Other']);
    expect(a.annotations.map((x) => x.simpleName)).toEqual(['RestController', 'RequestMapping']);
    const scope = { file, classes: [a] };
    expect(evalStrings(annotationArg(a.annotations[1]!, 'value'), scope)).toEqual([{ kind: 'literal', text: '/a' }, { kind: 'literal', text: '/b' }]);
    expect(a.methods.map((m) => m.name)).toEqual(['x']);
  });

  it('resolves constants of the class, of outer and nested classes, and concatenation', async () => {
    const file = await outline('R.java', src(
      'package p;',
      'class R {',
      '  static final String BASE = "/api";',
      '  static final String USERS = BASE + "/users";',
      '  static final class Paths { static final String ONE = "/{id}"; }',
      '  @GetMapping(USERS + Paths.ONE) void one() {}',
      '  @GetMapping(R.BASE) void two() {}',
      '}',
    ));
    const r = file.classes[0]!;
    const scope = { file, classes: classChain(file, r) };
    const values = r.methods.map((m) => evalStrings(annotationArg(m.annotations[0]!, 'value'), scope));
    expect(values).toEqual([[{ kind: 'literal', text: '/api/users/{id}' }], [{ kind: 'literal', text: '/api' }]]);
  });

  it('keeps constants of other files and ${placeholders} as references', async () => {
    const file = await outline('src/C.java', src(
      'package p.web;',
      'import p.api.Routes;',
      'class C {',
      '  @GetMapping(Routes.ITEMS + "/{id}") void a() {}',
      '  @GetMapping("${api.base:/v1}/things") void b() {}',
      '  @GetMapping(p.other.Names.X) void c() {}',
      '}',
    ));
    const c = file.classes[0]!;
    const scope = { file, classes: [c] };
    const [a, b, cc] = c.methods.map((m) => evalStrings(annotationArg(m.annotations[0]!, 'value'), scope)[0]);
    expect(a).toEqual({ kind: 'ref', ref: { file: 'jvm:p.api', path: ['Routes', 'ITEMS'] }, fallback: '{Routes.ITEMS}', suffix: '/{id}', label: 'Routes.ITEMS' });
    expect(b).toEqual({ kind: 'ref', ref: { file: 'src/C.java', path: ['api.base'] }, fallback: '/v1', suffix: '/things', label: 'api.base' });
    expect(cc).toMatchObject({ kind: 'ref', ref: { file: 'jvm:p.other', path: ['Names', 'X'] } });
  });

  it('recovers the positional value and Kotlin-style arrays of invalid Java annotations', async () => {
    const file = await outline('I.java', src(
      'class I {',
      '  @RequestMapping("/put", method = RequestMethod.PUT) void a() {}',
      '  @RequestMapping("/both", method = [RequestMethod.GET, RequestMethod.POST]) void b() {}',
      '}',
    ));
    const [a, b] = file.classes[0]!.methods.map((m) => m.annotations[0]!);
    const scope = { file, classes: [] };
    expect(evalStrings(annotationArg(a!, 'value'), scope)).toEqual([{ kind: 'literal', text: '/put' }]);
    expect(annotationArg(b!, 'method')).toEqual({ kind: 'array', items: [{ kind: 'name', path: ['RequestMethod', 'GET'] }, { kind: 'name', path: ['RequestMethod', 'POST'] }] });
  });

  it('replaces nested placeholder defaults', () => {
    expect(replacePlaceholders('${server.error.path:${error.path:/error}}')).toBe('/error');
    expect(replacePlaceholders('/x/${missing}/y')).toBe('/x//y');
  });
});

describe('Kotlin outline', () => {
  it('reads annotations with array arguments, companion and top-level constants', async () => {
    const file = await outline('K.kt', src(
      'package com.notes',
      'import com.notes.api.NoteApi',
      '@RestController',
      'class K(private val s: S) : NoteApi, Base() {',
      '  @GetMapping(path = ["/a", "/b"], params = ["x=1"])',
      '  fun a() = 1',
      '  @PatchMapping(value = arrayOf(ROOT + "/c"))',
      '  fun c() = 1',
      '  companion object { const val ROOT = "/root" }',
      '}',
      'const val TOP = "/top"',
      'interface NoteApi2 {',
      '  @GetMapping(TOP)',
      '  fun x(): String',
      '}',
    ));
    expect(file.packageName).toBe('com.notes');
    const k = file.classes[0]!;
    expect(k.supertypes).toEqual(['NoteApi', 'Base']);
    const scope = { file, classes: [k] };
    expect(evalStrings(annotationArg(k.methods[0]!.annotations[0]!, 'path'), scope).map((v) => (v.kind === 'literal' ? v.text : v.kind)))
      .toEqual(['/a', '/b']);
    expect(evalStrings(annotationArg(k.methods[1]!.annotations[0]!, 'value'), scope)).toEqual([{ kind: 'literal', text: '/root/c' }]);
    const api = file.classes[1]!;
    expect(api.kind).toBe('interface');
    expect(evalStrings(annotationArg(api.methods[0]!.annotations[0]!, 'value'), { file, classes: [api] })).toEqual([{ kind: 'literal', text: '/top' }]);
  });

  it('treats interpolated strings as unknown and reads escaped $ as text', async () => {
    const file = await outline('V.kt', src(
      'class V {',
      '  @GetMapping("/a/$x") fun a() = 1',
      '  @GetMapping("\\${base.path:/b}/c") fun b() = 1',
      '}',
    ));
    const v = file.classes[0]!;
    const scope = { file, classes: [v] };
    expect(evalStrings(annotationArg(v.methods[0]!.annotations[0]!, 'value'), scope)).toEqual([{ kind: 'unknown' }]);
    expect(evalStrings(annotationArg(v.methods[1]!.annotations[0]!, 'value'), scope)[0]).toMatchObject({ kind: 'ref', fallback: '/b', suffix: '/c' });
  });

  it('gives annotations the grammar parsed as a stray expression to the class that follows', async () => {
    const file = await outline('H.kt', src(
      'package a',
      'import b.*',
      '@RestController',
      '@RequestMapping("/api/article")',
      'class ArticleController(private val r: R) {',
      '  @GetMapping("/")',
      '  fun all() = r.all()',
      '}',
      '',
      '@RestController',
      'class Other',
    ));
    const first = file.classes.find((c) => c.name === 'ArticleController')!;
    expect(first.annotations.map((a) => a.simpleName)).toEqual(['RestController', 'RequestMapping']);
    expect(evalStrings(annotationArg(first.annotations[1]!, 'value'), { file, classes: [first] })).toEqual([{ kind: 'literal', text: '/api/article' }]);
  });
});
