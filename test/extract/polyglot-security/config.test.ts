import { describe, expect, it } from 'vitest';
import { configSecurityFacts } from '../../../src/extract/security/text/config.js';
import { corsLines, databaseLines, rateLimitLines } from './parse.js';

describe('security/text/config', () => {
  it('reads Spring datasource, JPA and MyBatis settings from properties and YAML', async () => {
    expect(await databaseLines(configSecurityFacts, 'src/main/resources/application.properties', [
      'spring.datasource.url=jdbc:sqlite:dev.db',
      'spring.jpa.database-platform=org.hibernate.dialect.PostgreSQLDialect',
      'mybatis.mapper-locations=mapper/*.xml',
      'mybatis.configuration.cache-enabled=true',
    ])).toEqual(['1 jdbc sqlite', '2 jpa postgresql', '3 mybatis -']);
    expect(await databaseLines(configSecurityFacts, 'src/main/resources/application-prod.yml', [
      'spring:',
      '  datasource:',
      '    url: jdbc:postgresql://db:5432/app',
      '    username: app',
      '  data:',
      '    mongodb:',
      '      uri: mongodb://mongo/app',
    ])).toEqual(['3 jdbc postgresql', '7 spring-data-mongodb mongodb']);
  });

  it('reads Symfony nelmio_cors, login throttling and doctrine', async () => {
    expect(await corsLines(configSecurityFacts, 'config/packages/nelmio_cors.yaml', [
      'nelmio_cors:',
      '    defaults:',
      "        allow_origin: ['*']",
      '        allow_credentials: true',
      '    paths:',
      "        '^/api/':",
      '            allow_origin:',
      "                - 'https://app.example.org'",
    ])).toEqual(['3 nelmio_cors wildcard true', '7 nelmio_cors allowlist true']);
    expect(await rateLimitLines(configSecurityFacts, 'config/packages/security.yaml', [
      'security:',
      '    firewalls:',
      '        main:',
      '            json_login: { check_path: /api/login }',
      '            login_throttling:',
      '                max_attempts: 5',
    ])).toEqual(['5 symfony-login-throttling true ']);
    expect(await databaseLines(configSecurityFacts, 'config/packages/doctrine.yaml', [
      'doctrine:',
      '    dbal:',
      "        url: '%env(resolve:DATABASE_URL)%'",
      '        driver: pdo_pgsql',
    ])).toEqual(['4 doctrine postgresql']);
  });

  it('reads Laravel .env, Cargo.toml, pom.xml and composer.json', async () => {
    expect(await databaseLines(configSecurityFacts, '.env', ['APP_NAME=shop', 'DB_CONNECTION=mysql'])).toEqual(['2 eloquent mysql']);
    expect(await databaseLines(configSecurityFacts, 'Cargo.toml', [
      '[package]',
      'name = "api"',
      '[dependencies]',
      'sqlx = { version = "0.7", features = ["runtime-tokio", "postgres"] }',
      'redis = "0.24"',
    ])).toEqual(['4 sqlx postgresql', '5 redis redis']);
    expect(await databaseLines(configSecurityFacts, 'pom.xml', [
      '<project><dependencies>',
      '  <dependency>',
      '    <artifactId>spring-boot-starter-data-jpa</artifactId>',
      '  </dependency>',
      '  <dependency>',
      '    <artifactId>postgresql</artifactId>',
      '  </dependency>',
      '</dependencies></project>',
    ])).toEqual(['3 jpa -', '6 jdbc postgresql']);
    expect(await databaseLines(configSecurityFacts, 'composer.json', [
      '{',
      '  "require": {',
      '    "doctrine/orm": "^3.0"',
      '  }',
      '}',
    ])).toEqual(['3 doctrine -']);
  });
});
