// An app-wide authorization policy protects every endpoint but [AllowAnonymous] ones.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../src/model/build-model.js';
import { csharpRouteExtractors } from '../../../src/extract/csharp/route-extractors.js';
import type { Fact } from '../../../src/core/facts.js';
import { extractCs } from './parse.js';

const CONTROLLER = [
  'using Microsoft.AspNetCore.Mvc;',
  '[ApiController]',
  '[Route("api/items")]',
  'public class ItemsController : ControllerBase',
  '{',
  '    [HttpGet] [AllowAnonymous] public IActionResult List() => Ok();',
  '    [HttpPost] public IActionResult Create() => Ok();',
  '}',
];

async function authOf(program: string[]): Promise<string[]> {
  const facts: Fact[] = [];
  for (const [path, text] of [['Controllers/ItemsController.cs', CONTROLLER], ['Program.cs', program]] as const) {
    for (const extractor of csharpRouteExtractors) facts.push(...await extractCs(extractor, path, text.join('\n')));
  }
  const model = buildModel({ facts, files: [{ path: 'Controllers/ItemsController.cs', language: 'csharp' }, { path: 'Program.cs', language: 'csharp' }], serviceRoots: [''], hasMoaiDir: false });
  return model.endpoints.map((e) => `${e.method} ${e.path} ${e.auth}`).sort();
}

describe('aspnetcore global authorization', () => {
  it('a fallback policy requiring an authenticated user', async () => {
    expect(await authOf([
      'var builder = WebApplication.CreateBuilder(args);',
      'builder.Services.AddAuthorization(options => {',
      '    options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();',
      '});',
    ])).toEqual(['GET /api/items none', 'POST /api/items required']);
  });

  it('MapControllers().RequireAuthorization() and a global AuthorizeFilter', async () => {
    expect(await authOf(['var app = builder.Build();', 'app.MapControllers().RequireAuthorization();'])).toEqual(['GET /api/items none', 'POST /api/items required']);
    expect(await authOf(['builder.Services.AddControllers(o => o.Filters.Add(new AuthorizeFilter()));'])).toEqual(['GET /api/items none', 'POST /api/items required']);
  });

  it('no app-wide policy: nothing changes', async () => {
    expect(await authOf(['var app = builder.Build();', 'app.MapControllers();'])).toEqual(['GET /api/items none', 'POST /api/items none']);
  });
});
