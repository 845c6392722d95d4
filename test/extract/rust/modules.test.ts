import { describe, expect, it } from 'vitest';
import { adapterFor, initAdapters } from '../../../src/languages/index.js';
import { crateFileOf, ModuleResolver, moduleKey } from '../../../src/extract/rust/modules.js';

async function resolver(path: string, text: string) {
  await initAdapters(['rust']);
  const parsed = adapterFor('rust').parse({ path, language: 'rust', text, bytes: text.length });
  if (!parsed.ok || parsed.tree.kind !== 'tree-sitter') throw new Error('parse failed');
  const root = parsed.tree.tree.rootNode;
  const mods = new ModuleResolver(path, root);
  /** Resolves the path of the first call whose callee text is `callee`. */
  const resolveCall = (callee: string) => {
    const call = root.descendantsOfType('call_expression').find((c) => c?.childForFieldName('function')?.text === callee);
    if (!call) throw new Error(`no call ${callee}`);
    return mods.resolve(call, callee.split('::'));
  };
  return { mods, resolveCall };
}

describe('Rust module paths', () => {
  it('places files in their crate: main.rs/lib.rs are the root, mod.rs is its directory', () => {
    expect(crateFileOf('src/main.rs')).toEqual({ srcRoot: 'src', module: [] });
    expect(crateFileOf('api/src/lib.rs')).toEqual({ srcRoot: 'api/src', module: [] });
    expect(crateFileOf('src/http/articles/mod.rs')).toEqual({ srcRoot: 'src', module: ['http', 'articles'] });
    expect(crateFileOf('svc/src/http/users.rs')).toEqual({ srcRoot: 'svc/src', module: ['http', 'users'] });
    expect(moduleKey('src', ['http', 'users'])).toBe('src/http/users.rs');
    expect(moduleKey('src', [])).toBe('src/crate');
  });

  it('resolves mod, use (aliases, nested groups, self/super) and crate paths to module items', async () => {
    const { resolveCall } = await resolver('src/http/mod.rs', [
      'use crate::{events::{build_routes as events_routes}};',
      'use super::config::Settings;',
      'use self::users::router as users_router;',
      'mod users;',
      'fn app() {',
      '  users::router();',
      '  users_router();',
      '  events_routes();',
      '  crate::admin::routes();',
      '  super::root_fn();',
      '  local_fn();',
      '  axum::serve();',
      '}',
    ].join('\n'));
    expect(resolveCall('users::router')).toEqual({ file: 'src/http/users.rs', path: ['router'] });
    expect(resolveCall('users_router')).toEqual({ file: 'src/http/users.rs', path: ['router'] });
    expect(resolveCall('events_routes')).toEqual({ file: 'src/events.rs', path: ['build_routes'] });
    expect(resolveCall('crate::admin::routes')).toEqual({ file: 'src/admin.rs', path: ['routes'] });
    expect(resolveCall('super::root_fn')).toEqual({ file: 'src/crate', path: ['root_fn'] });
    expect(resolveCall('local_fn')).toEqual({ file: 'src/http.rs', path: ['local_fn'] });
    expect(resolveCall('axum::serve')).toBeUndefined();
  });

  it('uses a single internal glob import for names not defined in the file, and inline modules for their items', async () => {
    const { resolveCall } = await resolver('src/main.rs', [
      'use crate::handlers::*;',
      'mod handlers;',
      'fn main() { list_users(); helper(); api::shared(); }',
      'fn helper() {}',
      'mod api { pub fn shared() {} }',
    ].join('\n'));
    expect(resolveCall('list_users')).toEqual({ file: 'src/handlers.rs', path: ['list_users'] });
    expect(resolveCall('helper')).toEqual({ file: 'src/crate', path: ['helper'] });
    // An inline `mod api { .. }` is keyed like a file module, so refs from elsewhere meet its items.
    expect(resolveCall('api::shared')).toEqual({ file: 'src/api.rs', path: ['shared'] });
  });
});
