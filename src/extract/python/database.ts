// Databases and ORMs used by Python code: one fact per imported client / ORM module, and one per
// place the engine is named (SQLAlchemy create_engine URL, databases.Database URL, Django
// DATABASES ENGINE, peewee *Database classes, Tortoise db_url, dj_database_url defaults).
import type { Node } from 'web-tree-sitter';
import type { DatabaseFact } from '../../core/facts.js';
import type { ParsedFile } from '../../languages/types.js';
import { indexPythonFile, pyConstantString, pyEnvFallback, qualifiedCallName } from '../secrets/py-values.js';
import { engineOfUrl, normaliseEngine, pyPackage } from '../text/db-catalog.js';
import type { Extractor } from '../types.js';
import { callName, keywordArg, loc, positionalArgs, stringValue, walk } from './ast.js';
import { field, rootOf, textOf } from '../tree-sitter/ast.js';

const PEEWEE_CLASSES: Record<string, string> = {
  PostgresqlDatabase: 'postgresql', PooledPostgresqlDatabase: 'postgresql', PostgresqlExtDatabase: 'postgresql',
  MySQLDatabase: 'mysql', PooledMySQLDatabase: 'mysql', SqliteDatabase: 'sqlite', SqliteExtDatabase: 'sqlite', CockroachDatabase: 'postgresql',
};

export function extractPythonDatabases(file: ParsedFile): DatabaseFact[] {
  if (file.tree.kind !== 'tree-sitter') return [];
  const root = rootOf(file.tree.tree);
  const index = indexPythonFile(root);
  const facts: DatabaseFact[] = [];
  const seen = new Set<string>();
  const push = (library: string, engine: string | undefined, at: Node) => {
    const fact: DatabaseFact = { kind: 'database', library, location: loc(file.path, at) };
    if (engine) fact.engine = engine;
    facts.push(fact);
  };
  /** A URL argument: literal, constant, or env lookup default. */
  const urlOf = (node: Node | null | undefined): string | undefined => {
    if (!node) return undefined;
    const constant = pyConstantString(node, index);
    if (constant) return constant.value;
    const fallback = pyEnvFallback(node, index);
    return fallback ? stringValue(fallback.fallback) : undefined;
  };

  // Modules imported here and the local names they bind; a fact only when the file calls through
  // one of them (repositories importing `Connection` for annotations do not count).
  const imported = new Map<string, { node: Node; locals: Set<string>; engine?: string }>();
  walk(root, (node) => {
    if (node.type !== 'import_statement' && node.type !== 'import_from_statement') return undefined;
    const isFrom = node.type === 'import_from_statement';
    const modules = isFrom
      ? [textOf(field(node, 'module_name')) ?? '']
      : node.namedChildren.map((c) => (c?.type === 'aliased_import' ? textOf(field(c, 'name')) : textOf(c)) ?? '');
    for (const module of modules) {
      const pkg = pyPackage(module) ?? pyPackage(module.split('.')[0]!);
      const library = pkg?.library ?? (/^django\.db(\.|$)/.test(module) ? 'django-orm' : undefined);
      if (!library) continue;
      const locals = [...index.imports.entries()].filter(([, m]) => m === module || m.startsWith(`${module}.`)).map(([k]) => k);
      const entry = imported.get(library);
      if (entry) for (const l of locals) entry.locals.add(l);
      else imported.set(library, { node, locals: new Set(locals), ...(pkg?.engine ? { engine: pkg.engine } : {}) });
    }
    return false;
  });
  const called = new Set<string>();
  walk(root, (node) => {
    if (node.type === 'call') {
      const head = (callName(node) ?? '').split('.')[0];
      if (head) called.add(head);
    } else if (node.type === 'argument_list' || node.type === 'class_definition') {
      // base classes (models.Model, DeclarativeBase) and arguments count as uses too
      for (const c of node.type === 'class_definition' ? field(node, 'superclasses')?.namedChildren ?? [] : []) {
        const head = textOf(c).split('.')[0];
        if (head) called.add(head);
      }
    }
    return undefined;
  });
  for (const [library, { node, locals, engine }] of imported) {
    seen.add(library);
    if ([...locals].some((l) => called.has(l))) push(library, engine, node);
  }

  walk(root, (node) => {
    if (node.type === 'call') {
      const name = callName(node) ?? '';
      const qualified = qualifiedCallName(node, index) ?? name;
      const last = name.split('.').pop() ?? '';
      if (/^(create_engine|create_async_engine|engine_from_config)$/.test(last)) {
        const engine = engineOfUrl(urlOf(positionalArgs(node)[0] ?? keywordArg(node, 'url')));
        push('sqlalchemy', engine, node);
      } else if (/^databases\.Database$/.test(qualified) || (last === 'Database' && seen.has('databases'))) {
        const engine = engineOfUrl(urlOf(positionalArgs(node)[0] ?? keywordArg(node, 'url')));
        if (engine) push('databases', engine, node);
      } else if (PEEWEE_CLASSES[last] && (seen.has('peewee') || qualified.startsWith('peewee') || qualified.startsWith('playhouse'))) {
        push('peewee', PEEWEE_CLASSES[last], node);
      } else if (/(^|\.)(Tortoise\.init|register_tortoise)$/.test(name)) {
        const engine = engineOfUrl(urlOf(keywordArg(node, 'db_url')));
        push('tortoise', engine, node);
      } else if (/^dj_database_url\.(config|parse)$/.test(qualified)) {
        const engine = engineOfUrl(urlOf(keywordArg(node, 'default') ?? positionalArgs(node)[0]));
        if (engine) push('django-orm', engine, node);
      }
      return undefined;
    }
    // DATABASES = { 'default': { 'ENGINE': 'django.db.backends.postgresql', ... } }
    if (node.type === 'pair' && stringValue(field(node, 'key')) === 'ENGINE') {
      const value = stringValue(field(node, 'value'));
      if (value?.startsWith('django.db.backends.') || /mssql|sql_server|djongo/.test(value ?? '')) {
        push('django-orm', normaliseEngine(value?.replace(/^djongo$/, 'mongodb')), node);
      }
      return undefined;
    }
    // app.config['SQLALCHEMY_DATABASE_URI'] = 'postgresql://...' / SQLALCHEMY_DATABASE_URI = ...
    if (node.type === 'assignment') {
      const left = field(node, 'left');
      const key = left?.type === 'subscript' ? stringValue(field(left, 'subscript')) : textOf(left);
      if (key && /^(SQLALCHEMY_DATABASE_URI|SQLALCHEMY_DATABASE_URL|DATABASE_URL|DATABASE_URI|database_url|db_url|MONGO_URI|MONGODB_URI|REDIS_URL)$/.test(key)) {
        const engine = engineOfUrl(urlOf(field(node, 'right')));
        const library = /^SQLALCHEMY/.test(key) ? 'sqlalchemy' : [...seen][0];
        if (engine && library) push(library, engine, node);
      }
    }
    return undefined;
  });
  return facts;
}

export const pythonDatabases: Extractor = {
  id: 'python/database',
  languages: ['python'],
  extract: extractPythonDatabases,
};
