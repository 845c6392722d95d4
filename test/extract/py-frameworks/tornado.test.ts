import { describe, expect, it } from 'vitest';
import { tornadoRoutes } from '../../../src/extract/tornado/routes.js';
import { extractPython, ofKind } from './parse.js';

const lines = (facts: Awaited<ReturnType<typeof extractPython>>) =>
  ofKind(facts, 'route').map((r) => `${r.method} ${r.path}${r.isRegex ? ' (regex)' : ''}${r.view ? ` view=${r.view.ref.path.join('.')}` : ''} :${r.location.startLine}`);

describe('tornado/routes', () => {
  it('reads handler tuples, url()/URLSpec specs, add_handlers lists and built-in handlers', async () => {
    const facts = await extractPython(tornadoRoutes, 'app.py', [
      'import tornado.web',
      'from tornado.web import url',
      'import handlers',
      'routes = [',
      '    (r"/", MainHandler),',
      '    (r"/items/(?P<item_id>[0-9]+)", handlers.ItemHandler, {"x": 1}),',
      '    url(r"/named", MainHandler, name="named"),',
      '    (r"/static/(.*)", tornado.web.StaticFileHandler, {"path": "s"}),',
      '    (r"/opt(?:/(\\d+))?", MainHandler),',
      '    ("processed %d items", count),',
      '    (r"/lower", helper),',
      ']',
      'app = tornado.web.Application(routes)',
      'app.add_handlers(r".*", [tornado.web.URLSpec(r"/v2", MainHandler)])',
      'pairs = [("a", B)]',
    ].join('\n'));
    expect(lines(facts)).toEqual([
      'GET / view=MainHandler :5',
      'GET /items/{item_id} view=handlers.ItemHandler :6',
      'GET /named view=MainHandler :7',
      'GET /static/{param} :8',
      'HEAD /static/{param} :8',
      'GET /opt view=MainHandler :9',
      'GET /v2 view=MainHandler :14',
    ]);
    expect(ofKind(facts, 'route').every((r) => r.framework === 'tornado' && !r.router)).toBe(true);
  });

  it('describes RequestHandler classes by the methods they define, inherited in-file, and WebSocket handlers as GET', async () => {
    const facts = await extractPython(tornadoRoutes, 'handlers.py', [
      'import tornado.web',
      'import tornado.websocket',
      'class Base(tornado.web.RequestHandler):',
      '    def options(self):',
      '        pass',
      'class ItemHandler(Base):',
      '    async def get(self, item_id):',
      '        pass',
      '    def delete(self, item_id):',
      '        pass',
      '    def query(self, filters):',
      '        return filters',
      'class Socket(tornado.websocket.WebSocketHandler):',
      '    def on_message(self, m):',
      '        pass',
      'class Plain(object):',
      '    def get(self):',
      '        pass',
    ].join('\n'));
    const views = ofKind(facts, 'view').map((v) => `${v.ref.path.join('.')}: ${v.routes.map((r) => `${r.method}=${r.handler?.name}`).join(' ')}`);
    expect(views).toEqual([
      'Base: OPTIONS=Base.options',
      'ItemHandler: GET=ItemHandler.get DELETE=ItemHandler.delete OPTIONS=ItemHandler.options',
      'Socket: GET=Socket',
    ]);
  });

  it('keeps patterns it cannot turn into a path as regular expressions', async () => {
    const facts = await extractPython(tornadoRoutes, 'app.py', [
      'import tornado.web',
      'app = tornado.web.Application([(r"/files/[a-z]+\\.txt", FileHandler)])',
    ].join('\n'));
    expect(lines(facts)).toEqual(['GET /files/[a-z]+\\.txt (regex) view=FileHandler :2']);
  });
});
