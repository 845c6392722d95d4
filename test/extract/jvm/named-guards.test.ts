import { describe, expect, it } from 'vitest';
import { extractJvm, ofKind, src } from './parse.js';

const authOf = (facts: Awaited<ReturnType<typeof extractJvm>>) =>
  Object.fromEntries(ofKind(facts, 'route').map((r) => [`${r.method} ${r.path}`, (r.middleware ?? []).map((m) => `${m.role}:${m.name}`).join(',') || '-']));

describe('spring guards named for what they do', () => {
  it('reads project annotations like @TokenSecured (optional with mandatory = false) in Kotlin', async () => {
    const facts = await extractJvm('src/main/kotlin/shop/web/OrderHandler.kt', src(
      'package shop.web',
      '@RestController',
      'class OrderHandler {',
      '    @TokenSecured(mandatory = false)',
      '    @GetMapping("/api/orders")',
      '    fun list(): List<String> = listOf()',
      '    @TokenSecured',
      '    @PostMapping("/api/orders")',
      '    fun create(): String = ""',
      '    @GetMapping("/api/health")',
      '    fun health(): String = "ok"',
      '}',
    ));
    expect(authOf(facts)).toEqual({
      'GET /api/orders': 'optional-auth:@TokenSecured',
      'POST /api/orders': 'auth:@TokenSecured',
      'GET /api/health': '-',
    });
  });

  it('reads Shiro annotations on a Java controller class and methods', async () => {
    const facts = await extractJvm('src/main/java/shop/AdminController.java', src(
      'package shop;',
      '@RestController',
      '@RequiresAuthentication',
      '@RequestMapping("/admin")',
      'public class AdminController {',
      '  @RequiresRoles("admin") @GetMapping("/users") public String users() { return ""; }',
      '  @RequiresGuest @GetMapping("/welcome") public String welcome() { return ""; }',
      '  @UnSecured @GetMapping("/stats") public String stats() { return ""; }',
      '}',
    ));
    expect(authOf(facts)).toEqual({
      'GET /admin/users': 'auth:@RequiresRoles',
      'GET /admin/welcome': '-',
      'GET /admin/stats': 'auth:@RequiresAuthentication',
    });
  });
});
