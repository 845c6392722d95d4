import { describe, expect, it } from 'vitest';
import { fastapiRoutes } from '../../../src/extract/fastapi/routes.js';
import { extractPython, ofKind, routeLines } from './parse.js';

describe('fastapi/routes', () => {
  it('reads routers with prefix, tags and dependencies, and marks FastAPI() as the app', async () => {
    const facts = await extractPython(fastapiRoutes, 'app/main.py', [
      'from fastapi import APIRouter, Depends, FastAPI',
      'PREFIX = "/v1"',
      'app: FastAPI = FastAPI(root_path="/ignored")',
      'router = APIRouter(prefix=f"{PREFIX}/items", tags=["items"], dependencies=[Depends(get_current_user)])',
    ].join('\n'));
    const routers = ofKind(facts, 'router');
    expect(routers.map((r) => [r.ref.path.join('.'), r.prefix ?? '', !!r.isApp])).toEqual([['app', '', true], ['router', '/v1/items', false]]);
    expect(routers[1]!.openapiTags).toEqual(['items']);
    expect(routers[1]!.middleware).toEqual([expect.objectContaining({ name: 'Depends(get_current_user)', role: 'auth' })]);
    expect(ofKind(facts, 'service-entry').map((f) => f.location.startLine)).toEqual([3]);
  });

  it('turns decorators into routes with handler, decorator line, tags and dependency middleware', async () => {
    const facts = await extractPython(fastapiRoutes, 'routes.py', [
      'from fastapi import APIRouter, Depends, Security',
      'from typing import Annotated',
      'router = APIRouter()',
      'BASE = "/articles"',
      '',
      '@router.get(',
      '    BASE + "/{slug}",',
      '    tags=["articles"],',
      '    dependencies=[Depends(rate_limiter)],',
      ')',
      'async def get_article(',
      '    slug: str,',
      '    user=Depends(get_current_user_authorizer(required=False)),',
      '    repo: Annotated[Repo, Depends(get_repository)],',
      '):',
      '    ...',
      '',
      '@router.api_route(path=f"{BASE}/{{slug}}/favorite", methods=["post", "DELETE"])',
      'def favorite(user: User = Security(oauth2_scheme, scopes=["me"])):',
      '    ...',
      '',
      '@router.websocket("/ws")',
      'async def ws(socket): ...',
    ].join('\n'));
    expect(routeLines(facts)).toEqual([
      'GET /articles/{slug} @router',
      'POST /articles/{slug}/favorite @router',
      'DELETE /articles/{slug}/favorite @router',
      'GET /ws @router',
    ]);
    const [get, post] = ofKind(facts, 'route');
    expect(get!.location.startLine).toBe(6);
    expect(get!.handler).toEqual({ name: 'get_article', location: expect.objectContaining({ startLine: 11 }) });
    expect(get!.openapiTags).toEqual(['articles']);
    expect(get!.middleware?.map((m) => `${m.role}:${m.name}`)).toEqual([
      'rate-limit:Depends(rate_limiter)',
      'optional-auth:Depends(get_current_user_authorizer(required=False))',
      'other:Depends(get_repository)',
    ]);
    expect(post!.middleware?.map((m) => m.role)).toEqual(['auth']);
  });

  it('reads include_router mounts, add_api_route, static mounts and uvicorn.run', async () => {
    const facts = await extractPython(fastapiRoutes, 'main.py', [
      'import uvicorn',
      'from fastapi import FastAPI',
      'from fastapi.staticfiles import StaticFiles',
      'from app.api import articles, users',
      'app = FastAPI()',
      'app.include_router(articles.router, prefix="/api", tags=["articles"], dependencies=[Depends(auth)])',
      'app.include_router(router=users.router)',
      'app.add_api_route("/health", health, methods=["GET", "HEAD"])',
      'app.mount("/static", StaticFiles(directory="static"), name="static")',
      'app.mount("/v2", v2_app)',
      'if __name__ == "__main__":',
      '    uvicorn.run(app)',
    ].join('\n'));
    const mounts = ofKind(facts, 'mount');
    expect(mounts.map((m) => `${m.parent.path.join('.')} <- ${m.child.path.join('.')} at '${m.prefix}'`)).toEqual([
      "app <- articles.router at '/api'",
      "app <- users.router at ''",
      "app <- v2_app at '/v2'",
    ]);
    expect(mounts[0]!.openapiTags).toEqual(['articles']);
    expect(mounts[0]!.middleware?.[0]?.role).toBe('auth');
    expect(routeLines(facts)).toEqual(['GET /health @app', 'HEAD /health @app', 'GET /static/{path} @app']);
    expect(ofKind(facts, 'route')[2]!.origin).toBe('generated');
    expect(ofKind(facts, 'service-entry').map((f) => f.location.startLine)).toEqual([5, 12]);
  });

  it('does not claim Flask or other frameworks\' decorators', async () => {
    const flask = await extractPython(fastapiRoutes, 'a.py', 'from flask import Flask\napp = Flask(__name__)\n@app.get("/x")\ndef x(): ...\n');
    expect(flask).toEqual([]);
    const quart = await extractPython(fastapiRoutes, 'b.py', 'from quart import Quart\napp = Quart(__name__)\n@app.get("/x")\nasync def x(): ...\n');
    expect(quart).toEqual([]);
  });

  it('skips routes whose path is not a constant', async () => {
    const facts = await extractPython(fastapiRoutes, 'a.py', 'from fastapi import APIRouter\nr = APIRouter()\n@r.get(make_path())\ndef x(): ...\n');
    expect(routeLines(facts)).toEqual([]);
  });
});

describe('fastapi/routes in test modules', () => {
  it('ignores apps and routes declared in tests', async () => {
    const text = 'from fastapi import FastAPI\napp = FastAPI()\n@app.get("/wrong_path/{param}")\ndef f(param: int): ...\n';
    expect(await extractPython(fastapiRoutes, 'tests/test_errors.py', text)).toEqual([]);
    expect(await extractPython(fastapiRoutes, 'app/test_main.py', text)).toEqual([]);
    expect(routeLines(await extractPython(fastapiRoutes, 'app/main.py', text))).toEqual(['GET /wrong_path/{param} @app']);
  });

  it('keeps a prefix written as a name as prefixRef for the model', async () => {
    const facts = await extractPython(fastapiRoutes, 'app/main.py', [
      'from fastapi import FastAPI',
      'from app.core.config import settings',
      'app = FastAPI()',
      'app.include_router(api_router, prefix=settings.API_V1_STR)',
    ].join('\n'));
    const [mount] = ofKind(facts, 'mount');
    expect(mount!.prefix).toBe('');
    expect(mount!.prefixRef).toEqual({ file: 'app/main.py', path: ['settings', 'API_V1_STR'] });
  });
});
