import { aspnetGlobalAuthorization } from './global-authorization.js';
import type { Extractor } from '../types.js';
import { aspnetControllers } from './controllers.js';
import { fastEndpointsRoutes } from './fastendpoints.js';
import { httpListenerRoutes } from './httplistener.js';
import { aspnetMinimalApi } from './minimal-api.js';
import { razorPages } from './razor-pages.js';
import { csharpRouteConstants } from './route-constants.js';
import { serviceStackRoutes } from './servicestack.js';

/**
 * ASP.NET Core MVC / Web API controllers (and classic ASP.NET MVC), minimal APIs (endpoint routing in
 * Program.cs), ServiceStack request DTOs, FastEndpoints endpoint classes, hand-dispatched HttpListener servers,
 * route templates held in string constants and Razor Pages page models.
 */
export const csharpRouteExtractors: Extractor[] = [
  aspnetControllers, aspnetMinimalApi, serviceStackRoutes, fastEndpointsRoutes, httpListenerRoutes, csharpRouteConstants, razorPages,
  aspnetGlobalAuthorization,
];
