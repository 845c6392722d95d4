// SARIF 2.1.0: one run, rules from the registry, results with stable fingerprints.
import type { Location as SarifLocation, Log, Notification as SarifNotification, Region, Result, Run } from 'sarif';
import type { RunResult } from '../core/result.js';
import type { Finding, Location, Notification } from '../core/types.js';
import { compareLocations, compareText, reportedFindings } from './finding-order.js';
import { reportingDescriptor } from './sarif-rules.js';
import { directoryFileUri, relativeFileUri } from './sarif-uri.js';
import type { ReporterOptions } from './types.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const TOOL_INFORMATION_URI = 'https://github.com/backend-review/backend-review';
const SRCROOT = '%SRCROOT%';
/** Our own line-insensitive fingerprint (ruleId + file + rule key). */
export const FINGERPRINT_KEY = 'backendReview/v1';
/** GitHub code scanning's source-text hash; filled only through `options.primaryLocationLineHash`. */
export const LINE_HASH_KEY = 'primaryLocationLineHash';

/** GitHub code scanning rejects a run with more results than this. */
export const MAX_RESULTS = 25_000;
const SEVERITY_RANK: Record<Finding['severity'], number> = { error: 0, warning: 1, note: 2 };

export type SarifOptions = Pick<ReporterOptions, 'category' | 'includeSuppressed' | 'primaryLocationLineHash'>;

function region(loc: Location): Region | undefined {
  if (!(loc.startLine >= 1)) return undefined;
  const r: Region = { startLine: loc.startLine };
  if (loc.startColumn >= 1) r.startColumn = loc.startColumn;
  if (loc.endLine >= loc.startLine) r.endLine = loc.endLine;
  if (loc.endColumn >= 1) r.endColumn = loc.endColumn;
  return r;
}

function physical(file: string, loc?: Location): SarifLocation {
  const reg = loc ? region(loc) : undefined;
  return {
    physicalLocation: {
      artifactLocation: { uri: relativeFileUri(file), uriBaseId: SRCROOT },
      ...(reg ? { region: reg } : {}),
    },
  };
}

function sarifResult(f: Finding, ruleIndex: ReadonlyMap<string, number>, options: SarifOptions): Result {
  const index = ruleIndex.get(f.ruleId);
  const fingerprints: Record<string, string> = { [FINGERPRINT_KEY]: f.fingerprint };
  const lineHash = options.primaryLocationLineHash?.(f);
  if (lineHash !== undefined) fingerprints[LINE_HASH_KEY] = lineHash;
  const result: Result = {
    ruleId: f.ruleId,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: f.severity,
    message: { text: f.message },
    locations: [physical(f.location.file, f.location)],
    partialFingerprints: fingerprints,
  };
  if (f.related?.length) {
    result.relatedLocations = f.related.map((r, i) => ({
      id: i + 1,
      ...physical(r.location.file, r.location),
      message: { text: r.message },
    }));
  }
  if (f.suppression) {
    result.suppressions = [{ kind: f.suppression.kind, justification: f.suppression.justification }];
  }
  if (f.baselineState) result.baselineState = f.baselineState;
  return result;
}

function compareNotifications(a: Notification, b: Notification): number {
  const fileA = a.location?.file ?? a.file ?? '';
  const fileB = b.location?.file ?? b.file ?? '';
  return compareText(fileA, fileB)
    || (a.location && b.location ? compareLocations(a.location, b.location) : a.location ? 1 : b.location ? -1 : 0)
    || compareText(a.kind, b.kind)
    || compareText(a.message, b.message);
}

function sarifNotification(n: Notification): SarifNotification {
  const file = n.location?.file ?? n.file;
  return {
    level: n.level,
    message: { text: n.message },
    ...(file !== undefined ? { locations: [physical(file, n.location)] } : {}),
    descriptor: { id: n.kind },
  };
}

export function renderSarif(result: RunResult, options: SarifOptions = {}): string {
  const rules = [...result.rules].sort((a, b) => compareText(a.id, b.id))
    .filter((r, i, all) => i === 0 || all[i - 1]!.id !== r.id);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i] as const));
  const rootUri = directoryFileUri(result.rootPath);
  const run: Run = {
    tool: {
      driver: {
        name: result.tool.name,
        version: result.tool.version,
        semanticVersion: result.tool.version,
        informationUri: TOOL_INFORMATION_URI,
        rules: rules.map(reportingDescriptor),
      },
    },
  };
  if (options.category !== undefined && options.category !== '') {
    // GitHub reads the part before the last '/' as the category.
    run.automationDetails = { id: options.category.endsWith('/') ? options.category : `${options.category}/` };
  }
  run.invocations = [{
    executionSuccessful: true,
    toolExecutionNotifications: [...result.notifications].sort(compareNotifications).map(sarifNotification),
  }];
  if (rootUri !== undefined) run.originalUriBaseIds = { [SRCROOT]: { uri: rootUri } };
  const reported = reportedFindings(result.findings, options.includeSuppressed);
  let shown = reported;
  if (reported.length > MAX_RESULTS) {
    // Over GitHub's limit: keep the most severe, in the usual order, and say so.
    const kept = new Set([...reported].sort((x, y) => SEVERITY_RANK[x.severity] - SEVERITY_RANK[y.severity]).slice(0, MAX_RESULTS));
    shown = reported.filter((f) => kept.has(f));
    run.invocations[0]!.toolExecutionNotifications!.push({
      level: 'warning', descriptor: { id: 'results-truncated' },
      message: { text: `${reported.length - MAX_RESULTS} of ${reported.length} results were left out: GitHub code scanning accepts at most ${MAX_RESULTS} per run; the most severe were kept.` },
    });
  }
  run.results = shown.map((f) => sarifResult(f, ruleIndex, options));
  run.columnKind = 'utf16CodeUnits';
  const log: Log = { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
}
