// Databases used by Java and Kotlin code: JPA / Spring Data JPA, Hibernate, MyBatis, jOOQ, Exposed,
// Spring JDBC, R2DBC, Ktorm, Micronaut Data, Panache, the MongoDB / Redis / Cassandra clients (one
// fact per library per file, at its first import), and engines named by JDBC URL or driver-class
// literals (`DriverManager.getConnection("jdbc:postgresql://...")`, `Database.connect(url, driver = ...)`).
import type { DatabaseFact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { treeOf, walk } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import type { Dialect, Node } from '../shared/dialect.js';
import { DatabaseFacts, engineOfDriverClass, engineOfUrl } from '../shared/database.js';
import { javaDialect, kotlinDialect } from './dialect.js';

/** Import prefix -> library / engine. Also used for Scala. */
export const JVM_DB_IMPORTS: [RegExp, { library: string; engine?: string }][] = [
  [/^(javax|jakarta)\.persistence\b/, { library: 'jpa' }],
  [/^org\.springframework\.data\.jpa\b/, { library: 'jpa' }],
  [/^org\.hibernate\b/, { library: 'hibernate' }],
  [/^io\.quarkus\.hibernate\.(orm|reactive)\.panache\b/, { library: 'hibernate' }],
  [/^org\.(apache\.ibatis|mybatis)\b/, { library: 'mybatis' }],
  [/^com\.baomidou\.mybatisplus\b/, { library: 'mybatis' }],
  [/^org\.jooq\b/, { library: 'jooq' }],
  [/^org\.jetbrains\.exposed\b/, { library: 'exposed' }],
  [/^org\.springframework\.jdbc\b/, { library: 'spring-jdbc' }],
  [/^org\.springframework\.data\.jdbc\b/, { library: 'spring-data-jdbc' }],
  [/^(org\.springframework\.data\.r2dbc|io\.r2dbc)\b/, { library: 'r2dbc' }],
  [/^org\.ktorm\b/, { library: 'ktorm' }],
  [/^io\.micronaut\.data\b/, { library: 'micronaut-data' }],
  [/^com\.querydsl\b/, { library: 'querydsl' }],
  [/^org\.springframework\.data\.mongodb\b/, { library: 'spring-data-mongodb', engine: 'mongodb' }],
  [/^com\.mongodb\b|^org\.mongodb\b/, { library: 'mongodb-driver', engine: 'mongodb' }],
  [/^org\.springframework\.data\.redis\b/, { library: 'spring-data-redis', engine: 'redis' }],
  [/^redis\.clients\.jedis\b/, { library: 'jedis', engine: 'redis' }],
  [/^io\.lettuce\b/, { library: 'lettuce', engine: 'redis' }],
  [/^org\.redisson\b/, { library: 'redisson', engine: 'redis' }],
  [/^(org\.springframework\.data\.cassandra|com\.datastax)\b/, { library: 'cassandra-driver', engine: 'cassandra' }],
  [/^org\.neo4j\b|^org\.springframework\.data\.neo4j\b/, { library: 'neo4j', engine: 'neo4j' }],
  [/^software\.amazon\.awssdk\.(services\.dynamodb|enhanced\.dynamodb)\b/, { library: 'aws-sdk-dynamodb', engine: 'dynamodb' }],
  [/^java\.sql\.DriverManager\b/, { library: 'jdbc' }],
];

/** One fact per library at its first import; imports given as dotted paths with their nodes. */
export function importFacts(out: DatabaseFacts, imports: { path: string; node: Node }[], table = JVM_DB_IMPORTS): void {
  const done = new Set<string>();
  for (const imp of imports) {
    const pkg = table.find(([re]) => re.test(imp.path))?.[1];
    const key = `${pkg?.library}:${pkg?.engine ?? ''}`;
    if (!pkg || done.has(key)) continue;
    done.add(key);
    out.push(imp.node, pkg.library, pkg.engine);
  }
}

/** String literals that are JDBC / R2DBC URLs or JDBC driver classes. */
export function literalEngines(out: DatabaseFacts, root: Node, dialect: Dialect, library = 'jdbc'): void {
  walk(root, (node) => {
    if (!dialect.stringTypes.includes(node.type)) return undefined;
    const value = dialect.literal(node);
    if (value === undefined) return false;
    const engine = /^(jdbc|r2dbc):/.test(value) ? engineOfUrl(value) : engineOfDriverClass(value);
    if (engine && (value.startsWith('jdbc:') || value.startsWith('r2dbc:') || /\.(Driver|JDBC|OracleDriver|SQLServerDriver)$/.test(value))) out.push(node, library, engine);
    return false;
  });
}

function jvmImports(root: Node): { path: string; node: Node }[] {
  const out: { path: string; node: Node }[] = [];
  for (const node of root.descendantsOfType(['import_declaration', 'import_header', 'import'])) {
    if (!node) continue;
    const id = node.namedChildren.find((c) => c && /identifier/.test(c.type));
    if (id) out.push({ path: id.text.replace(/\s+/g, ''), node });
  }
  return out;
}

export function extractJvmDatabases(file: ParsedFile, dialect: Dialect): DatabaseFact[] {
  const tree = treeOf(file);
  if (!tree) return [];
  const root = tree.rootNode;
  const out = new DatabaseFacts(file);
  const imports = jvmImports(root);
  importFacts(out, imports);
  const hasExposed = imports.some((i) => i.path.startsWith('org.jetbrains.exposed'));
  literalEngines(out, root, dialect, hasExposed ? 'exposed' : 'jdbc');
  return out.facts;
}

export const javaDatabases: Extractor = {
  id: 'security/java/database',
  languages: ['java'],
  extract: (file) => extractJvmDatabases(file, javaDialect),
};

export const kotlinDatabases: Extractor = {
  id: 'security/kotlin/database',
  languages: ['kotlin'],
  extract: (file) => extractJvmDatabases(file, kotlinDialect),
};
