import { describe, expect, it } from 'vitest';
import { javascriptCors } from '../../../src/extract/javascript/cors.js';
import { weakOriginRegex } from '../../../src/extract/cors/origin-patterns.js';
import { pythonCors } from '../../../src/extract/python/cors.js';
import { ofKind, run } from './parse.js';

const corsLines = async (extractor: typeof javascriptCors, path: string, lines: string[]) =>
  ofKind(await run(extractor, path, lines), 'cors-config').map((c) => `${c.location.startLine} ${c.library} ${c.policy} ${c.credentials}`);

describe('javascript/cors', () => {
  it('judges the cors package by its options', async () => {
    expect(await corsLines(javascriptCors, 'src/app.ts', [
      "import cors from 'cors';",
      "const allowed = ['https://app.example.org'];",
      'app.use(cors());',
      "app.use(cors({ origin: '*' }));",
      'app.use(cors({ origin: true, credentials: true }));',
      'app.use(cors({ origin: (origin, cb) => cb(null, true) }));',
      'app.use(cors({ origin: allowed, credentials: true }));',
      "app.use(cors({ origin: (o, cb) => allowed.includes(o) ? cb(null, true) : cb(new Error('no')) }));",
      "app.use(cors({ origin: process.env.CORS_ORIGIN || '*' }));",
      'app.use(cors({ origin: process.env.CORS_ORIGIN }));',
    ])).toEqual([
      '3 cors wildcard false',
      '4 cors wildcard false',
      '5 cors reflect-origin true',
      '6 cors reflect-origin false',
      '7 cors allowlist true',
      '8 cors allowlist false',
      '9 cors wildcard false',
      '10 cors unknown false',
    ]);
  });

  it('knows @koa/cors, @fastify/cors, hono and NestJS defaults', async () => {
    expect(await corsLines(javascriptCors, 'src/main.ts', [
      "import koaCors from '@koa/cors';",
      "import fastifyCors from '@fastify/cors';",
      "import { cors } from 'hono/cors';",
      'koa.use(koaCors());',
      'fastify.register(fastifyCors, { origin: true });',
      "hono.use('/api/*', cors());",
      'app.enableCors();',
      'const nest = await NestFactory.create(AppModule, { cors: true });',
    ])).toEqual([
      '4 @koa/cors reflect-origin false',
      '5 @fastify/cors reflect-origin false',
      '6 hono wildcard false',
      '7 nestjs wildcard false',
      '8 nestjs wildcard false',
    ]);
  });

  it('reads raw Access-Control-Allow-Origin headers and their credentials', async () => {
    expect(await corsLines(javascriptCors, 'src/server.js', [
      'function handler(req, res) {',
      "  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);",
      "  res.setHeader('Access-Control-Allow-Credentials', 'true');",
      '}',
      "const headers = { 'Access-Control-Allow-Origin': '*' };",
    ])).toEqual(['2 header reflect-origin true', '5 header wildcard null']);
  });

  it('reads NestJS @Header decorators and origins taken from request input', async () => {
    expect(await corsLines(javascriptCors, 'src/ctl.ts', [
      '@Controller()',
      'export class C {',
      "  @Header('Access-Control-Allow-Origin', '*')",
      '  @Get() list() {}',
      '}',
      "app.get('/x', (req, res) => { res.set('Access-Control-Allow-Origin', req.query.origin); res.end(); });",
    ])).toEqual(['3 header wildcard null', '6 header reflect-origin null']);
  });

  it('flags origin regexes with an unescaped dot in CORS variables', async () => {
    const facts = ofKind(await run(javascriptCors, 'src/cors.ts', [
      'const corsOrigins = [',
      '  /^https:\\/\\/app\\.example\\.org$/,',
      '  /^https:\\/\\/(www|api).example.org$/,',
      '];',
      'const paths = [/^\\/a.b$/];',
    ]), 'cors-config');
    expect(facts.map((f) => [f.location.startLine, f.permissivePattern])).toEqual([[3, '^https:\\/\\/(www|api).example.org$']]);
    expect(weakOriginRegex('(.+\\.)*example\\.org$')).toBeUndefined();
    expect(weakOriginRegex('.*')).toBe('matches-any');
  });
});

describe('python/cors', () => {
  it('reads CORSMiddleware keyword arguments and resolves module constants', async () => {
    expect(await corsLines(pythonCors, 'app/main.py', [
      'from fastapi.middleware.cors import CORSMiddleware',
      'origins = ["*"]',
      'app.add_middleware(CORSMiddleware, allow_origins=origins, allow_credentials=True)',
      'app.add_middleware(CORSMiddleware, allow_origins=["https://app.example.org"])',
      'app.add_middleware(CORSMiddleware, allow_origin_regex=".*")',
      'app.add_middleware(CORSMiddleware, allow_origins=settings.origins)',
    ])).toEqual([
      '3 starlette wildcard true',
      '4 starlette allowlist false',
      '5 starlette wildcard false',
      '6 starlette unknown false',
    ]);
  });

  it('reads flask-cors, django-cors-headers settings and raw headers', async () => {
    expect(await corsLines(pythonCors, 'app/flask_app.py', [
      'from flask_cors import CORS, cross_origin',
      'CORS(app)',
      'CORS(app, origins=["https://a.example.org"], supports_credentials=True)',
      '@cross_origin()',
      'def view(): pass',
    ])).toEqual(['2 flask-cors wildcard false', '3 flask-cors allowlist true', '4 flask-cors wildcard false']);
    expect(await corsLines(pythonCors, 'proj/settings.py', [
      'CORS_ALLOW_ALL_ORIGINS = True',
      'CORS_ALLOW_CREDENTIALS = True',
      'CORS_ALLOWED_ORIGINS = ["https://a.example.org"]',
    ])).toEqual(['1 django-cors-headers wildcard true', '3 django-cors-headers allowlist true']);
    expect(await corsLines(pythonCors, 'app/views.py', [
      'def view(request):',
      '    response["Access-Control-Allow-Origin"] = request.headers.get("Origin")',
      '    return {"headers": {"Access-Control-Allow-Origin": "*"}}',
    ])).toEqual(['2 header reflect-origin null', '3 header wildcard null']);
  });
});
