import { describe, expect, it } from 'vitest';
import type { Fact } from '../../../src/core/facts.js';
import { scalatraRoutes } from '../../../src/extract/scala/scalatra.js';
import { tapirRoutes } from '../../../src/extract/scala/tapir.js';
import { zioHttpRoutes } from '../../../src/extract/scala/zio-http.js';
import type { Extractor } from '../../../src/extract/types.js';
import { adapterFor, initAdapters } from '../../../src/languages/index.js';
import { buildModel } from '../../../src/model/build-model.js';

async function scalaFacts(extractor: Extractor, path: string, lines: string[]): Promise<Fact[]> {
  const text = lines.join('\n');
  await initAdapters(['scala']);
  const parsed = adapterFor('scala').parse({ path, language: 'scala', text, bytes: text.length });
  if (!parsed.ok) throw new Error(parsed.message);
  return extractor.extract({ path, language: 'scala', text, tree: parsed.tree });
}

const routes = (facts: Fact[]) => facts.flatMap((f) => (f.kind === 'route' ? [`${f.method} ${f.path} :${f.location.startLine}`] : []));

describe('Scalatra', () => {
  it('reads route statements of a servlet body on the class ref, not nested calls', async () => {
    const facts = await scalaFacts(scalatraRoutes, 'src/main/scala/a/Users.scala', [
      'package a',
      'import org.scalatra._',
      'class Users extends ScalatraServlet {',
      '  get("/users/:id") {',
      '    params("id")',
      '  }',
      '  post("/users", isJson) { "ok" }',
      '  get("""/years/(\\d{4})""".r) { "y" }',
      '  def x = { get("/nested") { 1 } }',
      '}',
    ]);
    expect(routes(facts)).toEqual(['GET /users/:id :4', 'POST /users :7', 'GET /years/(\\d{4}) :8']);
    expect(facts.flatMap((f) => (f.kind === 'route' && f.isRegex ? [f.path] : []))).toEqual(['/years/(\\d{4})']);
    const first = facts[0];
    expect(first?.kind === 'route' && first.router).toEqual({ file: 'jvm:a', path: ['Users'] });
  });

  it('mounts servlets through imports and strips the /* mapping', async () => {
    const facts = await scalaFacts(scalatraRoutes, 'src/main/scala/ScalatraBootstrap.scala', [
      'import shop.{Orders, Status => S}',
      'import org.scalatra._',
      'import admin.pages._',
      'class ScalatraBootstrap extends LifeCycle {',
      '  override def init(context: ServletContext): Unit = {',
      '    context.mount(new Orders, "/orders/*")',
      '    context.mount(new S(), "/status")',
      '    context.mount(new x.y.Z, "/z")',
      '    context.mount(new Dashboard, "/admin/*")',
      '  }',
      '}',
    ]);
    const mounts = facts.flatMap((f) => (f.kind === 'mount' ? [`${f.child.file}:${f.child.path.join('.')} ${f.prefix}`] : []));
    expect(mounts).toEqual([
      'jvm:shop:Orders /orders', 'jvm:shop:Status /status', 'jvm:x.y:Z /z', 'jvm::Dashboard /admin', 'jvm:admin.pages:Dashboard /admin',
    ]);
  });

  it('mounts the application traits a servlet extends, not Scalatra support traits', async () => {
    const facts = await scalaFacts(scalatraRoutes, 'src/main/scala/a/Api.scala', [
      'package a',
      'import org.scalatra._',
      'import b.Audit',
      'trait UserRoutes { self: ScalatraBase => get("/users") { "all" } }',
      'class Api extends ScalatraServlet with JacksonJsonSupport with UserRoutes with Audit[Int]',
    ]);
    const mounts = facts.flatMap((f) => (f.kind === 'mount' ? [`${f.parent.path.join('.')} <- ${f.child.file}:${f.child.path.join('.')} '${f.prefix}'`] : []));
    expect(mounts).toEqual(["Api <- jvm:a:UserRoutes ''", "Api <- jvm:b:Audit ''"]);
    expect(routes(facts)).toEqual(['GET /users :4']);
  });

  it('ignores test sources', async () => {
    const facts = await scalaFacts(scalatraRoutes, 'src/test/scala/Spec.scala', [
      'import org.scalatra.test._',
      'class Spec extends ScalatraFunSuite { get("/x") { status } }',
    ]);
    expect(facts).toEqual([]);
  });
});

describe('Tapir', () => {
  it('follows endpoint chains, path inputs, base vals and constants', async () => {
    const facts = await scalaFacts(tapirRoutes, 'src/main/scala/Api.scala', [
      'import sttp.tapir._',
      'object Api {',
      '  val Base = "api"',
      '  val limit = query[Int]("limit")',
      '  val base = endpoint.securityIn(auth.bearer[String]()).in(Base / "v1")',
      '  val list = base.get.in("items").in(limit)',
      '  val one = endpoint.get.in("items" / path[Int]("id").description("x")).out(stringBody)',
      '  val put = endpoint.method(Method.PUT).in("items" / path[Int]).in(jsonBody[Item])',
      '  val rest = endpoint.in("files" / paths).post',
      '  val noMethod = endpoint.in("nothing")',
      '  val getBase = endpoint.get.in("g")',
      '  val derived = getBase.in("child")',
      '}',
    ]);
    expect(routes(facts).sort()).toEqual([
      'GET /api/v1/items :6', 'GET /g/child :12', 'GET /items/{id} :7', 'POST /files/* :9', 'PUT /items/{param} :8',
    ]);
    const authed = facts.flatMap((f) => (f.kind === 'route' && f.middleware ? [`${f.path} ${f.middleware[0]?.name}`] : []));
    expect(authed).toEqual(['/api/v1/items auth.bearer']);
  });
});

describe('Tapir base endpoints across files', () => {
  it('registers chains on bases from other files and prefixes them with the base path and auth', async () => {
    const base = await scalaFacts(tapirRoutes, 'src/main/scala/Base.scala', [
      'import sttp.tapir._',
      'object Base {',
      '  val secured = endpoint.securityIn(auth.bearer[String]()).in("api")',
      '  val admin = secured.in("admin").errorOut(stringBody)',
      '  val settings = config.getString("x")',
      '}',
    ]);
    const users = await scalaFacts(tapirRoutes, 'src/main/scala/Users.scala', [
      'import sttp.tapir._',
      'import Base._',
      'object Users {',
      '  val me = secured.get.in("me").out(stringBody)',
      '  val purge = Base.admin.delete.in("users" / path[Int]("id"))',
      '  val notAnEndpoint = maybe.get',
      '}',
    ]);
    expect(users.filter((f) => f.kind === 'route').map((f) => f.kind === 'route' && `${f.method} ${f.path} ${f.router?.path.join('.')}`))
      .toEqual(['GET /me secured', 'DELETE /users/{id} admin']);
    const facts = [...base, ...users];
    const model = buildModel({
      facts, files: [{ path: 'src/main/scala/Base.scala', language: 'scala' }, { path: 'src/main/scala/Users.scala', language: 'scala' }],
      serviceRoots: [''], hasMoaiDir: false,
    });
    expect(model.endpoints.map((e) => `${e.method} ${e.path} ${e.auth}`).sort()).toEqual(['DELETE /api/admin/users/{id} required', 'GET /api/me required']);
  });
});

describe('ZIO HTTP', () => {
  it('reads Method.X / path patterns, codecs and case patterns', async () => {
    const facts = await scalaFacts(zioHttpRoutes, 'src/main/scala/App.scala', [
      'import zio.http._',
      'object App {',
      '  val routes = Routes(',
      '    Method.GET / "users" / int("id") -> handler(Response.ok),',
      '    Method.POST / "users" / "search" -> handler(Response.ok),',
      '    Method.ANY / "files" / trailing -> handler(Response.ok)',
      '  )',
      '  val ep = Endpoint(Method.DELETE / "v2" / PathCodec.uuid("key")).out[Int]',
      '  val old = Http.collect[Request] { case Method.GET -> Root / "old" / name => Response.ok }',
      '  val notARoute = a / "b"',
      '  val base = "v3"',
      '  val id = PathCodec.int("itemId")',
      '  val more = Routes(Method.GET / base / id -> handler(Response.ok), Method.GET / PathCodec.empty -> handler(Response.ok))',
      '  val nested = Routes(Method.PUT / "x" -> handler(Response.ok)).nest("api" / "v1")',
      '  val prefixed = literal("v2") / Routes(Method.POST / "y" -> handler(Response.ok))',
      '}',
    ]);
    expect(routes(facts).sort()).toEqual([
      'ANY /files/* :6', 'DELETE /v2/{key} :8', 'GET / :13', 'GET /old/{name} :9', 'GET /users/{id} :4', 'GET /v3/{itemId} :13', 'POST /users/search :5', 'POST /v2/y :15', 'PUT /api/v1/x :14',
    ]);
  });
});
