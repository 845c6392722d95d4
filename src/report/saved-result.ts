// What the JSON result carries so that `backend-review report --from result.json` can re-render the
// markdown and HTML reports without the repository: the model, all findings, rule summaries,
// notifications, inventory and MoAI context (the added `report` field of the JSON contract).
import type { RunResult } from '../core/result.js';
import type { Location, RuleDescriptor } from '../core/types.js';
import type { ProjectModel } from '../model/types.js';
import { compareFindings, compareText } from './finding-order.js';

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

/** Items in a stable order whatever order they came in: by location when they have one, then by their JSON. */
function canonical<T>(items: readonly T[]): T[] {
  const pad = (n: number | undefined): string => String(n ?? 0).padStart(9, '0');
  const keyOf = (item: T): string => {
    const loc = (item as { location?: Location }).location;
    return `${loc?.file ?? ''}\u0000${pad(loc?.startLine)}\u0000${pad(loc?.startColumn)}\u0000${JSON.stringify(item)}`;
  };
  return items.map((item) => ({ item, key: keyOf(item) })).sort((a, b) => compareText(a.key, b.key)).map((k) => k.item);
}

/** The model with every list in a canonical order (middleware chains keep their request order), without middleware locations. */
function canonicalModel(model: ProjectModel): ProjectModel {
  const out = { ...model } as Record<string, unknown>;
  for (const [key, value] of Object.entries(model)) if (Array.isArray(value)) out[key] = canonical(value);
  // The reports read a middleware's name and role, not where it was declared: the locations would triple the size.
  out.endpoints = (out.endpoints as ProjectModel['endpoints']).map((e) => ({ ...e, middleware: e.middleware.map(({ name, role }) => ({ name, role })) }));
  out.services = [...model.services]
    .map((s) => ({ ...s, languages: [...s.languages].sort(compareText), frameworks: [...s.frameworks].sort((a, b) => compareText(a.id, b.id)) }))
    .sort((a, b) => compareText(a.root, b.root));
  return out as unknown as ProjectModel;
}

export function savedReport(result: RunResult): SavedReport {
  return {
    formatVersion: SAVED_REPORT_VERSION,
    rootName: rootName(result.rootPath),
    model: canonicalModel(result.model),
    findings: [...result.findings].sort(compareFindings),
    rules: [...result.rules].sort((a, b) => compareText(a.id, b.id)).map(({ helpMarkdown: _doc, description: _text, ...rest }) => rest),
    notifications: canonical(result.notifications),
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
