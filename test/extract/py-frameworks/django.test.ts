import { describe, expect, it } from 'vitest';
import { djangoUrls } from '../../../src/extract/django/urls.js';
import { regexToPath } from '../../../src/extract/django/regex-path.js';
import { extractPython, ofKind, routeLines } from './parse.js';

describe('django/urls', () => {
  it('reads path()/re_path() routes, include() mounts and list concatenation', async () => {
    const facts = await extractPython(djangoUrls, 'blog/urls.py', [
      'from django.contrib import admin',
      'from django.urls import include, path, re_path',
      'from . import views, extra_urls',
      'local = [path("reports/", views.reports)]',
      'urlpatterns = [',
      '    path("admin/", admin.site.urls),',
      '    path("shop/", include("shop.urls", namespace="shop")),',
      '    path("local/", include(local)),',
      '    path("ns/", include((local, "ns"))),',
      '    path("extra/", include(extra_urls)),',
      '    path("inline/", include([path("nested/<int:pk>/", views.nested)])),',
      '    re_path(r"^legacy/(?P<legacy_id>[0-9]+)/$", views.legacy),',
      '    path("", views.IndexView.as_view()),',
      ']',
      'urlpatterns += [path("late/", views.late)]',
      'urlpatterns.extend(local)',
      'urlpatterns += i18n_patterns(path("about/", views.about), prefix_default_language=False)',
      'urlpatterns = format_suffix_patterns(urlpatterns)',
    ].join('\n'));
    expect(ofKind(facts, 'router').map((r) => r.ref.path.join('.'))).toEqual(['local', 'urlpatterns']);
    expect(routeLines(facts)).toEqual([
      'ANY reports/ @local',
      'ANY admin/ @urlpatterns',
      'ANY inline/nested/<int:pk>/ @urlpatterns',
      'ANY legacy/{legacy_id}/ @urlpatterns',
      'ANY  @urlpatterns',
      'ANY late/ @urlpatterns',
      'ANY about/ @urlpatterns',
    ]);
    expect(ofKind(facts, 'route').map((r) => r.handler?.name)).toEqual([
      'views.reports', 'admin.site.urls', 'views.nested', 'views.legacy', 'views.IndexView', 'views.late', 'views.about',
    ]);
    expect(ofKind(facts, 'route')[1]!.middleware?.[0]?.role).toBe('auth');
    expect(ofKind(facts, 'mount').map((m) => `${m.child.path.join('.')}${m.childModule ? ` in ${m.childModule}` : ''} at '${m.prefix}'`)).toEqual([
      "urlpatterns in shop.urls at 'shop/'",
      "local at 'local/'",
      "local at 'ns/'",
      "extra_urls.urlpatterns at 'extra/'",
      "local at ''",
    ]);
  });

  it('infers methods of views defined in the same file', async () => {
    const facts = await extractPython(djangoUrls, 'app/urls.py', [
      'from django.urls import path',
      'from django.views import View',
      'from django.views.generic import ListView, DeleteView',
      'from django.contrib.auth.mixins import LoginRequiredMixin',
      'from rest_framework.decorators import api_view, permission_classes',
      'from rest_framework.generics import RetrieveUpdateAPIView',
      'from rest_framework.permissions import IsAuthenticated',
      '',
      'class Feedback(LoginRequiredMixin, View):',
      '    def get(self, request): ...',
      '    def post(self, request): ...',
      '    def query(self, params): ...',
      'class Articles(ListView): ...',
      'class Index(Articles): ...',
      'class Remove(DeleteView): ...',
      'class Account(RetrieveUpdateAPIView):',
      '    permission_classes = [IsAuthenticated]',
      '@api_view(["GET", "POST"])',
      '@permission_classes([IsAuthenticated])',
      'def items(request): ...',
      '@require_POST',
      'def submit(request): ...',
      'def upload(request):',
      '    if request.method == "POST":',
      '        return save(request.FILES)',
      'def page(request): ...',
      '',
      'urlpatterns = [',
      '    path("feedback/", Feedback.as_view()),',
      '    path("", Index.as_view()),',
      '    path("rm/", Remove.as_view()),',
      '    path("account/", Account.as_view()),',
      '    path("items/", items),',
      '    path("submit/", submit),',
      '    path("upload/", login_required(upload)),',
      '    path("page/", page),',
      '    path("vs/", ItemViewSet.as_view({"get": "list", "post": "create"})),',
      ']',
    ].join('\n'));
    expect(routeLines(facts).map((l) => l.replace(' @urlpatterns', ''))).toEqual([
      'GET feedback/', 'POST feedback/',
      'GET ',
      'GET rm/', 'POST rm/',
      'GET account/', 'PUT account/', 'PATCH account/',
      'GET items/', 'POST items/',
      'POST submit/',
      'GET upload/', 'POST upload/',
      'GET page/',
      'GET vs/', 'POST vs/',
    ]);
    const routes = ofKind(facts, 'route');
    const auth = (i: number) => routes[i]!.middleware?.filter((m) => m.role === 'auth').map((m) => m.name);
    expect(auth(0)).toEqual(['LoginRequiredMixin']);
    expect(auth(5)).toEqual(['IsAuthenticated']);
    expect(auth(8)).toEqual(['IsAuthenticated']);
    expect(auth(11)).toEqual(['login_required']);
    expect(routes[0]!.handler?.location?.startLine).toBe(10);
  });

  it('expands DRF router registrations, with in-file viewsets, lookups and @action', async () => {
    const facts = await extractPython(djangoUrls, 'api/urls.py', [
      'from django.urls import include, path',
      'from rest_framework import mixins, viewsets',
      'from rest_framework.decorators import action',
      'from rest_framework.routers import DefaultRouter, SimpleRouter',
      'from .views import UserViewSet',
      'class ArticleViewSet(viewsets.ReadOnlyModelViewSet):',
      '    lookup_field = "slug"',
      '    @action(detail=True, methods=["post"], url_path="publish")',
      '    def publish(self, request, slug=None): ...',
      '    @action(detail=False)',
      '    def stats(self, request): ...',
      'class MediaViewSet(mixins.CreateModelMixin, viewsets.GenericViewSet):',
      '    def destroy(self, request, pk=None): ...',
      'router = DefaultRouter()',
      'router.register(r"articles", ArticleViewSet, basename="article")',
      'router.register(prefix="media", viewset=MediaViewSet)',
      'router.register(r"users", UserViewSet)',
      'flat = SimpleRouter(trailing_slash=False)',
      'flat.register("tags", ArticleViewSet)',
      'urlpatterns = [path("api/", include(router.urls))]',
      'urlpatterns += flat.urls',
    ].join('\n'));
    expect(routeLines(facts)).toEqual([
      'GET  @router',
      'GET articles/ @router',
      'GET articles/{slug}/ @router',
      'POST articles/{slug}/publish/ @router',
      'GET articles/stats/ @router',
      'POST media/ @router',
      'DELETE media/{pk}/ @router',
      'GET users/ @router',
      'POST users/ @router',
      'GET users/{pk}/ @router',
      'PUT users/{pk}/ @router',
      'PATCH users/{pk}/ @router',
      'DELETE users/{pk}/ @router',
      'GET tags @flat',
      'GET tags/{slug} @flat',
      'POST tags/{slug}/publish @flat',
      'GET tags/stats @flat',
    ]);
    expect(ofKind(facts, 'route').every((r) => r.origin === 'generated')).toBe(true);
    expect(ofKind(facts, 'route')[1]!.location.startLine).toBe(15);
    expect(ofKind(facts, 'mount').map((m) => `${m.child.path.join('.')} at '${m.prefix}'`)).toEqual(["router at 'api/'", "flat at ''"]);
  });
});

describe('django/urls outside Django', () => {
  it('ignores tornado url() lists and mounts `path(x, api.urls)` like an include', async () => {
    const tornado = await extractPython(djangoUrls, 'app.py', 'import tornado.web\nroutes = [tornado.web.url(r"/named", Handler)]\n');
    expect(tornado).toEqual([]);
    const ninja = await extractPython(djangoUrls, 'proj/urls.py', 'from django.urls import path\nfrom .api import api\nurlpatterns = [path("api/", api.urls)]\n');
    expect(ofKind(ninja, 'mount').map((m) => `${m.child.path.join('.')} at '${m.prefix}'`)).toEqual(["api at 'api/'"]);
    expect(routeLines(ninja)).toEqual([]);
  });
});

describe('regexToPath', () => {
  it('turns Django regexes into plain paths', () => {
    expect(regexToPath('^legacy/(?P<legacy_id>[0-9]+)/$')).toEqual({ path: 'legacy/{legacy_id}/', isRegex: false });
    expect(regexToPath('^nested/(?P<slug>[\\w-]+(/[\\w-]+)*)_(?P<pk>\\d+)/$')).toEqual({ path: 'nested/{slug}_{pk}/', isRegex: false });
    expect(regexToPath('^files/(\\d+)\\.json$')).toEqual({ path: 'files/{param}.json', isRegex: false });
    expect(regexToPath('^$')).toEqual({ path: '', isRegex: false });
    expect(regexToPath('^api/v1/?$')).toEqual({ path: 'api/v1', isRegex: false });
    expect(regexToPath('^page(?:/(?P<n>\\d+))?/$')).toEqual({ path: 'page/', isRegex: false });
    expect(regexToPath('^(foo|bar)/baz$')).toEqual({ path: '{param}/baz', isRegex: false });
    expect(regexToPath('^a.b+$')).toEqual({ path: '^a.b+$', isRegex: true });
  });
});
