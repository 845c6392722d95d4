import { describe, expect, it } from 'vitest';
import { describeDjangoViews } from '../../../src/extract/django/view-descriptions.js';
import { readModuleScope } from '../../../src/extract/python/modules.js';
import { pythonAdapter } from '../../../src/languages/python/adapter.js';

async function describe_(path: string, text: string[]) {
  await pythonAdapter.init();
  const source = text.join('\n');
  const parsed = pythonAdapter.parse({ path, language: 'python', text: source, bytes: source.length });
  if (!parsed.ok || parsed.tree.kind !== 'tree-sitter') throw new Error('parse failed');
  const root = parsed.tree.tree.rootNode;
  return describeDjangoViews({ path, language: 'python', text: source, tree: parsed.tree }, readModuleScope(root), root);
}

describe('django views: auth mixins imported from elsewhere', () => {
  it('reads bases named as auth mixins as auth, other mixins as nothing', async () => {
    const views = await describe_('notes/apis.py', [
      'from rest_framework.views import APIView',
      'from rest_framework import viewsets',
      'from core.mixins import ApiAuthMixin, OptionalAuthMixin, PaginationMixin, AuthorFieldsMixin',
      'class NoteListApi(ApiAuthMixin, APIView):',
      '    def get(self, request): ...',
      'class NoteFeedApi(OptionalAuthMixin, APIView):',
      '    def get(self, request): ...',
      'class PublicApi(PaginationMixin, AuthorFieldsMixin, APIView):',
      '    def get(self, request): ...',
      'class NoteViewSet(ApiAuthMixin, viewsets.ReadOnlyModelViewSet): ...',
    ]);
    expect(views.map((v) => `${v.name}: ${v.middleware.map((m) => `${m.name}=${m.role}`).join(', ')}`)).toEqual([
      'NoteListApi: ApiAuthMixin=auth',
      'NoteFeedApi: OptionalAuthMixin=optional-auth',
      'PublicApi: ',
      'NoteViewSet: ApiAuthMixin=auth',
    ]);
  });
});
