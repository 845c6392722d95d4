import { describe, expect, it } from 'vitest';
import { nestjsRoutes } from '../../../src/extract/nestjs/routes.js';
import { endpointDetails, endpointsOf, extractJs, ofKind, routeLines } from './parse.js';

describe('nestjs/routes', () => {
  it('joins controller prefixes, method paths, versions and constants', () => {
    const facts = extractJs(nestjsRoutes, 'users.controller.ts', [
      "import { Controller, Get, Post, All, Sse, Version, VERSION_NEUTRAL } from '@nestjs/common';",
      "const API = 'api';",
      "enum Names { Users = 'users' }",
      "const Paths = { detail: ':id' } as const;",
      "@Controller(API + '/' + Names.Users)",
      'export class UsersController {',
      '  @Get() list() {}',
      '  @Get(Paths.detail) one() {}',
      "  @Post(['bulk', 'import']) upload() {}",
      "  @All('status') status() {}",
      "  @Sse('stream') stream() {}",
      '  // @Get(\'commented\')',
      '  helper() {}',
      '}',
      "@Controller({ path: 'cats', version: ['1', '2'] })",
      'export class CatsController {',
      '  @Get() list() {}',
      "  @Version('3') @Get('override') other() {}",
      '}',
      "@Controller({ path: 'health', version: VERSION_NEUTRAL })",
      'export class HealthController { @Get() ping() {} }',
      "@Controller(['public', 'internal'])",
      "class Multi { @Get('health') h() {} }",
    ]);
    expect(routeLines(facts)).toEqual([
      'GET /api/users', 'GET /api/users/:id', 'POST /api/users/bulk', 'POST /api/users/import', 'ANY /api/users/status',
      'GET /api/users/stream', 'GET /v1/cats', 'GET /v2/cats', 'GET /v3/cats/override', 'GET /health',
      'GET /public/health', 'GET /internal/health',
    ]);
    const first = ofKind(facts, 'route')[0]!;
    expect(first.handler?.name).toBe('list');
    expect(first.location.startLine).toBe(7);
  });

  it('reads guards, public opt-outs and ApiTags', () => {
    const facts = extractJs(nestjsRoutes, 'admin.controller.ts', [
      "import { Controller, Get, Post, UseGuards } from '@nestjs/common';",
      "import { AuthGuard } from '@nestjs/passport';",
      "@ApiTags('admin')",
      "@UseGuards(AuthGuard('jwt'), RolesGuard)",
      "@Controller('admin')",
      'export class AdminController {',
      "  @Get('reports') reports() {}",
      "  @Public() @Get('open') open() {}",
      "  @ApiTags('uploads') @UseGuards(ThrottlerGuard) @Post('upload') upload() {}",
      '}',
    ]);
    const routes = ofKind(facts, 'route');
    expect(routes.map((r) => r.middleware?.map((m) => `${m.name}:${m.role}`) ?? [])).toEqual([
      ['AuthGuard:auth', 'RolesGuard:auth'],
      ['Public:public'],
      ['AuthGuard:auth', 'RolesGuard:auth', 'ThrottlerGuard:rate-limit'],
    ]);
    expect(routes.map((r) => r.openapiTags)).toEqual([['admin'], ['admin'], ['admin', 'uploads']]);
  });

  it('applies the global prefix with exclusions and resolves prefixes from another file', () => {
    const endpoints = endpointDetails({
      'src/main.ts': [
        "import { NestFactory } from '@nestjs/core';",
        'async function bootstrap() {',
        '  const app = await NestFactory.create(AppModule);',
        "  app.setGlobalPrefix('api', { exclude: ['health', { path: 'open', method: RequestMethod.ALL }] });",
        '}',
      ],
      'src/app.controller.ts': [
        "import { Controller, Get } from '@nestjs/common';",
        "@Controller() export class AppController { @Get('health') h() {} @Get('open') o() {} @Get('x') x() {} }",
      ],
    });
    expect(endpoints.map((e) => e.path).sort()).toEqual(['/api/x', '/health', '/open']);
    expect(endpointsOf({
      'src/enum.ts': ["export enum RouteKey { User = 'users' }"],
      'src/users.controller.ts': [
        "import { Controller, Get } from '@nestjs/common';",
        "import { RouteKey } from './enum';",
        "@Controller(RouteKey.User) export class UsersController { @Get('me') me() {} @Get(':id') one() {} }",
      ],
    })).toEqual(['GET /users/me', 'GET /users/{id}']);
  });
});
