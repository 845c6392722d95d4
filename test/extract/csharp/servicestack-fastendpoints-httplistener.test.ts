import { describe, expect, it } from 'vitest';
import { aspnetControllers } from '../../../src/extract/csharp/controllers.js';
import { fastEndpointsRoutes } from '../../../src/extract/csharp/fastendpoints.js';
import { httpListenerRoutes } from '../../../src/extract/csharp/httplistener.js';
import { serviceStackRoutes, verbsOf } from '../../../src/extract/csharp/servicestack.js';
import { extractCs, ofKind, routeLines } from './parse.js';

describe('servicestack/routes', () => {
  it('reads [Route] on request DTOs with verbs, marker interfaces, and skips controllers', async () => {
    const facts = await extractCs(serviceStackRoutes, 'ServiceModel/Dtos.cs', [
      'using ServiceStack;',
      '[Route("/movies", "POST,PUT")]',
      '[Route("/movies/{Id}")]',
      'public class Movie : IReturn<Movie> { public int Id { get; set; } }',
      '[Route("reviews/{Id}", Verbs = "GET")]',
      'public class Review { }',
      '[Route("/feed")]',
      '[Authenticate]',
      'public record Feed : IGet, IReturn<string>;',
      '[Route("api/[controller]")]',
      'public class UsersController : Controller { }',
      '[Route("/files/{Path*}", "GET")]',
      'public class GetFile { }',
    ].join('\n'));
    expect(routeLines(facts)).toEqual(['POST /movies', 'PUT /movies', 'ANY /movies/{Id}', 'GET /reviews/{Id}', 'GET /feed', 'GET /files/{Path}']);
    expect(ofKind(facts, 'route')[0]?.location.startLine).toBe(2);
    expect(ofKind(facts, 'route').map((r) => r.middleware?.[0]?.name ?? '-')).toEqual(['-', '-', '-', '-', 'Authenticate', '-']);
  });

  it('reads fluent Routes.Add registrations', async () => {
    const facts = await extractCs(serviceStackRoutes, 'AppHost.cs', [
      'using ServiceStack;',
      'public class AppHost : AppHostBase {',
      '  public override void Configure(Container c) {',
      '    Routes.Add<Hello>("/hello").Add<Hello>("/hello/{Name}", "GET, POST");',
      '    this.Routes.Add(typeof(Bye), "/bye", "DELETE");',
      '  }',
      '}',
    ].join('\n'));
    expect(routeLines(facts)).toEqual(['ANY /hello', 'GET /hello/{Name}', 'POST /hello/{Name}', 'DELETE /bye']);
    expect(ofKind(facts, 'route').map((r) => r.handler?.name)).toEqual(['Hello', 'Hello', 'Hello', 'Bye']);
  });

  it('parses verb lists', () => {
    expect(verbsOf('get, Post ,BOGUS', ['ANY'])).toEqual(['GET', 'POST']);
    expect(verbsOf(undefined, ['GET'])).toEqual(['GET']);
    expect(verbsOf('ANY', ['GET'])).toEqual(['ANY']);
  });
});

describe('fastendpoints/routes', () => {
  it('reads Configure() verbs, Verbs+Routes, attributes, groups and default authorization', async () => {
    const facts = await extractCs(fastEndpointsRoutes, 'Features/Users.cs', [
      'using FastEndpoints;',
      'public class GetUser : Endpoint<GetUserRequest, UserResponse> {',
      '  public override void Configure() {',
      '    Get("/users/{id}", "/people/{id}");',
      '    AllowAnonymous();',
      '  }',
      '}',
      'public class Multi : EndpointWithoutRequest {',
      '  public override void Configure() {',
      '    Verbs(Http.GET, Http.HEAD);',
      '    Routes("/status");',
      '    Group<Admin>();',
      '    Roles("admin");',
      '  }',
      '}',
      '[HttpPost("/users")]',
      'public class CreateUser : Ep.Req<CreateUserRequest>.NoRes { }',
      'public class NotAnEndpoint { public void Configure() { Get("/x"); } }',
      'public class Admin : Group { public Admin() { Configure("admin", ep => { }); } }',
    ].join('\n'));
    expect(routeLines(facts)).toEqual(['GET /users/{id}', 'GET /people/{id}', 'GET /status', 'HEAD /status', 'POST /users']);
    const routes = ofKind(facts, 'route');
    expect(routes[0]?.middleware).toBeUndefined();
    expect(routes[2]?.middleware?.map((m) => `${m.name}:${m.role}`)).toEqual(['Roles:auth']);
    expect(routes[2]?.router).toEqual({ file: 'fastendpoints:group', path: ['Admin'] });
    expect(routes[4]?.middleware?.[0]?.role).toBe('auth');
    expect(ofKind(facts, 'router').map((r) => `${r.ref.path.join('.')} ${r.prefix}`)).toEqual(['Admin admin']);
  });

  it('reads the global RoutePrefix', async () => {
    const facts = await extractCs(fastEndpointsRoutes, 'Program.cs', [
      'using FastEndpoints;',
      'app.UseFastEndpoints(c => { c.Endpoints.RoutePrefix = "api"; });',
    ].join('\n'));
    expect(ofKind(facts, 'global-prefix').map((g) => g.prefix)).toEqual(['/api']);
  });
});

describe('httplistener/routes', () => {
  it('reads path and method dispatch in ifs, switches, tuples and nested checks', async () => {
    const facts = await extractCs(httpListenerRoutes, 'Program.cs', [
      'using System.Net;',
      'class Server {',
      '  void Handle(HttpListenerContext context) {',
      '    var request = context.Request;',
      '    var method = request.HttpMethod;',
      '    var path = request.Url?.AbsolutePath ?? "/";',
      '    if (method == "GET" && path == "/health") { }',
      '    else if (path == "/a" || path == "/b") { }',
      '    else if ("DELETE".Equals(method) && path == "/users") { }',
      '    switch (path) {',
      '      case "/status":',
      '        if (method == "HEAD") { }',
      '        break;',
      '    }',
      '    switch ((method, path)) { case ("PATCH", "/profile"): break; }',
      '    if (request.Url.LocalPath == "/direct" && request.HttpMethod == "PUT") { }',
      '    if (path.StartsWith("/static")) { }',
      '  }',
      '}',
    ].join('\n'));
    expect(routeLines(facts)).toEqual([
      'GET /health', 'GET /a', 'GET /b', 'DELETE /users', 'HEAD /status', 'PATCH /profile', 'PUT /direct',
    ]);
    expect(ofKind(facts, 'route').map((r) => r.location.startLine)).toEqual([7, 8, 8, 9, 12, 15, 16]);
  });
});

describe('classic ASP.NET MVC conventional actions', () => {
  it('are reported as {controller}/{action} without the optional id', async () => {
    const facts = await extractCs(aspnetControllers, 'Controllers/ShopController.cs', [
      'using System.Web.Mvc;',
      'public class ShopController : Controller {',
      '  public ActionResult Details(int id) { return View(); }',
      '  [HttpPost] public ActionResult Buy(int id) { return View(); }',
      '}',
    ].join('\n'));
    expect(routeLines(facts)).toEqual(['GET Shop/Details', 'POST Shop/Buy']);
  });
});
