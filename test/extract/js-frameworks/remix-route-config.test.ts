import { describe, expect, it } from 'vitest';
import { remixRouteConfig } from '../../../src/extract/remix/route-config.js';
import { endpointsOf, extractJs, ofKind, routeLines } from './parse.js';

const CONFIG = [
  "import { index, layout, prefix, route } from '@react-router/dev/routes';",
  'export default [',
  "  index('routes/home.tsx'),",
  "  route('files/*', 'routes/files.tsx'),",
  "  layout('routes/shell.tsx', [...prefix('api/v1', [route('items/:id?', 'routes/item.ts')])]),",
  "  route('teams/:teamId', 'routes/team.tsx', [route('members', 'routes/members.tsx')]),",
  '];',
];

describe('remix/route-config', () => {
  it('reads index/route/layout/prefix entries of app/routes.ts into linked GET placeholders', () => {
    const facts = extractJs(remixRouteConfig, 'app/routes.ts', CONFIG);
    expect(routeLines(facts)).toEqual(['GET /', 'GET /files/{splat}', 'GET /api/v1/items/:id?', 'GET /teams/:teamId', 'GET /teams/:teamId/members']);
    expect(ofKind(facts, 'import').map((i) => i.source)).toEqual(['./routes/home.tsx', './routes/files.tsx', './routes/item.ts', './routes/team.tsx', './routes/members.tsx']);
    expect(ofKind(facts, 'route')[2]!.location.startLine).toBe(5);
    expect(extractJs(remixRouteConfig, 'src/routes.ts', CONFIG)).toEqual([]);
    expect(extractJs(remixRouteConfig, 'app/routes.ts', "import { route } from './mine';\nexport default [route('a', 'b.tsx')];")).toEqual([]);
  });

  it('takes each linked module\'s methods from its loader, action and page', () => {
    expect(endpointsOf({
      'app/routes.ts': CONFIG,
      'app/routes/home.tsx': "import type { Route } from './+types/home';\nexport default function Home() { return <h1 />; }",
      'app/routes/item.ts': "import type { Route } from './+types/item';\nexport const action = async () => null;",
      'app/routes/team.tsx': "import type { Route } from './+types/team';\nexport const loader = () => null;",
    })).toEqual([
      'DELETE /api/v1/items/{id}', 'GET /', 'GET /files/{splat}', 'GET /teams/{teamId}', 'GET /teams/{teamId}/members',
      'PATCH /api/v1/items/{id}', 'POST /api/v1/items/{id}', 'PUT /api/v1/items/{id}',
    ]);
  });
});
