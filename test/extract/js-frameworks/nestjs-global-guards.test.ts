// An auth guard registered for the whole application protects every route but those marked @Public().
import { describe, expect, it } from 'vitest';
import { endpointDetails } from './parse.js';

const CONTROLLER = [
  "import { Controller, Get, Post } from '@nestjs/common';",
  "import { Public } from '../auth/public.decorator';",
  "@Controller('articles')",
  'export class ArticlesController {',
  '  @Public() @Get() list() {}',
  '  @Post() create() {}',
  '}',
];

describe('nestjs global guards', () => {
  it('APP_GUARD with an auth guard: routes need auth unless @Public()', () => {
    const endpoints = endpointDetails({
      'src/articles/articles.controller.ts': CONTROLLER,
      'src/app.module.ts': [
        "import { APP_GUARD } from '@nestjs/core';",
        "import { JwtAuthGuard } from './auth/jwt-auth.guard';",
        '@Module({ providers: [{ provide: APP_GUARD, useClass: JwtAuthGuard }] })',
        'export class AppModule {}',
      ],
    });
    expect(endpoints.map((e) => `${e.method} ${e.path} ${e.auth}`).sort()).toEqual(['GET /articles none', 'POST /articles required']);
  });

  it('app.useGlobalGuards(new AuthGuard()) counts; a throttler guard does not make routes authenticated', () => {
    const withAuth = endpointDetails({
      'src/articles/articles.controller.ts': CONTROLLER,
      'src/main.ts': ["const app = await NestFactory.create(AppModule);", 'app.useGlobalGuards(new RolesAuthGuard(reflector));'],
    });
    expect(withAuth.find((e) => e.method === 'POST')?.auth).toBe('required');
    const throttled = endpointDetails({
      'src/articles/articles.controller.ts': CONTROLLER,
      'src/app.module.ts': ['@Module({ providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }] })', 'export class AppModule {}'],
    });
    expect(throttled.map((e) => e.auth)).toEqual(['none', 'none']);
  });
});
