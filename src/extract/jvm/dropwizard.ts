// Dropwizard: resources are JAX-RS classes (read by the annotated-route extractor); this file adds
// - the server configuration (any YAML file with a `server:` section naming `rootPath` /
//   `applicationContextPath` / `type: simple`): Jersey resources are served at
//   applicationContextPath + rootPath (without '/*'), other handlers such as asset bundles at
//   applicationContextPath (the simple server's default context path is '/application'). Both are
//   `constant` facts the model looks up by name within the service (JAX-RS resources hang under the
//   '$jaxrs-server' edge of class-facts.ts, asset bundles under their own mount), so configuration
//   files for several environments do not stack their prefixes;
// - `new AssetsBundle(resourcePath?, uriPath?, ...)`: GET <uriPath>/* (default '/assets'; with one
//   argument the URI path is the resource path).
import type { Fact } from '../../core/facts.js';
import { locationOfLine } from '../../languages/location.js';
import { loc, namedChildren } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { argStrings } from './calls.js';
import { classRef, JERSEY_ROOT_KEY } from './class-facts.js';
import { readYaml } from './config-reader.js';
import { isTestSource, outlineOf } from './outline.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const stripWildcard = (p: string) => p.replace(/\/?\*$/, '').replace(/\/+$/, '');

/** The constant naming the Dropwizard application context path (asset bundles and other handlers). */
export const CONTEXT_PATH_KEY = '$dropwizard-context-path';

export function dropwizardServerFacts(path: string, text: string): Fact[] {
  const entries = readYaml(text).filter((e) => e.document === 0);
  const get = (key: string) => entries.find((e) => e.key === key);
  const type = get('server.type');
  const context = get('server.applicationContextPath');
  const root = get('server.rootPath') ?? get('server.jersey.rootPath');
  if (!context && !root && type?.value !== 'simple') return [];
  const contextPath = stripWildcard(context?.value ?? (type?.value === 'simple' ? '/application' : ''));
  const rootPath = stripWildcard(root?.value ?? '');
  const jersey = `${contextPath}${rootPath && !rootPath.startsWith('/') ? '/' : ''}${rootPath}`;
  const at = (line: number) => locationOfLine(path, text, line);
  return [
    { kind: 'constant', ref: { file: path, path: [JERSEY_ROOT_KEY] }, value: jersey, location: at((root ?? context ?? type)!.line) },
    { kind: 'constant', ref: { file: path, path: [CONTEXT_PATH_KEY] }, value: contextPath, location: at((context ?? type ?? root)!.line) },
  ];
}

export const dropwizardConfig: Extractor = {
  id: 'jvm/dropwizard-config',
  languages: ['text'],
  keywords: ['rootPath', 'applicationContextPath', 'type: simple'],
  extract(file) {
    if (!/\.ya?ml$/.test(file.path) || isTestSource(file.path)) return [];
    return dropwizardServerFacts(file.path, file.text);
  },
};

export const dropwizardAssets: Extractor = {
  id: 'jvm/dropwizard-assets',
  languages: ['java', 'kotlin'],
  keywords: ['AssetsBundle'],
  extract(parsed) {
    if (isTestSource(parsed.path)) return [];
    const file = outlineOf(parsed);
    if (!file) return [];
    const types = file.language === 'java' ? ['object_creation_expression'] : ['call_expression'];
    const facts: Fact[] = [];
    for (const node of file.root.descendantsOfType(types)) {
      if (!node) continue;
      let args;
      if (node.type === 'object_creation_expression') {
        if (fieldOf(node, 'type')?.text !== 'AssetsBundle') continue;
        args = namedChildren(fieldOf(node, 'arguments'));
      } else {
        const callee = namedChildren(node)[0];
        if (callee?.text !== 'AssetsBundle') continue;
        args = namedChildren(namedChildren(node).find((k) => k.type === 'value_arguments')).map((a) => namedChildren(a).pop()!).filter(Boolean);
      }
      const values = args.slice(0, 2).map((a) => argStrings(file, a)[0]);
      if (values.some((v) => v && v.kind !== 'literal')) continue;
      const literals = values.map((v) => (v?.kind === 'literal' ? v.text : undefined));
      const uri = args.length === 0 ? '/assets' : args.length === 1 ? literals[0] : literals[1];
      if (uri === undefined) continue;
      // Served under the application context path of the server configuration (see dropwizardServerFacts).
      const location = loc(file.path, node);
      const router = classRef(file.packageName, [`$assets:${location.startLine}:${location.startColumn}`]);
      facts.push(
        {
          kind: 'mount', framework: 'dropwizard', parent: classRef(file.packageName, ['$dropwizard-server']), child: router, prefix: '',
          prefixRef: { file: file.path, path: [CONTEXT_PATH_KEY] }, location,
        },
        {
          kind: 'route', framework: 'dropwizard', method: 'GET', path: `${uri.replace(/\/+$/, '')}/*`, router, location,
          origin: 'generated', handler: { name: 'AssetsBundle' },
        },
      );
    }
    return facts;
  },
};
