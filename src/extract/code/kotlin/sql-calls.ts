// Kotlin calls that run SQL / JPQL text: the JVM APIs of jvm/sql-sinks.ts (JDBC, JdbcTemplate, JPA,
// Hibernate, Exposed exec) with Kotlin string templates.
import { sqlExtractor } from '../core/sql-extractor.js';
import { classifyJvmSql } from '../jvm/sql-sinks.js';
import { jvmTextHooks } from '../jvm/text-hooks.js';
import { kotlinLang } from './lang.js';

export const kotlinSqlCalls = sqlExtractor({
  id: 'kotlin/sql-calls',
  language: 'kotlin',
  lang: kotlinLang,
  hooks: jvmTextHooks,
  keywords: ['execute', 'query', 'Query', 'prepare', 'update', 'Update', 'addBatch', 'exec', 'sqlRestriction', 'newQuery', 'fetch'],
  classify: (view) => classifyJvmSql(kotlinLang, view),
});
