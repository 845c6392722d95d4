// What the JSON result carries so that `backend-review report --from result.json` can re-render the
// markdown and HTML reports without the repository: the model, all findings, rule summaries,
// notifications, inventory and MoAI context (the added `report` field of the JSON contract).
import type { RunResult } from '../core/result.js';
import type { RuleDescriptor } from '../core/types.js';

export const SAVED_REPORT_VERSION = 1;

export interface SavedReport {
  formatVersion: typeof SAVED_REPORT_VERSION;
  /** The scanned directory's name (the report title); never an absolute path. */
  rootName: string;
  model: RunResult['model'];
  findings: RunResult['findings'];
  /** Rule descriptors without their docs text (reports link to `helpUri`). */
  rules: Omit<RuleDescriptor, 'helpMarkdown' | 'description'>[];
  notifications: RunResult['notifications'];
  skipped: Record<string, number>;
  inventory?: RunResult['inventory'];
  moai?: RunResult['moai'];
}

function rootName(rootPath: string): string {
  const parts = rootPath.split(/[\\/]/).filter((p) => p !== '');
  return parts[parts.length - 1] ?? '.';
}

export function savedReport(result: RunResult): SavedReport {
  return {
    formatVersion: SAVED_REPORT_VERSION,
    rootName: rootName(result.rootPath),
    model: result.model,
    findings: result.findings,
    rules: result.rules.map(({ helpMarkdown: _doc, description: _text, ...rest }) => rest),
    notifications: result.notifications,
    skipped: result.stats.skipped,
    ...(result.inventory ? { inventory: result.inventory } : {}),
    ...(result.moai ? { moai: result.moai } : {}),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A RunResult from saved JSON: the scan-result contract with its `report` field (`--json`), or a
 * RunResult written as is. Throws an Error naming what is missing otherwise.
 */
export function resultFromJson(text: string): RunResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new Error(`not JSON (${(error as Error).message})`);
  }
  if (!isObject(doc)) throw new Error('not a JSON object');
  if (isObject(doc.model) && typeof doc.rootPath === 'string') return doc as unknown as RunResult;
  const saved = doc.report;
  if (!isObject(saved) || saved.formatVersion !== SAVED_REPORT_VERSION || !isObject(saved.model)) {
    throw new Error('no report data: write the result with `backend-review <dir> --json <file>` (backend-review 0.1 or later)');
  }
  const s = saved as unknown as SavedReport;
  const tool = isObject(doc.tool) && typeof doc.tool.version === 'string' ? doc.tool.version : '0.0.0';
  const stats = isObject(doc.stats) ? doc.stats : {};
  const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
  return {
    tool: { name: 'backend-review', version: tool },
    rootPath: s.rootName,
    model: s.model,
    findings: s.findings ?? [],
    rules: (s.rules ?? []).map((r) => ({ ...r, description: '', helpMarkdown: '' })),
    notifications: s.notifications ?? [],
    stats: { files: num(stats.files), bytes: num(stats.bytes), parseErrors: num(stats.parseErrors), durationMs: num(stats.durationMs), skipped: s.skipped ?? {} },
    ...(s.inventory ? { inventory: s.inventory } : {}),
    ...(s.moai ? { moai: s.moai } : {}),
  };
}
