// Laravel resource routes: Route::resource / apiResource / singleton / apiSingleton expanded into
// their method + path pairs, the way Illuminate\Routing\ResourceRegistrar names them.
import type { HttpMethod } from '../../core/facts.js';

export type ResourceKind = 'resource' | 'apiResource' | 'singleton' | 'apiSingleton';

export interface ResourceOptions {
  only?: string[];
  except?: string[];
  /** `->parameters(['photos' => 'photo'])`: resource segment -> parameter name. */
  parameters: Map<string, string>;
  shallow: boolean;
  /** Singletons: `->creatable()` adds create/store/destroy, `->destroyable()` adds destroy. */
  creatable: boolean;
  destroyable: boolean;
}

export interface ResourceRoute {
  action: string;
  method: HttpMethod;
  path: string;
}

export function emptyResourceOptions(): ResourceOptions {
  return { parameters: new Map(), shallow: false, creatable: false, destroyable: false };
}

const IRREGULAR: Record<string, string> = {
  people: 'person', children: 'child', men: 'man', women: 'woman', mice: 'mouse', geese: 'goose',
  teeth: 'tooth', feet: 'foot', oxen: 'ox', data: 'datum', media: 'medium', criteria: 'criterion',
  indices: 'index', matrices: 'matrix', vertices: 'vertex', analyses: 'analysis', statuses: 'status',
  news: 'news', movies: 'movie', cookies: 'cookie', zombies: 'zombie', lives: 'life', wives: 'wife', knives: 'knife', series: 'series', species: 'species', aliases: 'alias', buses: 'bus', quizzes: 'quiz',
};

/** English singular, approximately as Str::singular does it for common resource names. */
export function singular(word: string): string {
  const lower = word.toLowerCase();
  const irregular = IRREGULAR[lower];
  if (irregular) return word.slice(0, 1) + irregular.slice(1);
  if (/[^aeiou]ies$/.test(lower)) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh|zz)es$/.test(lower)) return word.slice(0, -2);
  if (/(ss|us|is)$/.test(lower)) return word;
  if (lower.endsWith('s') && lower.length > 1) return word.slice(0, -1);
  return word;
}

function wildcard(segment: string, options: ResourceOptions): string {
  const mapped = options.parameters.get(segment);
  return (mapped ?? singular(segment)).replace(/-/g, '_');
}

const RESOURCE_ACTIONS: [string, HttpMethod[], 'collection' | 'member', string][] = [
  ['index', ['GET'], 'collection', ''],
  ['create', ['GET'], 'collection', '/create'],
  ['store', ['POST'], 'collection', ''],
  ['show', ['GET'], 'member', ''],
  ['edit', ['GET'], 'member', '/edit'],
  ['update', ['PUT', 'PATCH'], 'member', ''],
  ['destroy', ['DELETE'], 'member', ''],
];

const SINGLETON_ACTIONS: [string, HttpMethod[], string][] = [
  ['create', ['GET'], '/create'],
  ['store', ['POST'], ''],
  ['show', ['GET'], ''],
  ['edit', ['GET'], '/edit'],
  ['update', ['PUT', 'PATCH'], ''],
  ['destroy', ['DELETE'], ''],
];

function allowed(action: string, options: ResourceOptions): boolean {
  if (options.only && !options.only.includes(action)) return false;
  if (options.except && options.except.includes(action)) return false;
  return true;
}

/** 'admin/photos.comments' -> prefix 'admin/photos/{photo}', last segment 'comments'. */
function splitName(name: string, options: ResourceOptions): { parent: string; last: string } {
  const clean = name.replace(/^\/+|\/+$/g, '');
  const slash = clean.lastIndexOf('/');
  const dirPrefix = slash >= 0 ? clean.slice(0, slash) : '';
  const segments = (slash >= 0 ? clean.slice(slash + 1) : clean).split('.').filter(Boolean);
  const last = segments.pop() ?? '';
  const parents = segments.map((s) => `${s}/{${wildcard(s, options)}}`);
  return { parent: [dirPrefix, ...parents].filter(Boolean).join('/'), last };
}

/** The routes one resource declaration registers, in Laravel's registration order. */
export function expandResource(kind: ResourceKind, name: string, options: ResourceOptions): ResourceRoute[] {
  const { parent, last } = splitName(name, options);
  if (!last) return [];
  const out: ResourceRoute[] = [];
  const base = parent ? `${parent}/${last}` : last;
  if (kind === 'singleton' || kind === 'apiSingleton') {
    const api = kind === 'apiSingleton';
    for (const [action, methods, suffix] of SINGLETON_ACTIONS) {
      const creatableOnly = action === 'create' || action === 'store';
      if (creatableOnly && !options.creatable) continue;
      if (action === 'destroy' && !options.creatable && !options.destroyable) continue;
      if (api && (action === 'create' || action === 'edit')) continue;
      if (!allowed(action, options)) continue;
      for (const method of methods) out.push({ action, method, path: `/${base}${suffix}` });
    }
    return out;
  }
  const member = options.shallow ? `${last}/{${wildcard(last, options)}}` : `${base}/{${wildcard(last, options)}}`;
  for (const [action, methods, scope, suffix] of RESOURCE_ACTIONS) {
    if (kind === 'apiResource' && (action === 'create' || action === 'edit')) continue;
    if (!allowed(action, options)) continue;
    const path = scope === 'collection' ? `/${base}${suffix}` : `/${member}${suffix}`;
    for (const method of methods) out.push({ action, method, path });
  }
  return out;
}
