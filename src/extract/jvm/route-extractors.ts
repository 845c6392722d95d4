import type { Extractor } from '../types.js';
import { jvmAnnotatedRoutes } from './annotated-routes.js';
import { jvmCallRoutes } from './call-routes.js';
import { jvmConfigRoutes } from './config-routes.js';
import { dropwizardAssets, dropwizardConfig } from './dropwizard.js';
import { jvmDslRouteExtractors } from './dsl/route-extractors.js';
import { helidonSeRoutes } from './helidon.js';
import { jdkHttpServerRoutes } from './httpserver.js';
import { jspPages, servletClasses, webXmlServlets } from './servlet.js';
import { jvmStaticResources } from './static-resources.js';
import { strutsConventionRoutes, strutsXmlRoutes } from './struts.js';
import { wicketRoutes } from './wicket.js';
import { springSecurityRules } from './security-rules.js';

/**
 * Route extractors for Java and Kotlin (Spring, JAX-RS, Micronaut, Quarkus, Struts 2, Servlets / JSP, Wicket, Helidon SE,
 * Dropwizard, the JDK HttpServer), their configuration files and DSL frameworks.
 */
export const jvmRouteExtractors: Extractor[] = [
  jvmAnnotatedRoutes, jvmCallRoutes, jvmConfigRoutes,
  strutsXmlRoutes, strutsConventionRoutes, dropwizardConfig, dropwizardAssets, jvmStaticResources,
  jspPages, servletClasses, webXmlServlets, jdkHttpServerRoutes, helidonSeRoutes, wicketRoutes, springSecurityRules,
  ...jvmDslRouteExtractors,
];
