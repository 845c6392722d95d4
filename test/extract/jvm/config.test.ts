import { describe, expect, it } from 'vitest';
import { readProperties, readYaml } from '../../../src/extract/jvm/config-reader.js';
import { readWebXml } from '../../../src/extract/jvm/web-xml.js';
import { extractJvm, ofKind, routeLines, src } from './parse.js';

describe('configuration readers', () => {
  it('reads properties with = : and space separators, comments and continuations', () => {
    const entries = readProperties(src('# comment', 'a.b=/x', 'c.d: /y', 'e.f /z', '! bang', 'g=first\\', '  second'));
    expect(entries.map((e) => `${e.key}|${e.value}|${e.line}`)).toEqual(['a.b|/x|2', 'c.d|/y|3', 'e.f|/z|4', 'g|firstsecond|6']);
  });

  it('flattens nested YAML mappings, strips comments and quotes, and counts documents', () => {
    const entries = readYaml(src(
      'server:',
      '  servlet:',
      '    context-path: "/api"   # the prefix',
      '  port: 8080',
      'list:',
      '  - a',
      '---',
      'spring:',
      '  webflux.base-path: \'/v1\'',
    ));
    expect(entries.map((e) => `${e.key}=${e.value}@${e.line}#${e.document}`)).toEqual([
      'server.servlet.context-path=/api@3#0', 'server.port=8080@4#0', 'spring.webflux.base-path=/v1@9#1',
    ]);
  });

  it('maps web.xml JAX-RS servlets to packages and URL prefixes', () => {
    const mappings = readWebXml(src(
      '<web-app>',
      '  <servlet><servlet-name>a</servlet-name><servlet-class>com.x.RestApplication</servlet-class></servlet>',
      '  <servlet><servlet-name>plain</servlet-name><servlet-class>com.x.FileServlet</servlet-class></servlet>',
      '  <servlet-mapping><servlet-name>a</servlet-name><url-pattern>/services/*</url-pattern></servlet-mapping>',
      '  <servlet-mapping><servlet-name>plain</servlet-name><url-pattern>/files/*</url-pattern></servlet-mapping>',
      '</web-app>',
    ));
    expect(mappings).toEqual([{ packageName: 'com.x', prefix: '/services', line: 4 }]);
  });
});

describe('configuration facts', () => {
  it('emits global prefixes in application order, and constants for path-like values', async () => {
    const facts = await extractJvm('src/main/resources/application.properties', src(
      'spring.mvc.servlet.path=/mvc',
      'server.servlet.context-path=/portal',
      'api.base=/configured',
      'spring.graphql.path=/gql',
      '%dev.quarkus.http.root-path=/dev',
    ));
    expect(ofKind(facts, 'global-prefix').map((f) => `${f.framework} ${f.prefix} ${f.location.startLine} ${f.files ?? '-'}`))
      .toEqual(['spring /mvc 1 -', 'spring /portal 2 -', 'jaxrs /portal 2 -']);
    expect(ofKind(facts, 'constant').map((c) => `${c.ref.path[0]}=${c.value}`))
      .toEqual(['spring.mvc.servlet.path=/mvc', 'server.servlet.context-path=/portal', 'api.base=/configured', 'spring.graphql.path=/gql']);
  });

  it('restricts a module configuration to its module and skips profile files for prefixes', async () => {
    const module = await extractJvm('boot-context/src/main/resources/application.yml', src('micronaut:', '  server:', '    context-path: /mn'));
    expect(ofKind(module, 'global-prefix')).toMatchObject([{ framework: 'micronaut', prefix: '/mn', files: ['boot-context/'] }]);
    const profile = await extractJvm('src/main/resources/application-dev.yml', src('server:', '  servlet:', '    context-path: /dev'));
    expect(ofKind(profile, 'global-prefix')).toEqual([]);
    const quarkus = await extractJvm('src/main/resources/application.properties', src('quarkus.http.root-path=/platform'));
    expect(ofKind(quarkus, 'global-prefix').map((f) => f.framework)).toEqual(['jaxrs', 'quarkus']);
  });

  it('turns Micronaut static resource mappings into GET routes unless disabled', async () => {
    const facts = await extractJvm('src/main/resources/application.properties', src(
      'micronaut.router.static-resources.css.mapping=/css/*.css',
      'micronaut.router.static-resources.off.mapping=/off/**',
      'micronaut.router.static-resources.off.enabled=false',
    ));
    expect(routeLines(facts)).toEqual(['GET /css/*.css']);
  });
});
