// Databases used by Scala code: Slick (engine from the profile: PostgresProfile, H2Profile, ...),
// doobie (`Transactor.fromDriverManager[IO]("org.postgresql.Driver", ...)`), Quill, Anorm,
// ScalikeJDBC, skunk, ReactiveMongo, and JDBC URL / driver-class literals.
import type { DatabaseFact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { treeOf } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import type { Node } from '../shared/dialect.js';
import { DatabaseFacts } from '../shared/database.js';
import { importFacts, JVM_DB_IMPORTS, literalEngines } from '../jvm/database.js';
import { scalaDialect } from './dialect.js';

const SCALA_IMPORTS: typeof JVM_DB_IMPORTS = [
  [/^slick\.jdbc\.PostgresProfile\b/, { library: 'slick', engine: 'postgresql' }],
  [/^slick\.jdbc\.MySQLProfile\b/, { library: 'slick', engine: 'mysql' }],
  [/^slick\.jdbc\.H2Profile\b/, { library: 'slick', engine: 'h2' }],
  [/^slick\.jdbc\.SQLiteProfile\b/, { library: 'slick', engine: 'sqlite' }],
  [/^slick\.jdbc\.SQLServerProfile\b/, { library: 'slick', engine: 'mssql' }],
  [/^slick\.jdbc\.OracleProfile\b/, { library: 'slick', engine: 'oracle' }],
  [/^slick\b/, { library: 'slick' }],
  [/^doobie\b/, { library: 'doobie' }],
  [/^io\.getquill\b/, { library: 'quill' }],
  [/^anorm\b/, { library: 'anorm' }],
  [/^scalikejdbc\b/, { library: 'scalikejdbc' }],
  [/^skunk\b/, { library: 'skunk', engine: 'postgresql' }],
  [/^reactivemongo\b/, { library: 'reactivemongo', engine: 'mongodb' }],
  [/^org\.mongodb\.scala\b/, { library: 'mongodb-driver', engine: 'mongodb' }],
  [/^play\.api\.db\b/, { library: 'play-db' }],
  ...JVM_DB_IMPORTS,
];

function scalaImports(root: Node): { path: string; node: Node }[] {
  return root.descendantsOfType('import_declaration').filter((n): n is Node => n !== null).map((node) => ({
    path: node.text.replace(/^import\s+/, '').replace(/\s+/g, ''),
    node,
  }));
}

export function extractScalaDatabases(file: ParsedFile): DatabaseFact[] {
  const tree = treeOf(file);
  if (!tree) return [];
  const root = tree.rootNode;
  const out = new DatabaseFacts(file);
  const imports = scalaImports(root);
  importFacts(out, imports, SCALA_IMPORTS);
  const lib = imports.some((i) => i.path.startsWith('doobie')) ? 'doobie' : imports.some((i) => i.path.startsWith('slick')) ? 'slick' : 'jdbc';
  literalEngines(out, root, scalaDialect, lib);
  return out.facts;
}

export const scalaDatabases: Extractor = {
  id: 'security/scala/database',
  languages: ['scala'],
  extract: extractScalaDatabases,
};
