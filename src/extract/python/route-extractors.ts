import { djangoUrls } from '../django/urls.js';
import { fastapiRoutes } from '../fastapi/routes.js';
import { flaskRoutes } from '../flask/routes.js';
import { flaskViews } from '../flask/views-extractor.js';
import { djangoViews } from '../django/views-extractor.js';
import type { Extractor } from '../types.js';
import { pythonModules } from './modules.js';
import { tornadoRoutes } from '../tornado/routes.js';
import { aiohttpRoutes } from '../aiohttp/routes.js';
import { starletteRoutes } from '../starlette/routes.js';
import { sanicRoutes } from '../sanic/routes.js';
import { masoniteRoutes } from '../masonite/routes.js';
import { litestarRoutes } from '../litestar/routes.js';
import { falconRoutes, falconViews } from '../falcon/routes.js';
import { bottleRoutes } from '../bottle/routes.js';
import { quartRoutes } from '../quart/routes.js';
import { robynRoutes } from '../robyn/routes.js';
import { pyramidRoutes } from '../pyramid/routes.js';
import { djangoNinjaRoutes } from '../django-ninja/routes.js';
import { cherrypyRoutes } from '../cherrypy/routes.js';
import { flaskRestxRoutes } from '../flask-restx/routes.js';
import { httpServerRoutes } from '../http-server/routes.js';
import { flaskAppbuilderRoutes } from '../flask-appbuilder/routes.js';

/** Python module facts (imports, aliases) and the route extractors; the class-view frameworks come after djangoViews so their view facts win for the same class. */
export const pythonRouteExtractors: Extractor[] = [pythonModules, fastapiRoutes, flaskRoutes, djangoUrls, djangoViews, flaskViews,
  // Frameworks beyond the core (issue #3).
  tornadoRoutes,
  aiohttpRoutes,
  starletteRoutes,
  sanicRoutes,
  masoniteRoutes,
  litestarRoutes,
  falconRoutes,
  falconViews,
  bottleRoutes,
  quartRoutes,
  robynRoutes,
  pyramidRoutes,
  djangoNinjaRoutes,
  cherrypyRoutes,
  flaskRestxRoutes,
  httpServerRoutes,
  flaskAppbuilderRoutes,
];
