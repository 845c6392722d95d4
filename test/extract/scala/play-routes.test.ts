import { describe, expect, it } from 'vitest';
import type { Fact } from '../../../src/core/facts.js';
import { isPlayRoutesFile, playPath, playRoutes } from '../../../src/extract/scala/play-routes.js';
import { sirdPath, sirdRoutes } from '../../../src/extract/scala/sird-routes.js';
import { adapterFor, initAdapters } from '../../../src/languages/index.js';
import { buildModel } from '../../../src/model/build-model.js';

const routesFacts = (path: string, text: string): Fact[] => playRoutes.extract({ path, language: 'text', text, tree: { kind: 'text' } });

async function scalaFacts(path: string, text: string): Promise<Fact[]> {
  await initAdapters(['scala']);
  const parsed = adapterFor('scala').parse({ path, language: 'scala', text, bytes: text.length });
  if (!parsed.ok) throw new Error(parsed.message);
  return sirdRoutes.extract({ path, language: 'scala', text, tree: parsed.tree });
}

describe('Play routes files', () => {
  it('reads routes, includes, comments and modifiers line by line', () => {
    const facts = routesFacts('conf/routes', [
      '# comment',
      'GET     /                 controllers.HomeController.index',
      '',
      '+ nocsrf',
      'POST    /users/:id        @controllers.Users.update(id: Long, request: Request)',
      '  DELETE /files/$name<[a-z]+\\.txt>  controllers.Files.delete(name)',
      'GET     /assets/*file     controllers.Assets.at(path="/public", file)',
      'PROPFIND /dav             controllers.Dav.any',
      '->      /admin            admin.Routes',
    ].join('\n'));
    const routes = facts.filter((f) => f.kind === 'route');
    expect(routes.map((r) => r.kind === 'route' && `${r.method} ${r.path} ${r.handler?.name} :${r.location.startLine}:${r.location.startColumn}`)).toEqual([
      'GET / controllers.HomeController.index :2:1',
      'POST /users/:id controllers.Users.update :5:1',
      'DELETE /files/:name controllers.Files.delete :6:3',
      'GET /assets/*file controllers.Assets.at :7:1',
    ]);
    const mount = facts.find((f) => f.kind === 'mount');
    expect(mount).toMatchObject({ parent: { file: 'conf/routes', path: ['routes'] }, child: { file: 'play:router', path: ['admin', 'Routes'] }, prefix: '/admin' });
    expect(facts.find((f) => f.kind === 'router')).toMatchObject({ isApp: true, ref: { file: 'conf/routes', path: ['routes'] } });
  });

  it('names sub-routes files by the router class Play generates, wherever they sit', () => {
    const facts = routesFacts('modules/admin/conf/admin.v1.routes', 'GET /stats controllers.Admin.stats\n');
    expect(facts).toEqual([expect.objectContaining({ kind: 'route', router: { file: 'play:router', path: ['admin', 'v1', 'Routes'] } })]);
  });

  it('skips sbt plugin test fixtures and non-routes files', () => {
    expect(isPlayRoutesFile('conf/routes')).toBe(true);
    expect(isPlayRoutesFile('conf/api.routes')).toBe(true);
    expect(isPlayRoutesFile('src/sbt-test/sample/conf/routes')).toBe(false);
    expect(isPlayRoutesFile('conf/application.conf')).toBe(false);
    expect(isPlayRoutesFile('conf/.routes')).toBe(false);
  });

  it('converts regex and interpolated parameters', () => {
    expect(playPath('/a/$id<[0-9]{2,}>/b')).toBe('/a/:id/b');
    expect(playPath('/price/$')).toBe('/price/$');
    expect(sirdPath('/posts/$id<[0-9]+>')).toBe('/posts/:id');
    expect(sirdPath('/posts/$id/comments/${cid}')).toBe('/posts/:id/comments/:cid');
    expect(sirdPath('/assets/$file*')).toBe('/assets/*file');
  });

  it('resolves SIRD routers and sub-routes files included from conf/routes', async () => {
    const facts = [
      ...routesFacts('conf/routes', 'GET /direct controllers.Home.index\n-> /v1/posts v1.post.PostRouter\n-> /admin admin.Routes\n'),
      ...routesFacts('conf/admin.routes', 'GET /stats controllers.Admin.stats\n'),
      ...(await scalaFacts('app/v1/post/PostRouter.scala', [
        'package v1.post',
        'class PostRouter @Inject() (c: PostController) extends SimpleRouter {',
        '  override def routes: Routes = {',
        '    case GET(p"/") => c.index',
        '    case PUT(p"/$id<[0-9]+>" ? q"x=$x") => c.update(id)',
        '    case OTHER(p"/no") => c.no',
        '  }',
        '}',
      ].join('\n'))),
    ];
    const model = buildModel({
      facts, serviceRoots: [''], hasMoaiDir: false,
      files: [{ path: 'conf/routes', language: 'text' }, { path: 'conf/admin.routes', language: 'text' }, { path: 'app/v1/post/PostRouter.scala', language: 'scala' }],
    });
    expect(model.endpoints.map((e) => `${e.method} ${e.path} ${e.location.file}:${e.location.startLine}`).sort()).toEqual([
      'GET /admin/stats conf/admin.routes:1',
      'GET /direct conf/routes:1',
      'GET /v1/posts app/v1/post/PostRouter.scala:4',
      'PUT /v1/posts/{id} app/v1/post/PostRouter.scala:5',
    ]);
  });
});
