import { describe, expect, it } from 'vitest';
import { pythonModules } from '../../../src/extract/python/modules.js';
import { extractPython, ofKind } from './parse.js';

describe('python/modules', () => {
  it('emits one import fact per binding, keeping relative dots', async () => {
    const facts = await extractPython(pythonModules, 'app/main.py', [
      'import a.b.c',
      'import a.b as x',
      'from a.b import c as d, e',
      'from . import views',
      'from ..routes import users as users_routes',
      'def factory():',
      '    from .api import router',
    ].join('\n'));
    expect(ofKind(facts, 'import').map((f) => `${f.local} <- ${f.source}:${f.imported} @${f.location.startLine}`)).toEqual([
      'a <- a:* @1',
      'x <- a.b:* @2',
      'd <- a.b:c @3',
      'e <- a.b:e @3',
      'views <- .:views @4',
      'users_routes <- ..routes:users @5',
      'router <- .api:router @7',
    ]);
    expect(ofKind(facts, 'import').every((f) => f.language === 'python')).toBe(true);
  });

  it('emits alias facts for top-level dotted-name assignments only', async () => {
    const facts = await extractPython(pythonModules, 'm.py', [
      'api = router',
      'items = articles.api.router',
      'app = create_app()',
      'PREFIX = "/api"',
      'def f():',
      '    local = router',
    ].join('\n'));
    expect(ofKind(facts, 'alias').map((f) => `${f.local} -> ${f.target.path.join('.')}`)).toEqual([
      'api -> router',
      'items -> articles.api.router',
    ]);
  });

  it('emits constant facts for module strings, settings class fields and in-file instances', async () => {
    const facts = await extractPython(pythonModules, 'app/core/config.py', [
      'BASE = "/api"',
      'API_V1 = f"{BASE}/v1"',
      'DOC = "has spaces in it"',
      'class Settings(BaseSettings):',
      '    API_V1_STR: str = API_V1',
      '    debug: bool = False',
      'settings = Settings()',
    ].join('\n'));
    expect(ofKind(facts, 'constant').map((f) => `${f.ref.path.join('.')}=${f.value} @${f.location.startLine}`)).toEqual([
      'BASE=/api @1',
      'API_V1=/api/v1 @2',
      'Settings.API_V1_STR=/api/v1 @5',
      'settings.API_V1_STR=/api/v1 @7',
    ]);
  });
});
