import { describe, expect, it } from 'vitest';
import { aspnetMinimalApi } from '../../../src/extract/csharp/minimal-api.js';
import { extractCs, ofKind, routeLines } from './parse.js';

describe('aspnetcore/minimal-api', () => {
  it('reads Map* calls, groups with conventions, MapMethods and health checks', async () => {
    const facts = await extractCs(aspnetMinimalApi, 'src/Api/Program.cs', [
      'var builder = WebApplication.CreateBuilder(args);',
      'var app = builder.Build();',
      'app.MapGet("/", () => "ok");',
      'var api = app.MapGroup("/api").WithTags("api");',
      'var admin = api.MapGroup("admin");',
      'admin.RequireAuthorization("AdminPolicy");',
      'admin.MapDelete("/users/{id:guid}", DeleteUser);',
      'admin.MapGet("/public", () => 1).AllowAnonymous();',
      'api.MapPost("/orders", [Authorize] (Order o) => Results.Ok());',
      'api.MapMethods("/bulk", new[] { HttpMethods.Put, "PATCH" }, () => 1).RequireRateLimiting("fixed");',
      'app.MapGroup("/v2").MapGroup("/x").MapPut("/{id?}", () => 1).WithTags("x");',
      'app.Map("/fallback", () => 1);',
      'mapper.Map<Dto>(entity);',
      'config.NewConfig<A, B>().Map("FullName", src => src.First);',
      'app.MapHealthChecks("/health");',
      'app.MapControllers();',
      '// app.MapGet("/commented", () => 1);',
      'app.Run();',
    ].join('\n'));
    expect(routeLines(facts)).toEqual([
      'GET /', 'DELETE /api/admin/users/{id}', 'GET /api/admin/public', 'POST /api/orders', 'PUT /api/bulk', 'PATCH /api/bulk',
      'PUT /v2/x/{id}', 'ANY /fallback', 'GET /health',
    ]);
    const routes = ofKind(facts, 'route');
    expect(routes.map((r) => r.location.startLine)).toEqual([3, 7, 8, 9, 10, 10, 11, 12, 15]);
    expect(routes[1]!.middleware).toEqual([expect.objectContaining({ name: 'RequireAuthorization', role: 'auth' })]);
    expect(routes[1]!.openapiTags).toEqual(['api']);
    expect(routes[1]!.handler?.name).toBe('DeleteUser');
    expect(routes[2]!.middleware).toEqual([expect.objectContaining({ name: 'AllowAnonymous', role: 'public' })]);
    expect(routes[3]!.middleware).toEqual([expect.objectContaining({ name: 'Authorize', role: 'auth' })]);
    expect(routes[4]!.middleware).toEqual([expect.objectContaining({ role: 'rate-limit' })]);
    expect(routes[6]!.openapiTags).toEqual(['x']);
    expect(routes[8]!.origin).toBe('generated');
    expect(ofKind(facts, 'service-entry').map((f) => f.location.startLine)).toEqual([1]);
    expect(ofKind(facts, 'mount')).toEqual([]);
  });

  it('keeps group variables apart per method and registers routes of extension methods without a prefix', async () => {
    const facts = await extractCs(aspnetMinimalApi, 'src/Api/Endpoints/Todos.cs', [
      'public static class TodoEndpoints {',
      '  public static void MapTodos(this IEndpointRouteBuilder app) {',
      '    var group = app.MapGroup("/todos");',
      '    group.MapGet("/", GetAll);',
      '  }',
      '  public static void MapUsers(this IEndpointRouteBuilder app) {',
      '    var group = app.MapGroup("/users");',
      '    group.MapGet("/{id}", Get);',
      '    app.MapPost("/login", Login);',
      '  }',
      '}',
    ].join('\n'));
    expect(routeLines(facts)).toEqual(['GET /todos/', 'GET /users/{id}', 'POST /login']);
    expect(ofKind(facts, 'service-entry')).toEqual([]);
  });

  it('mounts the conventional-routing ref for each MapControllerRoute / MapRoute template', async () => {
    const facts = await extractCs(aspnetMinimalApi, 'Web/Startup.cs', [
      'public class Startup {',
      '  public void Configure(IApplicationBuilder app) {',
      '    app.UseEndpoints(endpoints => {',
      '      endpoints.MapControllerRoute(name: "areas", pattern: "{area:exists}/{controller=Home}/{action=Index}/{id?}");',
      '      endpoints.MapControllerRoute("api", "api/v2/{controller=Home}/{action=Index}/{id?}");',
      '      endpoints.MapDefaultControllerRoute();',
      '    });',
      '    app.UseMvc(routes => routes.MapRoute("legacy", "old/{controller}/{action}"));',
      '  }',
      '}',
    ].join('\n'));
    expect(ofKind(facts, 'mount').map((m) => `${m.parent.file}#${m.parent.path[0]} <- ${m.child.path[0]} '${m.prefix}'`)).toEqual([
      "Web/#aspnetcore:app <- aspnetcore:conventional-areas ''",
      "Web/#aspnetcore:app <- aspnetcore:conventional 'api/v2/'",
      "Web/#aspnetcore:app <- aspnetcore:conventional ''",
      "Web/#aspnetcore:app <- aspnetcore:conventional 'old/'",
    ]);
    expect(routeLines(facts)).toEqual([]);
  });

  it('reads fixed MapRoute templates with controller/action defaults as GET routes', async () => {
    const facts = await extractCs(aspnetMinimalApi, 'App_Start/RouteConfig.cs', [
      'public class RouteConfig {',
      '  public static void RegisterRoutes(RouteCollection routes) {',
      '    routes.MapRoute(name: "Feed", url: "blog/feed/{page}", defaults: new { controller = "Blog", action = "Feed" });',
      '  }',
      '}',
    ].join('\n'));
    expect(routeLines(facts)).toEqual(['GET /blog/feed/{page}']);
    expect(ofKind(facts, 'route')[0]!.handler?.name).toBe('BlogController.Feed');
    expect(ofKind(facts, 'mount')).toEqual([]);
  });

  it('prefixes the routes of a Carter module with its base path', async () => {
    const facts = await extractCs(aspnetMinimalApi, 'Modules/Directors.cs', [
      'public class DirectorsModule : CarterModule {',
      '  public DirectorsModule() : base("/directors") {}',
      '  public override void AddRoutes(IEndpointRouteBuilder app) {',
      '    app.MapGet("/", () => "all");',
      '    app.MapPut<Person>("/{id}", (Person p) => "updated");',
      '  }',
      '}',
    ].join('\n'));
    expect(routeLines(facts)).toEqual(['GET /directors/', 'PUT /directors/{id}']);
  });
});
