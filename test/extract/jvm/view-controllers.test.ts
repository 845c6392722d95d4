import { describe, expect, it } from 'vitest';
import { extractJvm, ofKind, src } from './parse.js';

const routeLines = (facts: Awaited<ReturnType<typeof extractJvm>>) => ofKind(facts, 'route').map((r) => `${r.method} ${r.path}`);

describe('spring view controllers (WebMvcConfigurer.addViewControllers)', () => {
  it('reads addViewController / addRedirectViewController / addStatusController paths as GET routes (Java)', async () => {
    const facts = await extractJvm('src/main/java/shop/WebConfig.java', src(
      'package shop;',
      'class WebConfig implements WebMvcConfigurer {',
      '  private static final String SIGN_IN = "/sign-in";',
      '  @Override',
      '  public void addViewControllers(ViewControllerRegistry registry) {',
      '    registry.addViewController(SIGN_IN).setViewName("signin");',
      '    registry.addViewController("/").setViewName("home");',
      '    registry.addRedirectViewController("/old-home", "/");',
      '    registry.addStatusController("/gone", HttpStatus.GONE);',
      '  }',
      '}',
    ));
    expect(routeLines(facts)).toEqual(['GET /sign-in', 'GET /', 'GET /old-home', 'GET /gone']);
    expect(ofKind(facts, 'route')[0]?.location.startLine).toBe(6);
  });

  it('reads them in Kotlin, and ignores the call outside a view-controller registry', async () => {
    const facts = await extractJvm('src/main/kotlin/shop/WebConfig.kt', src(
      'package shop',
      'class WebConfig : WebMvcConfigurer {',
      '  override fun addViewControllers(registry: ViewControllerRegistry) {',
      '    registry.addViewController("/about").setViewName("about")',
      '  }',
      '}',
    ));
    expect(routeLines(facts)).toEqual(['GET /about']);
    const other = await extractJvm('src/main/java/shop/Menu.java', src(
      'package shop;',
      'class Menu { void build(MenuBuilder b) { b.addViewController("/x"); } }',
    ));
    expect(routeLines(other)).toEqual([]);
  });
});
