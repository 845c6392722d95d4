import { describe, expect, it } from 'vitest';
import type { Fact } from '../../../src/core/facts.js';
import { expressRoutes } from '../../../src/extract/express/routes.js';
import { fastifyRoutes } from '../../../src/extract/fastify/routes.js';
import { koaRoutes } from '../../../src/extract/koa/routes.js';
import { javascriptRouteExtractors } from '../../../src/extract/javascript/route-extractors.js';
import { nestjsRoutes } from '../../../src/extract/nestjs/routes.js';
import { sailsRoutes } from '../../../src/extract/sails/routes.js';
import { buildModel } from '../../../src/model/build-model.js';
import { extractJs, ofKind } from '../js-frameworks/parse.js';

/** Static mounts as 'framework prefix <- dir (base) @router:line'. */
const mounts = (facts: Fact[]) => ofKind(facts, 'static-mount').map((m) =>
  `${m.framework} ${m.prefix} <- ${m.dir} (${m.base}) @${m.router?.path.join('.') ?? '-'}:${m.location.startLine}`);

describe('express static mounts', () => {
  it('reads express.static / serve-static with literal, __dirname-relative and cwd-relative directories', () => {
    const facts = extractJs(expressRoutes, 'src/app.js', [
      "const express = require('express');",
      "const path = require('path');",
      "const serveStatic = require('serve-static');",
      'const app = express();',
      "app.use('/assets', express.static('public'));",
      "app.use(express.static(path.join(__dirname, '..', 'web'), { dotfiles: 'ignore' }));",
      "app.use('/docs', serveStatic(`${__dirname}/docs`));",
      "app.use('/up', express.static(path.resolve(process.cwd(), 'uploads')));",
      'app.use(express.static(config.publicDir));',
      "app.use('/api', apiRouter);",
      'app.listen(3000);',
    ]);
    expect(mounts(facts)).toEqual([
      'express /assets <- public (cwd) @app:5',
      'express  <- ../web (file) @app:6',
      'express /docs <- docs (file) @app:7',
      'express /up <- uploads (cwd) @app:8',
    ]);
    // An unresolvable directory stays what it was: middleware.
    expect(ofKind(facts, 'router-middleware').map((m) => m.middleware.name)).toContain('express.static');
  });

  it('mounts on a router keep the router prefix and the middleware declared before them (model)', () => {
    const files: Record<string, string> = {
      'app.js': [
        "import express from 'express';",
        "import admin from './admin.js';",
        'const app = express();',
        "app.use('/admin', admin);",
        'app.listen(3000);',
      ].join('\n'),
      'admin.js': [
        "import { Router } from 'express';",
        "import express from 'express';",
        'const router = Router();',
        'router.use(requireAuth);',
        "router.use('/files', express.static('private'));",
        'export default router;',
      ].join('\n'),
    };
    const facts: Fact[] = [];
    for (const [path, text] of Object.entries(files)) {
      for (const extractor of javascriptRouteExtractors) facts.push(...extractJs(extractor, path, text));
    }
    const model = buildModel({
      facts, files: Object.keys(files).map((path) => ({ path, language: 'javascript' as const })), serviceRoots: [''], hasMoaiDir: false,
      allPaths: ['package.json', 'app.js', 'admin.js', 'private/report.pdf', 'private/.htaccess'],
    });
    expect(model.staticFiles.map((e) => `${e.method} ${e.path} ${e.auth}`)).toEqual(['GET /admin/files/report.pdf required']);
  });

  it('Koa: koa-static serves at the root, or below a koa-mount prefix; a const-bound middleware is followed', () => {
    const facts = extractJs(koaRoutes, 'server.js', [
      "const Koa = require('koa');",
      "const serve = require('koa-static');",
      "const mount = require('koa-mount');",
      'const app = new Koa();',
      "app.use(serve(__dirname + '/public'));",
      "app.use(mount('/media', serve('uploads')));",
      "const docs = serve('docs');",
      'app.use(docs);',
      'app.listen(3000);',
    ]);
    expect(mounts(facts)).toEqual(['koa  <- public (file) @app:5', 'koa /media <- uploads (cwd) @app:6', 'koa  <- docs (cwd) @app:8']);
  });
});

describe('fastify static mounts', () => {
  it('@fastify/static: root (one or several) and prefix, default prefix /, serve: false serves nothing', () => {
    const facts = extractJs(fastifyRoutes, 'app.js', [
      "const fastify = require('fastify')();",
      "const path = require('node:path');",
      "fastify.register(require('@fastify/static'), { root: 'public', prefix: '/assets/' });",
      "fastify.register(require('@fastify/static'), { root: [path.join(__dirname, 'a'), path.join(__dirname, 'b')], decorateReply: false });",
      "fastify.register(require('@fastify/static'), { root: path.join(__dirname, 'c'), serve: false });",
      'fastify.listen({ port: 3000 });',
    ]);
    expect(mounts(facts)).toEqual([
      'fastify /assets/ <- public (cwd) @fastify:3',
      'fastify / <- a (file) @fastify:4',
      'fastify / <- b (file) @fastify:4',
    ]);
  });

  it('an imported plugin binding is recognised too', () => {
    const facts = extractJs(fastifyRoutes, 'server.ts', [
      "import Fastify from 'fastify';",
      "import fastifyStatic from '@fastify/static';",
      'const app = Fastify();',
      "app.register(fastifyStatic, { root: 'dist/client', prefix: '/app' });",
    ]);
    expect(mounts(facts)).toEqual(['fastify /app <- dist/client (cwd) @app:4']);
  });
});

describe('nestjs static mounts', () => {
  it('app.use(express.static), useStaticAssets with prefix, ServeStaticModule.forRoot: not under the global prefix', () => {
    const main = extractJs(nestjsRoutes, 'src/main.ts', [
      "import { NestFactory } from '@nestjs/core';",
      "import { join } from 'path';",
      "import * as express from 'express';",
      'async function bootstrap() {',
      '  const app = await NestFactory.create(AppModule);',
      "  app.setGlobalPrefix('api');",
      "  app.use('/static', express.static('public'));",
      "  app.useStaticAssets(join(__dirname, '..', 'uploads'), { prefix: '/uploads/' });",
      '  await app.listen(3000);',
      '}',
    ]);
    expect(mounts(main)).toEqual(['nestjs /static <- public (cwd) @-:7', 'nestjs /uploads/ <- ../uploads (file) @-:8']);
    const module = extractJs(nestjsRoutes, 'src/app.module.ts', [
      "import { ServeStaticModule } from '@nestjs/serve-static';",
      "import { join } from 'path';",
      '@Module({',
      "  imports: [ServeStaticModule.forRoot({ rootPath: join(__dirname, '..', 'client'), serveRoot: '/app' }, { rootPath: join(__dirname, '..', 'docs') })],",
      '})',
      'export class AppModule {}',
    ]);
    expect(mounts(module)).toEqual(['nestjs /app <- ../client (file) @-:4', 'nestjs  <- ../docs (file) @-:4']);
    const model = buildModel({
      facts: [...main, ...module], files: [{ path: 'src/main.ts', language: 'typescript' }, { path: 'src/app.module.ts', language: 'typescript' }],
      serviceRoots: [''], hasMoaiDir: false, allPaths: ['package.json', 'src/main.ts', 'public/logo.png', 'client/index.html', 'uploads/a.txt'],
    });
    expect(model.staticFiles.map((e) => `${e.method} ${e.path}`).sort()).toEqual([
      'GET /app', 'GET /app/index.html', 'GET /static/logo.png', 'GET /uploads/a.txt',
    ]);
  });
});

describe('sails static mounts', () => {
  it('config/routes.js marks the app assets/ folder, served at /', () => {
    const facts = extractJs(sailsRoutes, 'config/routes.js', [
      'module.exports.routes = {',
      "  'GET /users': 'UserController.find',",
      '};',
    ]);
    expect(mounts(facts)).toEqual(['sails / <- ../assets (file) @-:1']);
    expect(mounts(extractJs(sailsRoutes, 'config/policies.js', ['module.exports.policies = { "*": true };']))).toEqual([]);
  });
});
