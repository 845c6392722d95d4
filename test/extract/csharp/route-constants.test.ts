import { describe, expect, it } from 'vitest';
import { aspnetControllers } from '../../../src/extract/csharp/controllers.js';
import { fastEndpointsRoutes } from '../../../src/extract/csharp/fastendpoints.js';
import { aspnetMinimalApi } from '../../../src/extract/csharp/minimal-api.js';
import { csharpRouteConstants } from '../../../src/extract/csharp/route-constants.js';
import { extractCs, ofKind, routeLines } from './parse.js';

describe('csharp/route-constants', () => {
  it('turns path-like string constants into routers named by root namespace and class chain', async () => {
    const facts = await extractCs(csharpRouteConstants, 'Web/Orders/Requests.cs', [
      'namespace Shop.Web.Orders.Requests;',
      'public class FetchOrder {',
      '  public const string Route = "/orders/{OrderId:guid}";',
      '  public const string Title = "Fetch an order";',
      '  public int OrderId { get; set; }',
      '}',
      'public static class Paths {',
      '  public static class Admin { public static readonly string Stats = "admin/stats"; }',
      '}',
    ].join('\n'));
    const routers = ofKind(facts, 'router');
    expect(routers.map((r) => [r.ref.file, r.ref.path.join('.'), r.prefix])).toEqual([
      ['csharp-const:Shop.Web', 'FetchOrder.Route', '/orders/{OrderId}'],
      ['csharp-const:Shop.Web', 'Paths.Admin.Stats', '/admin/stats'],
    ]);
    expect(routers[0]?.location.startLine).toBe(3);
  });
});

describe('fastendpoints templates held in constants', () => {
  it('resolves constants of the same file and refers to constants of other files', async () => {
    const facts = await extractCs(fastEndpointsRoutes, 'Web/Orders/Fetch.cs', [
      'namespace Shop.Web.Orders;',
      'public sealed class RemoveOrderRequest { public const string Route = "/orders/{Id:int}"; }',
      'public class Fetch : Endpoint<FetchOrder, OrderDto> {',
      '  public override void Configure() {',
      '    Get(FetchOrder.Route);',
      '    AllowAnonymous();',
      '  }',
      '}',
      'public class Remove : FastEndpoints.Endpoint<RemoveOrderRequest> {',
      '  public override void Configure() { Delete(RemoveOrderRequest.Route); }',
      '}',
      'public class Listing : EndpointWithoutRequest<OrderDto[]> {',
      '  public override void Configure() { Get($"/{nameof(Order)}s"); }',
      '}',
    ].join('\n'));
    const routes = ofKind(facts, 'route');
    expect(routeLines(facts)).toEqual(['GET ', 'DELETE /orders/{Id}', 'GET /Orders']);
    expect(routes[0]?.router).toEqual({ file: 'csharp-const:Shop.Web', path: ['FetchOrder', 'Route'] });
    expect(routes[0]?.middleware).toBeUndefined();
    expect(routes[1]?.router).toBeUndefined();
    expect(routes[1]?.middleware?.[0]?.role).toBe('auth');
    expect(routes[2]?.location.startLine).toBe(13);
  });

  it('mounts a constant template under the endpoint group', async () => {
    const facts = await extractCs(fastEndpointsRoutes, 'Web/Admin/Stats.cs', [
      'namespace Shop.Web.Admin;',
      'public class Stats : EndpointWithoutRequest {',
      '  public override void Configure() { Get(Paths.Admin.Stats); Group<AdminGroup>(); }',
      '}',
    ].join('\n'));
    expect(ofKind(facts, 'mount').map((m) => [m.parent.path.join('.'), m.child.path.join('.'), m.prefix])).toEqual([['AdminGroup', 'Paths.Admin.Stats', '']]);
    expect(ofKind(facts, 'route')[0]?.router?.path).toEqual(['Paths', 'Admin', 'Stats']);
  });
});

describe('aspnetcore minimal APIs with constant templates', () => {
  it('reads a health-check path held in a constant field of the same class', async () => {
    const facts = await extractCs(aspnetMinimalApi, 'Defaults/Extensions.cs', [
      'public static class Extensions {',
      '  private const string ReadyPath = "/ready";',
      '  public static WebApplication MapProbes(this WebApplication app) {',
      '    app.MapHealthChecks(ReadyPath);',
      '    app.MapGet(Extensions.ReadyPath + "x", () => "");',
      '    return app;',
      '  }',
      '}',
    ].join('\n'));
    expect(routeLines(facts)).toEqual(['GET /ready']);
  });
});

describe('Ardalis.ApiEndpoints endpoints', () => {
  it('reads attribute routes on HandleAsync of EndpointBaseAsync / BaseAsyncEndpoint classes', async () => {
    const facts = await extractCs(aspnetControllers, 'Api/Login.cs', [
      'using Ardalis.ApiEndpoints;',
      'public class Login : EndpointBaseAsync',
      '    .WithRequest<LoginRequest>',
      '    .WithActionResult<LoginResponse>',
      '{',
      '  [HttpPost("api/login")]',
      '  public override async Task<ActionResult<LoginResponse>> HandleAsync(LoginRequest r, CancellationToken ct = default) => Ok();',
      '}',
      '[Authorize]',
      'public class Audit : BaseAsyncEndpoint<AuditRequest, AuditResponse> {',
      '  [HttpGet("/api/audit/{id}")]',
      '  public override Task<ActionResult<AuditResponse>> HandleAsync(AuditRequest r, CancellationToken ct) => null;',
      '  public void Helper() { }',
      '}',
    ].join('\n'));
    expect(routeLines(facts)).toEqual(['POST api/login', 'GET /api/audit/{id}']);
    const routes = ofKind(facts, 'route');
    expect(routes[0]?.location.startLine).toBe(6);
    expect(routes[0]?.middleware).toBeUndefined();
    expect(routes[1]?.middleware?.[0]?.role).toBe('auth');
  });
});
