import { describe, expect, it } from 'vitest';
import { djangoNinjaRoutes, ninjaPath } from '../../../src/extract/django-ninja/routes.js';
import { extractPython, ofKind, routeLines } from './parse.js';

describe('django-ninja/routes', () => {
  it('drops Django converters written inside braces', () => {
    expect(ninjaPath('/items/{int:item_id}/{slug}')).toBe('/items/{item_id}/{slug}');
  });

  it('reads operation decorators, api_operation and add_router (objects and module strings)', async () => {
    const facts = await extractPython(djangoNinjaRoutes, 'api.py', [
      'from ninja import NinjaAPI, Router',
      'from events.api import router as events_router',
      'api = NinjaAPI()',
      'sub = Router()',
      '@api.get("/items/{int:item_id}")',
      'def item(request, item_id: int): pass',
      '@api.api_operation(["POST", "patch"], "/mixed")',
      'def mixed(request): pass',
      '@sub.delete(path="/x")',
      'def x(request): pass',
      '@events_router.put("/e")',
      'def e(request): pass',
      'api.add_router("/events/", events_router)',
      'api.add_router("/news/", "news.api.router")',
      'api.add_router(prefix="/sub", router=sub)',
    ].join('\n'));
    expect(routeLines(facts)).toEqual(['GET /items/{item_id} @api', 'POST /mixed @api', 'PATCH /mixed @api', 'DELETE /x @sub', 'PUT /e @events_router']);
    expect(ofKind(facts, 'router').map((r) => `${r.ref.path[0]}${r.isApp ? ' app' : ''}`)).toEqual(['api', 'sub']);
    expect(ofKind(facts, 'mount').map((m) => `${m.prefix} ${m.childModule ?? ''}:${m.child.path.join('.')}`)).toEqual([
      '/events/ :events_router', '/news/ news.api:router', '/sub :sub',
    ]);
  });

  it('ignores decorators on undefined names', async () => {
    const facts = await extractPython(djangoNinjaRoutes, 'api.py', 'from ninja import Router\n@other.get("/x")\ndef x(request): pass\n');
    expect(ofKind(facts, 'route')).toEqual([]);
  });
});
