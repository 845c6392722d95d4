import { describe, expect, it } from 'vitest';
import { aspnetControllers, replaceTokens } from '../../../src/extract/csharp/controllers.js';
import { cleanTemplate, isCsTestPath } from '../../../src/extract/csharp/methods.js';
import { extractCs, ofKind, routeLines } from './parse.js';

describe('aspnetcore/controllers', () => {
  it('joins [Route] on the class with verb attributes, tokens, absolute templates and several attributes', async () => {
    const facts = await extractCs(aspnetControllers, 'src/Api/Controllers/UsersController.cs', [
      'using Microsoft.AspNetCore.Mvc;',
      'namespace Api.Controllers;',
      '[ApiController]',
      '[Route("api/[controller]")]',
      '[Authorize]',
      '[Tags("users")]',
      'public class UsersController : ControllerBase',
      '{',
      '    [HttpGet]',
      '    public IActionResult List() => Ok();',
      '',
      '    [HttpGet("{id:int}")]',
      '    [HttpHead("{id:int}")]',
      '    [AllowAnonymous]',
      '    public IActionResult Get(int id) => Ok();',
      '',
      '    [HttpPost("[action]")]',
      '    public Task<IActionResult> ImportAsync() => null;',
      '',
      '    [HttpDelete("~/admin/users/{id?}")]',
      '    public IActionResult Delete(int id) => Ok();',
      '',
      '    [AcceptVerbs("PUT", "PATCH", Route = "{id}/profile")]',
      '    public IActionResult Profile(int id) => Ok();',
      '',
      '    [Route("search"), AcceptVerbs("QUERY")]',
      '    public IActionResult Search() => Ok();',
      '',
      '    [NonAction] public void Helper() {}',
      '    private void Hidden() {}',
      '}',
    ].join('\n'));
    expect(routeLines(facts)).toEqual([
      'GET api/Users', 'GET api/Users/{id}', 'HEAD api/Users/{id}', 'POST api/Users/Import', 'DELETE /admin/users/{id}',
      'PUT api/Users/{id}/profile', 'PATCH api/Users/{id}/profile', 'QUERY api/Users/search',
    ]);
    const routes = ofKind(facts, 'route');
    expect(routes.map((r) => r.location.startLine)).toEqual([9, 12, 13, 17, 20, 23, 23, 26]);
    expect(routes[0]!.handler).toEqual(expect.objectContaining({ name: 'UsersController.List', location: expect.objectContaining({ startLine: 10 }) }));
    expect(routes[0]!.middleware).toEqual([expect.objectContaining({ name: 'Authorize', role: 'auth' })]);
    expect(routes[1]!.middleware).toEqual([expect.objectContaining({ name: 'AllowAnonymous', role: 'public' })]);
    expect(routes[0]!.openapiTags).toEqual(['users']);
    expect(routes.every((r) => r.router === undefined)).toBe(true);
  });

  it('puts actions without attribute routes on the conventional-routing ref of the project', async () => {
    const facts = await extractCs(aspnetControllers, 'Web/Controllers/HomeController.cs', [
      'using Microsoft.AspNetCore.Mvc;',
      'public class HomeController : Controller',
      '{',
      '    public IActionResult Index() => View();',
      '    [HttpPost] public IActionResult Save(string name) => View();',
      '    public IActionResult Details(int id) => View();',
      '    [HttpGet("about-us")] public IActionResult About() => View();',
      '    public static void NotAnAction() {}',
      '}',
      '[Area("Admin")]',
      'public class ReportsController : Controller { public IActionResult Index() => View(); }',
      'public abstract class BaseController : Controller { public IActionResult Ping() => Ok(); }',
    ].join('\n'));
    expect(ofKind(facts, 'route').map((r) => `${r.method} ${r.path} ${r.router ? `${r.router.file}#${r.router.path[0]}` : '-'}`)).toEqual([
      'GET Home/Index Web/#aspnetcore:conventional',
      'POST Home/Save Web/#aspnetcore:conventional',
      'GET Home/Details/{id} Web/#aspnetcore:conventional',
      'GET about-us -',
      'GET Admin/Reports/Index Web/#aspnetcore:conventional-areas',
    ]);
  });

  it('accepts POCO controllers with routes, and ignores non-ASP.NET classes and test projects', async () => {
    const poco = await extractCs(aspnetControllers, 'Features/UsersController.cs', [
      '[Route("users")]',
      'public class UsersController(IMediator m) { [HttpPost("login")] public Task Login() => null; }',
    ].join('\n'));
    const unity = await extractCs(aspnetControllers, 'Assets/PlayerController.cs', 'public class PlayerController : MonoBehaviour { public void Update() {} }');
    const tests = await extractCs(aspnetControllers, 'test/Api.Tests/FakeController.cs', 'using Microsoft.AspNetCore.Mvc;\n[Route("x")] public class FakeController : Controller { [HttpGet] public void A() {} }');
    expect(routeLines(poco)).toEqual(['POST users/login']);
    expect(unity).toEqual([]);
    expect(tests).toEqual([]);
  });

  it('reads Web API 2 [RoutePrefix] as the class route', async () => {
    const facts = await extractCs(aspnetControllers, 'Controllers/ValuesController.cs', [
      'using System.Web.Http;',
      '[RoutePrefix("api/values")]',
      'public class ValuesController : ApiController { [HttpGet, Route("{id}")] public string Get(int id) => ""; }',
    ].join('\n'));
    expect(routeLines(facts)).toEqual(['GET api/values/{id}']);
  });

  it('cleans templates and replaces tokens', () => {
    expect(cleanTemplate('files/{*path}/{page=5}/{id:int?}/{code:regex(^\\d{{3}}$)}')).toBe('files/{path}/{page}/{id}/{code}');
    expect(replaceTokens('[Area]/[controller]/[action]/[[literal]]', { area: 'Shop', controller: 'Cart', action: 'Add' })).toBe('Shop/Cart/Add/[[literal]]');
    expect(['tests/A.cs', 'src/App.IntegrationTests/X.cs', 'src/Api/UsersControllerTests.cs', 'src/Api/Controllers/LatestController.cs'].map(isCsTestPath))
      .toEqual([true, true, true, false]);
  });
});
