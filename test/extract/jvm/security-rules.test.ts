// Spring Security path rules decide the auth of endpoints whose own code says nothing.
import { describe, expect, it } from 'vitest';
import { antMatcher } from '../../../src/model/auth-rules.js';
import { endpointsOf, extractJvm, ofKind, src } from './parse.js';

const CONTROLLER = src(
  'package com.example.web;',
  'import org.springframework.web.bind.annotation.*;',
  '@RestController @RequestMapping("/api")',
  'public class ArticleController {',
  '  @GetMapping("/articles") public String list() { return ""; }',
  '  @PostMapping("/articles") public String create() { return ""; }',
  '  @GetMapping("/articles/{slug}") public String one() { return ""; }',
  '  @PostMapping("/users/login") public String login() { return ""; }',
  '  @GetMapping("/admin/stats") public String stats() { return ""; }',
  '}',
);

const SECURITY_JAVA = src(
  'package com.example.config;',
  'import org.springframework.http.HttpMethod;',
  'public class SecurityConfig {',
  '  static final String[] PUBLIC = { "/api/users/login", "/api/users" };',
  '  SecurityFilterChain chain(HttpSecurity http) throws Exception {',
  '    http.authorizeHttpRequests(auth -> auth',
  '      .requestMatchers(PUBLIC).permitAll()',
  '      .requestMatchers(HttpMethod.GET, "/api/articles/**").permitAll()',
  '      .requestMatchers("/api/admin/**").hasRole("ADMIN")',
  '      .anyRequest().authenticated());',
  '    return http.build();',
  '  }',
  '}',
);

describe('Spring Security rules', () => {
  it('reads matcher chains with constants, methods and anyRequest in declaration order', async () => {
    const rules = ofKind(await extractJvm('src/main/java/com/example/config/SecurityConfig.java', SECURITY_JAVA), 'auth-rule');
    expect(rules.map((r) => [r.patterns.join(','), r.methods?.join(',') ?? '*', r.access])).toEqual([
      ['/api/users/login,/api/users', '*', 'public'],
      ['/api/articles/**', 'GET', 'public'],
      ['/api/admin/**', '*', 'auth'],
      ['/**', '*', 'auth'],
    ]);
  });

  it('gives each endpoint the auth of the first matching rule', async () => {
    const { model } = await endpointsOf({
      'src/main/java/com/example/web/ArticleController.java': CONTROLLER,
      'src/main/java/com/example/config/SecurityConfig.java': SECURITY_JAVA,
    });
    const auth = Object.fromEntries(model.endpoints.map((e) => [`${e.method} ${e.path}`, e.auth]));
    expect(auth).toEqual({
      'GET /api/articles': 'none',
      'POST /api/articles': 'required',
      'GET /api/articles/{slug}': 'none',
      'POST /api/users/login': 'none',
      'GET /api/admin/stats': 'required',
    });
  });

  it('reads the Kotlin DSL', async () => {
    const text = src(
      'package com.example',
      'class Security {',
      '  fun chain(http: HttpSecurity) = http {',
      '    authorizeHttpRequests {',
      '      authorize(HttpMethod.POST, "/login", permitAll)',
      '      authorize("/actuator/**", hasRole("OPS"))',
      '      authorize(anyRequest, authenticated)',
      '    }',
      '  }',
      '}',
    );
    const rules = ofKind(await extractJvm('src/main/kotlin/com/example/Security.kt', text), 'auth-rule');
    expect(rules.map((r) => [r.patterns.join(','), r.methods?.join(',') ?? '*', r.access])).toEqual([
      ['/login', 'POST', 'public'], ['/actuator/**', '*', 'auth'], ['/**', '*', 'auth'],
    ]);
  });

  it('matches Ant patterns segment by segment', () => {
    expect(antMatcher('/api/**')('/api/a/b')).toBe(true);
    expect(antMatcher('/api/**')('/api')).toBe(true);
    expect(antMatcher('/api/*')('/api/a/b')).toBe(false);
    expect(antMatcher('/users/{id}')('/users/{userId}')).toBe(true);
    expect(antMatcher('/users/me')('/users/{id}')).toBe(false);
    expect(antMatcher('/**/*.html')('/a/b/index.html')).toBe(true);
    expect(antMatcher('/static/*.css')('/static/app.js')).toBe(false);
  });
});
