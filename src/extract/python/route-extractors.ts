import { djangoUrls } from '../django/urls.js';
import { fastapiRoutes } from '../fastapi/routes.js';
import { flaskRoutes } from '../flask/routes.js';
import { flaskViews } from '../flask/views-extractor.js';
import { djangoViews } from '../django/views-extractor.js';
import type { Extractor } from '../types.js';
import { pythonModules } from './modules.js';

/** Python module facts (imports, aliases) and the FastAPI, Flask and Django route extractors. */
export const pythonRouteExtractors: Extractor[] = [pythonModules, fastapiRoutes, flaskRoutes, djangoUrls, djangoViews, flaskViews];
