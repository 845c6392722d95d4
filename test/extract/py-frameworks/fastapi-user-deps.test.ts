import { describe, expect, it } from 'vitest';
import { fastapiRoutes } from '../../../src/extract/fastapi/routes.js';
import { extractPython, ofKind } from './parse.js';

const mw = (facts: Awaited<ReturnType<typeof extractPython>>) =>
  ofKind(facts, 'route').map((r) => `${r.method} ${r.path}: ${(r.middleware ?? []).map((m) => `${m.name}=${m.role}`).join(', ')}`);

describe('fastapi: dependencies on the signed-in user', () => {
  it('reads superuser dependencies and Annotated aliases as auth', async () => {
    const facts = await extractPython(fastapiRoutes, 'app/api/routes/notes.py', [
      'from typing import Annotated',
      'from fastapi import APIRouter, Depends',
      'from app.api.deps import CurrentUser, SessionDep, get_current_active_superuser',
      'import app.api.deps as deps',
      'router = APIRouter()',
      'Owner = Annotated[User, Depends(get_owner_user)]',
      '',
      '@router.get("/", dependencies=[Depends(get_current_active_superuser)])',
      'def list_all(session: SessionDep, skip: int = 0): ...',
      '',
      '@router.get("/mine")',
      'def mine(session: SessionDep, current_user: CurrentUser): ...',
      '',
      '@router.delete("/{id}")',
      'def remove(id: int, me: deps.CurrentSuperuser, owner: Owner): ...',
      '',
      '@router.post("/public")',
      'def public(session: SessionDep, body: NoteIn, token_count: int = 0): ...',
    ].join('\n'));
    expect(mw(facts)).toEqual([
      'GET /: Depends(get_current_active_superuser)=auth',
      'GET /mine: CurrentUser=auth',
      'DELETE /{id}: deps.CurrentSuperuser=auth, Depends(get_owner_user)=other',
      'POST /public: ',
    ]);
  });

  it('keeps optional user dependencies optional', async () => {
    const facts = await extractPython(fastapiRoutes, 'r.py', [
      'from fastapi import APIRouter, Depends',
      'router = APIRouter()',
      '@router.get("/feed")',
      'def feed(user=Depends(get_current_user_optional)): ...',
    ].join('\n'));
    expect(ofKind(facts, 'route')[0]!.middleware?.map((m) => m.role)).toEqual(['optional-auth']);
  });
});
