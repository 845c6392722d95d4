// Play Framework route files (`conf/routes`, `conf/<name>.routes`): one route per line,
// `METHOD /path controllers.X.action(args)`, and includes `-> /prefix <package>.Routes` (another
// routes file) or `-> /prefix some.RouterClass` (a SIRD router written in Scala, see sird-routes.ts).
//
// Refs: the main `routes` file is an application root ({ file: <its path>, path: ['routes'] }).
// Every other router is named by the class Play generates or the user wrote, in one namespace
// shared by routes files and Scala classes: { file: 'play:router', path: ['admin', 'Routes'] }
// for `admin.routes`, ['v1', 'post', 'PostRouter'] for `class PostRouter` in `package v1.post`.
// Sub-routes files are found by that name wherever they sit (`modules/admin/conf/admin.routes`).
import type { Fact, HttpMethod, RefExpr } from '../../core/facts.js';
import { locationOfLine } from '../../languages/location.js';
import type { ParsedFile } from '../../languages/types.js';
import type { Extractor } from '../types.js';

const FRAMEWORK = 'play';
export const PLAY_ROUTER_NAMESPACE = 'play:router';

const METHODS = new Set<string>(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);

/** The ref of the router a routes file defines. */
export function routesFileRef(path: string): RefExpr {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base === 'routes') return { file: path, path: ['routes'] };
  return { file: PLAY_ROUTER_NAMESPACE, path: [...base.slice(0, -'.routes'.length).split('.').filter(Boolean), 'Routes'] };
}

/** True for Play routes files, except sbt plugin test fixtures. */
export function isPlayRoutesFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base !== 'routes' && !(base.endsWith('.routes') && base.length > '.routes'.length)) return false;
  return !path.includes('/sbt-test/') && !path.startsWith('sbt-test/');
}

/** Splits a line at runs of spaces/tabs into at most `limit` fields (the last keeps the rest). */
function fields(line: string, limit: number): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length && out.length < limit) {
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    if (i >= line.length) break;
    if (out.length === limit - 1) {
      out.push(line.slice(i).trim());
      break;
    }
    const start = i;
    while (i < line.length && line[i] !== ' ' && line[i] !== '\t') i++;
    out.push(line.slice(start, i));
  }
  return out;
}

/** Play path -> the form the model normalises: `$id<[0-9]+>` becomes `:id`; `:id` and `*rest` stay. */
export function playPath(path: string): string {
  let out = '';
  let i = 0;
  while (i < path.length) {
    const ch = path[i]!;
    if (ch !== '$') {
      out += ch;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < path.length && isNameChar(path[j]!)) j++;
    const name = path.slice(i + 1, j);
    if (!name || path[j] !== '<') {
      out += ch;
      i++;
      continue;
    }
    let depth = 0;
    let k = j;
    for (; k < path.length; k++) {
      if (path[k] === '<') depth++;
      else if (path[k] === '>' && --depth === 0) break;
    }
    out += `:${name}`;
    i = k + 1;
  }
  return out;
}

function isNameChar(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch === '_';
}

/** `controllers.Users.show(id: Long)` -> 'controllers.Users.show'; a leading `@` (injected controller) is dropped. */
function actionName(action: string): string {
  const paren = action.indexOf('(');
  const name = (paren >= 0 ? action.slice(0, paren) : action).trim();
  return name.startsWith('@') ? name.slice(1) : name;
}

export const playRoutes: Extractor = {
  id: 'play/routes',
  languages: ['text'],
  extract(file: ParsedFile): Fact[] {
    if (!isPlayRoutesFile(file.path)) return [];
    const own = routesFileRef(file.path);
    const facts: Fact[] = [];
    const lines = file.text.split('\n');
    let routes = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.replace(/\r$/, '');
      const trimmed = line.trim();
      if (!trimmed || trimmed.startsWith('#') || trimmed.startsWith('+')) continue;
      const lineNo = i + 1;
      const column = line.length - line.trimStart().length + 1;
      const location = locationOfLine(file.path, file.text, lineNo, column);
      const [verb, path, target] = fields(trimmed, 3);
      if (!verb || !path || !target) continue;
      if (verb === '->') {
        const name = actionName(target).split('.').filter(Boolean);
        if (name.length === 0) continue;
        facts.push({ kind: 'mount', framework: FRAMEWORK, parent: own, child: { file: PLAY_ROUTER_NAMESPACE, path: name }, prefix: playPath(path), location });
        continue;
      }
      const method = verb === '*' ? 'ANY' : verb.toUpperCase();
      if (method !== 'ANY' && !METHODS.has(method)) continue;
      routes++;
      facts.push({
        kind: 'route', framework: FRAMEWORK, method: method as HttpMethod, path: playPath(path), router: own,
        handler: { name: actionName(target) }, location,
      });
    }
    if (own.file === file.path && (routes > 0 || facts.length > 0)) {
      facts.push({ kind: 'router', framework: FRAMEWORK, ref: own, isApp: true, location: locationOfLine(file.path, file.text, 1) });
    }
    return facts;
  },
};
