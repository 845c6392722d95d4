import { describe, expect, it } from 'vitest';
import { describeDjangoViews } from '../../../src/extract/django/view-descriptions.js';
import { describeFlaskViews } from '../../../src/extract/flask/views.js';
import { readModuleScope } from '../../../src/extract/python/modules.js';
import { pythonAdapter } from '../../../src/languages/python/adapter.js';

async function parse(path: string, text: string) {
  await pythonAdapter.init();
  const parsed = pythonAdapter.parse({ path, language: 'python', text, bytes: text.length });
  if (!parsed.ok || parsed.tree.kind !== 'tree-sitter') throw new Error('parse failed');
  const root = parsed.tree.tree.rootNode;
  return { file: { path, language: 'python' as const, text, tree: parsed.tree }, scope: readModuleScope(root), root };
}

describe('describeDjangoViews', () => {
  it('describes function views, class views and viewsets of a views module', async () => {
    const { file, scope, root } = await parse('blog/views.py', [
      'from django.views.generic import ListView',
      'from rest_framework import mixins, viewsets',
      'from rest_framework.decorators import action',
      'class ArticleList(ListView): ...',
      'class ArticleViewSet(viewsets.ReadOnlyModelViewSet):',
      '    lookup_url_kwarg = "article_id"',
      '    permission_classes = [IsAuthenticated]',
      '    @action(detail=True, methods=["post"])',
      '    def publish(self, request, article_id=None): ...',
      'class MediaViewSet(mixins.ListModelMixin, viewsets.GenericViewSet): ...',
      'def feedback(request):',
      '    if request.method in ("POST", "PUT"):',
      '        return save(request)',
      'def helper(data): ...',
      'class Unknown(ThirdPartyView): ...',
    ].join('\n'));
    const described = describeDjangoViews(file, scope, root).map((v) => `${v.kind} ${v.name}: ${v.routes.map((r) => `${r.method} '${r.path}'`).join(', ')}`);
    expect(described).toEqual([
      "class ArticleList: GET ''",
      "viewset ArticleViewSet: GET '', GET '{article_id}/', POST '{article_id}/publish/'",
      "viewset MediaViewSet: GET ''",
      "function feedback: GET '', POST '', PUT ''",
    ]);
    const viewset = describeDjangoViews(file, scope, root)[1]!;
    expect(viewset.middleware.map((m) => `${m.role}:${m.name}`)).toEqual(['auth:IsAuthenticated']);
    expect(viewset.routes[2]!.handler).toBe('ArticleViewSet.publish');
  });
});

describe('describeFlaskViews', () => {
  it('describes Resource / MethodView classes by the methods they define', async () => {
    const { file, scope, root } = await parse('resources.py', [
      'from flask_restful import Resource',
      'class Base(Resource):',
      '    method_decorators = [jwt_required()]',
      'class Item(Base):',
      '    def get(self, item_id): ...',
      '    def delete(self, item_id): ...',
      'class NotAView:',
      '    def get(self): ...',
    ].join('\n'));
    const described = describeFlaskViews(file, scope, root);
    expect(described.map((v) => `${v.name}: ${v.info.methods.join(' ')}`)).toEqual(['Item: GET DELETE']);
    expect(described[0]!.info.middleware.map((m) => m.role)).toEqual(['auth']);
  });
});
