// Java calls that run SQL / JPQL / JDOQL text: see jvm/sql-sinks.ts for the APIs.
import { sqlExtractor } from '../core/sql-extractor.js';
import { classifyJvmSql } from '../jvm/sql-sinks.js';
import { jvmTextHooks } from '../jvm/text-hooks.js';
import { javaLang } from './lang.js';

export const javaSqlCalls = sqlExtractor({
  id: 'java/sql-calls',
  language: 'java',
  lang: javaLang,
  hooks: jvmTextHooks,
  keywords: ['execute', 'query', 'Query', 'prepare', 'update', 'Update', 'addBatch', 'sqlRestriction', 'newQuery', 'setFilter', 'setOrdering', 'setGrouping', 'exec', 'fetch', 'nativeSQL'],
  classify: (view) => classifyJvmSql(javaLang, view),
});
