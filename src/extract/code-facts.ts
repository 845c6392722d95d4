// Code-level security facts (sql-call, hash-call, jwt-call, config-issue) for JS/TS and Python.
import { javascriptConfigIssues } from './javascript/config-issues.js';
import { javascriptHashCalls } from './javascript/hash-calls.js';
import { javascriptJwtCalls } from './javascript/jwt-calls.js';
import { javascriptSqlCalls } from './javascript/sql-calls.js';
import { pythonConfigIssues } from './python/config-issues.js';
import { pythonHashCalls } from './python/hash-calls.js';
import { pythonJwtCalls } from './python/jwt-calls.js';
import { pythonSqlCalls } from './python/sql-calls.js';
import type { Extractor } from './types.js';

export const codeFactExtractors: Extractor[] = [
  javascriptSqlCalls,
  javascriptHashCalls,
  javascriptJwtCalls,
  javascriptConfigIssues,
  pythonSqlCalls,
  pythonHashCalls,
  pythonJwtCalls,
  pythonConfigIssues,
];
