// Databases and ORMs used by JS/TS code: one fact per imported client / ORM package, and one per
// configuration that names the engine (TypeORM `type:`, Sequelize `dialect:` or URL, Knex
// `client:`, MikroORM `type:`/driver, connection URLs given to clients).
import type { DatabaseFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { indexFile, unwrapTs } from '../secrets/js-values.js';
import { engineOfUrl, normaliseEngine, npmPackage } from '../text/db-catalog.js';
import type { Extractor } from '../types.js';
import { loc, memberPath, objectProperty, stringValue, walk, type Node } from './ast.js';

/** Object keys that name the engine, per ORM, with keys that show the object is a connection config. */
const ENGINE_KEYS: { key: string; library: string; companions: string[]; configFile: RegExp }[] = [
  { key: 'type', library: 'typeorm', companions: ['entities', 'synchronize', 'database', 'host', 'url', 'migrations', 'username'], configFile: /ormconfig|data-?source/i },
  { key: 'dialect', library: 'sequelize', companions: ['host', 'username', 'database', 'storage', 'password', 'logging'], configFile: /sequelize|config/i },
  { key: 'client', library: 'knex', companions: ['connection', 'migrations', 'pool', 'useNullAsDefault'], configFile: /knexfile/i },
];

export function extractJavaScriptDatabases(file: ParsedFile): DatabaseFact[] {
  if (file.tree.kind !== 'babel') return [];
  const ast = file.tree.ast;
  const facts: DatabaseFact[] = [];
  const libraries = new Set<string>();

  const push = (library: string, engine: string | undefined, at: Node) => {
    const fact: DatabaseFact = { kind: 'database', library, location: loc(file.path, at) };
    if (engine) fact.engine = engine;
    facts.push(fact);
  };

  // Packages imported here, with the local names they bind; a fact only when the file calls or
  // constructs through one of them (model files that import the ORM for types and base classes
  // would otherwise each count as a database).
  // One walk: imports, the roots of calls and constructions, and the nodes the configuration
  // checks below look at (in source order).
  const index = indexFile(ast);
  const localsBySource = new Map<string, { node: Node; locals: Set<string> }>();
  const called = new Set<string>();
  const candidates: Node[] = [];
  walk(ast.program, (node) => {
    let source: string | undefined;
    let local: string[] = [];
    if (node.type === 'ImportDeclaration') {
      if (node.importKind === 'type') return undefined;
      source = node.source.value;
      local = node.specifiers.filter((sp) => !(sp.type === 'ImportSpecifier' && sp.importKind === 'type')).map((sp) => sp.local.name);
    } else if (node.type === 'CallExpression' || node.type === 'NewExpression') {
      candidates.push(node);
      const root = memberPath(unwrapTs(node.callee as Node))?.[0];
      if (root) called.add(root);
      if (node.type === 'CallExpression' && ((node.callee.type === 'Identifier' && node.callee.name === 'require') || node.callee.type === 'Import')) {
        source = stringValue(node.arguments[0] as Node);
        if (source !== undefined) local = [...index.imports.entries()].filter(([, v]) => v.source === source).map(([k]) => k);
      }
    } else if (node.type === 'ObjectExpression') {
      candidates.push(node);
    }
    if (source === undefined || !npmPackage(source)) return undefined;
    const entry = localsBySource.get(source);
    if (entry) for (const l of local) entry.locals.add(l);
    else localsBySource.set(source, { node, locals: new Set(local) });
    return undefined;
  });
  for (const [source, { node, locals }] of localsBySource) {
    const pkg = npmPackage(source)!;
    libraries.add(pkg.library);
    if ([...locals].some((l) => called.has(l))) push(pkg.library, pkg.engine, node);
  }
  if (libraries.size === 0 && !/dialect|ormconfig|data-?source|knexfile/i.test(file.path + (file.text.includes('dialect') ? ' dialect' : ''))) return facts;

  for (const node of candidates) {
    // new Sequelize('postgres://...'), mongoose.connect('mongodb://...'), new Pool({ connectionString }) etc.
    if (node.type === 'NewExpression' || node.type === 'CallExpression') {
      const path = memberPath(unwrapTs(node.callee as Node))?.join('.') ?? '';
      const first = stringValue(node.arguments[0] as Node);
      if (/(^|\.)Sequelize$/.test(path) && first !== undefined) {
        const engine = engineOfUrl(first);
        if (engine) push('sequelize', engine, node);
      }
      if (/(^|\.)(connect|createConnection|createClient|createPool)$/.test(path) && first !== undefined && libraries.size > 0) {
        const engine = engineOfUrl(first);
        const lib = [...libraries][0]!;
        if (engine) push(lib, engine, node);
      }
      if (/(^|\.)MikroORM\.init$/.test(path)) {
        const options = unwrapTs(node.arguments[0] as Node);
        const type = stringValue(objectProperty(options, 'type'));
        const driver = memberPath(unwrapTs(objectProperty(options, 'driver')))?.join('.') ?? '';
        const engine = normaliseEngine(type) ?? normaliseEngine(driver.replace(/Driver$/, '').replace(/^PostgreSql$/, 'postgresql').replace(/^MySql$/, 'mysql').replace(/^Sqlite$/, 'sqlite').replace(/^Mongo$/, 'mongodb').toLowerCase());
        if (engine) push('mikro-orm', engine, node);
      }
      continue;
    }
    for (const { key, library, companions, configFile } of ENGINE_KEYS) {
      const valueNode = objectProperty(node, key);
      const engine = normaliseEngine(stringValue(valueNode));
      if (!engine || !valueNode) continue;
      const looksLikeConfig = companions.some((c) => objectProperty(node, c) !== undefined);
      if ((libraries.has(library) && (looksLikeConfig || key === 'dialect')) || (looksLikeConfig && configFile.test(file.path))) {
        push(library, engine, valueNode);
      }
    }
  }
  return facts;
}

export const javascriptDatabases: Extractor = {
  id: 'javascript/database',
  languages: ['javascript', 'typescript'],
  extract: extractJavaScriptDatabases,
};
