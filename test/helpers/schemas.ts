// JSON Schema validators for the report formats, shared by the reporter tests and the e2e tests.
// The schemas live in the team's shared folder, next to the project: <projectRoot>/../shared.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvDraft04Module from 'ajv-draft-04';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';

// ajv-draft-04 is CommonJS: under NodeNext typing its default import is the module object, whose
// `default` is the class (at run time the class carries `default` pointing at itself as well).
const AjvDraft04 = AjvDraft04Module.default;

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = resolve(projectRoot, '../shared');

export const SARIF_SCHEMA_PATH = resolve(sharedDir, 'schemas/sarif-schema-2.1.0.json');
export const SCAN_RESULT_SCHEMA_PATH = resolve(sharedDir, 'contracts/scan-result.schema.json');

function readSchema(path: string): object {
  if (!existsSync(path)) {
    throw new Error(
      `Schema not found: ${path}. The reporter tests validate against the team's shared schemas, `
      + `expected in ${sharedDir} (the folder "shared" next to the project root ${projectRoot}).`,
    );
  }
  return JSON.parse(readFileSync(path, 'utf8')) as object;
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`
    + (Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''));
}

/** Formats the SARIF schema uses, checked for real instead of being ignored. */
const FORMATS = {
  uri: /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/,
  'uri-reference': /^[^\s]*$/,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
};

let sarifValidator: ValidateFunction | undefined;
let scanValidator: ValidateFunction | undefined;

/** SARIF 2.1.0 (draft-04 schema). Returns '<instancePath> <message>' per error; [] when valid. */
export function validateSarif(log: unknown): string[] {
  sarifValidator ??= new AjvDraft04({ strict: false, allErrors: true, formats: FORMATS })
    .compile(readSchema(SARIF_SCHEMA_PATH));
  return sarifValidator(log) ? [] : describe(sarifValidator.errors);
}

/** The `--format json` scan result (shared/contracts/scan-result.schema.json, draft 2020-12). */
export function validateScanJson(doc: unknown): string[] {
  scanValidator ??= new Ajv2020({ strict: false, allErrors: true }).compile(readSchema(SCAN_RESULT_SCHEMA_PATH));
  return scanValidator(doc) ? [] : describe(scanValidator.errors);
}
