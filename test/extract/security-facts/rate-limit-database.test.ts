import { describe, expect, it } from 'vitest';
import { javascriptDatabases } from '../../../src/extract/javascript/database.js';
import { javascriptRateLimits } from '../../../src/extract/javascript/rate-limit.js';
import { pythonDatabases } from '../../../src/extract/python/database.js';
import { pythonRateLimits } from '../../../src/extract/python/rate-limit.js';
import { manifestDatabases } from '../../../src/extract/text/database.js';
import { ofKind, run } from './parse.js';

const limits = async (extractor: typeof javascriptRateLimits, path: string, lines: string[]) =>
  ofKind(await run(extractor, path, lines), 'rate-limit').map((r) => `${r.location.startLine} ${r.library} ${r.applied} ${r.scope ?? '-'}`);
const dbs = async (extractor: typeof javascriptDatabases, path: string, lines: string[]) =>
  ofKind(await run(extractor, path, lines), 'database').map((d) => `${d.location.startLine} ${d.library} ${d.engine ?? '-'}`);

describe('javascript/rate-limit', () => {
  it('tracks where express-rate-limit limiters are applied', async () => {
    expect(await limits(javascriptRateLimits, 'src/app.ts', [
      "import rateLimit from 'express-rate-limit';",
      'const apiLimiter = rateLimit({ windowMs: 60000, max: 100 });',
      'const unused = rateLimit({ max: 5 });',
      "app.use('/api/', apiLimiter);",
      "app.post('/login', rateLimit({ max: 5 }), login);",
      "app.use(rateLimit({ max: 1000 }));",
    ])).toEqual(['4 express-rate-limit true /api/', '5 express-rate-limit true /login', '6 express-rate-limit true ', '3 express-rate-limit false -']);
  });

  it('recognises NestJS throttler guards and fastify registration', async () => {
    expect(await limits(javascriptRateLimits, 'src/app.module.ts', [
      "import { ThrottlerModule, ThrottlerGuard } from '@nestjs/throttler';",
      "import rateLimit from '@fastify/rate-limit';",
      '@Module({ imports: [ThrottlerModule.forRoot([{ ttl: 60000, limit: 10 }])],',
      '  providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }] })',
      'export class AppModule {}',
      'await app.register(rateLimit, { max: 100 });',
    ])).toEqual(['3 @nestjs/throttler false -', '4 @nestjs/throttler true ', '6 @fastify/rate-limit true ']);
  });
});

describe('python/rate-limit', () => {
  it('reads slowapi decorators with their route path and DRF throttle settings', async () => {
    expect(await limits(pythonRateLimits, 'app/main.py', [
      'from slowapi import Limiter',
      'from slowapi.util import get_remote_address',
      'limiter = Limiter(key_func=get_remote_address)',
      '@app.post("/login")',
      '@limiter.limit("5/minute")',
      'async def login(request): pass',
      "REST_FRAMEWORK = {'DEFAULT_THROTTLE_CLASSES': ['rest_framework.throttling.AnonRateThrottle']}",
    ])).toEqual(['3 slowapi false -', '5 slowapi true /login', '7 django-rest-framework true ']);
  });

  it('reads flask-limiter defaults and django-ratelimit decorators', async () => {
    expect(await limits(pythonRateLimits, 'app/ext.py', [
      'from flask_limiter import Limiter',
      'from django_ratelimit.decorators import ratelimit',
      'limiter = Limiter(get_remote_address, app=app, default_limits=["200 per day"])',
      "@ratelimit(key='ip', rate='5/m')",
      'def login_view(request): pass',
    ])).toEqual(['3 flask-limiter true ', '4 django-ratelimit true -']);
  });
});

describe('databases', () => {
  it('reads JS imports and ORM configuration', async () => {
    expect(await dbs(javascriptDatabases, 'models/index.ts', [
      "import { Sequelize } from 'sequelize';",
      "import { Pool } from 'pg';",
      "import { DataTypes, Model } from 'sequelize';",
      "const sequelize = new Sequelize('db', 'user', 'pw', { dialect: 'sqlite', storage: 'data.sqlite' });",
      'const pool = new Pool();',
    ])).toEqual(['1 sequelize -', '2 pg postgresql', '4 sequelize sqlite']);
    // A model file that only extends the ORM's base class is not a separate database.
    expect(await dbs(javascriptDatabases, 'models/user.ts', [
      "import { DataTypes, Model } from 'sequelize';",
      'export class User extends Model {}',
    ])).toEqual([]);
    expect(await dbs(javascriptDatabases, 'src/data-source.ts', [
      "import { DataSource } from 'typeorm';",
      "export const ds = new DataSource({ type: 'postgres', host: 'localhost', entities: [] });",
    ])).toEqual(['1 typeorm -', '2 typeorm postgresql']);
  });

  it('reads Python drivers, SQLAlchemy URLs and Django DATABASES', async () => {
    expect(await dbs(pythonDatabases, 'app/db.py', [
      'import asyncpg',
      'from sqlalchemy import create_engine',
      'engine = create_engine("mysql+pymysql://app@db/app")',
      "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql'}}",
      'async def pool(dsn): return await asyncpg.create_pool(dsn)',
    ])).toEqual(['1 asyncpg postgresql', '2 sqlalchemy -', '3 sqlalchemy mysql', '4 django-orm postgresql']);
    expect(await dbs(pythonDatabases, 'app/repo.py', ['from asyncpg import Connection', 'async def get(conn: Connection): pass'])).toEqual([]);
  });

  it('reads manifests and the Prisma datasource provider', async () => {
    expect(await dbs(manifestDatabases, 'package.json', ['{', '  "dependencies": {', '    "@prisma/client": "5.0.0",', '    "express": "4.0.0",', '    "mongoose": "7.0.0"', '  }', '}']))
      .toEqual(['3 prisma -', '5 mongoose mongodb']);
    expect(await dbs(manifestDatabases, 'prisma/schema.prisma', ['datasource db {', '  provider = "postgresql"', '  url = env("DATABASE_URL")', '}', 'generator client {', '  provider = "prisma-client-js"', '}']))
      .toEqual(['2 prisma postgresql']);
    expect(await dbs(manifestDatabases, 'requirements.txt', ['fastapi==0.110', 'psycopg2-binary>=2.9  # db', 'databases[postgresql]==0.6']))
      .toEqual(['2 psycopg2 postgresql', '3 databases postgresql']);
    expect(await dbs(manifestDatabases, 'pyproject.toml', ['[tool.poetry.dependencies]', 'python = "^3.9"', 'asyncpg = "^0.26"', '[project]', 'dependencies = [', '  "pymongo>=4",', ']']))
      .toEqual(['3 asyncpg postgresql', '6 pymongo mongodb']);
  });
});
