import { describe, expect, it } from 'vitest';
import { litestarRoutes } from '../../../src/extract/litestar/routes.js';
import { extractPython, ofKind, routeLines } from './parse.js';

describe('litestar/routes', () => {
  it('reads handler decorators: bare, path lists, route(http_method=) and websockets', async () => {
    const facts = await extractPython(litestarRoutes, 'app.py', [
      'from litestar import get, post, route, websocket',
      'from litestar.enums import HttpMethod',
      '@get()',
      'async def root() -> dict: ...',
      '@get(path=["/a", "/b"])',
      'async def ab() -> dict: ...',
      '@route("/m", http_method=[HttpMethod.GET, "post"])',
      'async def multi() -> dict: ...',
      '@post("/items/{item_id:int}", sync_to_thread=False)',
      'def create(item_id: int) -> dict: ...',
      '@websocket("/ws")',
      'async def ws(socket) -> None: ...',
    ].join('\n'));
    expect(routeLines(facts)).toEqual(['GET  @root', 'GET /a @ab', 'GET /b @ab', 'GET /m @multi', 'POST /m @multi', 'POST /items/{item_id:int} @create', 'GET /ws @ws']);
    expect(ofKind(facts, 'route')[3]!.location.startLine).toBe(7);
  });

  it('makes controllers routers with their path, and mounts handlers in Router / Litestar lists', async () => {
    const facts = await extractPython(litestarRoutes, 'app.py', [
      'from litestar import Controller, Litestar, Router, get, delete',
      'import handlers',
      'class Base(Controller):',
      '    path = "/users"',
      'class Users(Base):',
      '    @delete("/{uid:int}")',
      '    async def remove(self, uid: int) -> None: ...',
      'api = Router(path="/api", route_handlers=[Users, handlers.health])',
      'app = Litestar(route_handlers=[api, Router("/inline", route_handlers=[handlers.x])])',
      'app.register(handlers.late)',
    ].join('\n'));
    expect(routeLines(facts)).toEqual(['DELETE /{uid:int} @Users']);
    expect(ofKind(facts, 'router').map((r) => `${r.ref.path.join('.')} ${r.prefix ?? ''}${r.isApp ? ' app' : ''}`)).toEqual([
      'Base /users', 'Users /users', 'api /api', 'app  app', '<litestar-router:9:36> /inline',
    ]);
    expect(ofKind(facts, 'mount').map((m) => `${m.parent.path.join('.')} <- ${m.child.path.join('.')}`)).toEqual([
      'api <- Users', 'api <- handlers.health', 'app <- api', '<litestar-router:9:36> <- handlers.x', 'app <- <litestar-router:9:36>', 'app <- handlers.late',
    ]);
  });

  it('ignores same-named decorators of other libraries', async () => {
    const facts = await extractPython(litestarRoutes, 'app.py', 'import litestar\nfrom other import get\n@get("/x")\ndef x(): ...\n');
    expect(ofKind(facts, 'route')).toEqual([]);
  });
});
