import { describe, expect, it } from 'vitest';
import { handlerVerb, razorPagePath, razorPages } from '../../../src/extract/csharp/razor-pages.js';
import { extractCs, ofKind, routeLines } from './parse.js';

describe('aspnetcore/razor-pages', () => {
  it('derives the page URL from the page file path', () => {
    expect(razorPagePath('Shop/Pages/Index.cshtml.cs')).toBe('/');
    expect(razorPagePath('Shop/Pages/Cart/Index.cshtml.cs')).toBe('/Cart');
    expect(razorPagePath('Shop/Pages/Cart/Pay.cshtml.cs')).toBe('/Cart/Pay');
    expect(razorPagePath('Shop/Areas/Members/Pages/Profile/Edit.cshtml.cs')).toBe('/Members/Profile/Edit');
    expect(razorPagePath('Shop/Pages/Shared/_Layout.cshtml.cs')).toBeUndefined();
    expect(razorPagePath('Shop/Models/Cart.cs')).toBeUndefined();
  });

  it('maps handler method names to HTTP methods', () => {
    expect(['OnGet', 'OnGetAsync', 'OnPostRemoveLine', 'OnPostAsync', 'OnDelete', 'Online', 'OnPosted', 'Get'].map(handlerVerb))
      .toEqual(['GET', 'GET', 'POST', 'POST', 'DELETE', undefined, undefined, undefined]);
  });

  it('emits one route per handler verb with the page model auth', async () => {
    const facts = await extractCs(razorPages, 'Shop/Pages/Cart/Pay.cshtml.cs', [
      'namespace Shop.Pages.Cart;',
      '[Authorize]',
      'public class PayModel : PageModel {',
      '  public void OnGet() { }',
      '  public async Task<IActionResult> OnPostAsync() => Page();',
      '  public IActionResult OnPostCoupon(string code) => Page();',
      '  private void OnPutHelper() { }',
      '}',
    ].join('\n'));
    expect(routeLines(facts)).toEqual(['GET /Cart/Pay', 'POST /Cart/Pay']);
    const routes = ofKind(facts, 'route');
    expect(routes.map((r) => r.location.startLine)).toEqual([4, 5]);
    expect(routes.every((r) => r.middleware?.[0]?.role === 'auth')).toBe(true);
  });

  it('serves GET for a page without handlers, and honours AllowAnonymous', async () => {
    const plain = await extractCs(razorPages, 'Web/Areas/Ops/Pages/Index.cshtml.cs', 'public class IndexModel : PageModel { public string Title { get; set; } }');
    expect(routeLines(plain)).toEqual(['GET /Ops']);
    const open = await extractCs(razorPages, 'Web/Pages/Join.cshtml.cs', '[AllowAnonymous] public class JoinModel : PageModel { public void OnGet() { } }');
    expect(ofKind(open, 'route')[0]?.middleware).toBeUndefined();
    const other = await extractCs(razorPages, 'Web/Pages/Join.cshtml.cs', 'public class Helper { public void OnGet() { } }');
    expect(other).toEqual([]);
  });
});
