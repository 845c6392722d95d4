import { describe, expect, it } from 'vitest';
import type { Fact } from '../../../src/core/facts.js';
import { akkaHttpRoutes } from '../../../src/extract/scala/akka-http.js';
import { http4sRoutes } from '../../../src/extract/scala/http4s.js';
import type { Extractor } from '../../../src/extract/types.js';
import { adapterFor, initAdapters } from '../../../src/languages/index.js';
import { buildModel } from '../../../src/model/build-model.js';

async function scalaFacts(extractor: Extractor, path: string, text: string): Promise<Fact[]> {
  await initAdapters(['scala']);
  const parsed = adapterFor('scala').parse({ path, language: 'scala', text, bytes: text.length });
  if (!parsed.ok) throw new Error(parsed.message);
  return extractor.extract({ path, language: 'scala', text, tree: parsed.tree });
}

const lines = (facts: Fact[]) => facts.flatMap((f) => (f.kind === 'route' ? [`${f.method} ${f.path} :${f.location.startLine}`] : []));

describe('Akka HTTP directive trees', () => {
  it('joins path directives, binds matcher parameters to lambda names and sets methods', async () => {
    const facts = await scalaFacts(akkaHttpRoutes, 'src/main/scala/Api.scala', [
      'import akka.http.scaladsl.server.Directives._',
      'object Api {',
      '  val users = pathPrefix("users") {',
      '    concat(',
      '      pathEnd { get { complete("all") } ~ post { complete("made") } },',
      '      path(IntNumber / "posts" / Segment) { (id, slug) =>',
      '        authenticateBasic("realm", check) { user =>',
      '          put { complete("ok") }',
      '        }',
      '      }',
      '    )',
      '  }',
      '  val health = path("health") { complete("up") }',
      '  val route: Route = users ~ (get & path("about")) { complete("about") }',
      '  def notARoute(x: Int) = x + 1',
      '}',
    ].join('\n'));
    // Roots in definition order: `health`, then `route` (which walks `users`, then its own alternative).
    expect(lines(facts)).toEqual([
      'ANY /health :13',
      'GET /users :5',
      'POST /users :5',
      'PUT /users/{id}/posts/{slug} :8',
      'GET /about :14',
    ]);
    const put = facts.find((f) => f.kind === 'route' && f.method === 'PUT');
    expect(put?.kind === 'route' && put.middleware?.map((m) => m.role)).toEqual(['auth']);
  });

  it('ignores routing DSL inside strings and comments', async () => {
    const facts = await scalaFacts(akkaHttpRoutes, 'Repro.scala', [
      'import akka.http.scaladsl.server.Directives._',
      'object R {',
      '  val doc = """ path("ghost") { get { complete("x") } } """',
      '  // path("ghost2") { get { complete("x") } }',
      '  val route = path("real") { get { complete("ok") } }',
      '}',
    ].join('\n'));
    expect(lines(facts)).toEqual(['GET /real :5']);
  });
});

describe('http4s routes', () => {
  it('reads case patterns, alternatives, captures and query matchers; AuthedRoutes require auth; Router mounts', async () => {
    const facts = await scalaFacts(http4sRoutes, 'src/main/scala/Routes.scala', [
      'import org.http4s.dsl.io._',
      'object Routes {',
      '  val users: HttpRoutes[IO] = HttpRoutes.of[IO] {',
      '    case GET -> Root / "users" / IntVar(id) => Ok("")',
      '    case req @ POST -> Root / "users" => Ok("")',
      '    case (GET | HEAD) -> Root / "search" :? Q(q) => Ok("")',
      '    case GET -> Root / "files" / name => Ok("")',
      '  }',
      '  val me: HttpRoutes[IO] = mw(AuthedRoutes.of[User, IO] { case GET -> Root / "me" as user => Ok("") })',
      '  val app = Router("/api" -> (users <+> Other.routes), "/auth" -> me).orNotFound',
      '}',
    ].join('\n'));
    expect(lines(facts)).toEqual([
      'GET /users/{id} :4', 'POST /users :5', 'GET /search :6', 'HEAD /search :6', 'GET /files/{name} :7', 'GET /me :9',
    ]);
    const model = buildModel({ facts, files: [{ path: 'src/main/scala/Routes.scala', language: 'scala' }], serviceRoots: [''], hasMoaiDir: false });
    expect(model.endpoints.map((e) => `${e.method} ${e.path} ${e.auth}`).sort()).toEqual([
      'GET /api/files/{name} none', 'GET /api/search none', 'GET /api/users/{id} none', 'GET /auth/me required',
      'HEAD /api/search none', 'POST /api/users none',
    ]);
    const mounts = facts.filter((f) => f.kind === 'mount').map((m) => m.kind === 'mount' && `${m.child.path.join('.')} ${m.prefix}`);
    expect(mounts).toEqual(['Routes.users /api', 'Other.routes /api', 'Routes.me /auth']);
  });
});
