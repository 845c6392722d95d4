import type { Extractor } from '../types.js';
import { aspnetControllers } from './controllers.js';
import { aspnetMinimalApi } from './minimal-api.js';

/** ASP.NET Core: MVC / Web API controllers and minimal APIs (endpoint routing in Program.cs). */
export const csharpRouteExtractors: Extractor[] = [aspnetControllers, aspnetMinimalApi];
