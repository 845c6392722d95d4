// Baselines: accept today's findings, fail only on new ones. A baseline is the multiset of the
// findings' line-insensitive fingerprints: two identical findings need two entries.
import { readFileSync } from 'node:fs';
import type { Finding } from '../core/types.js';

export const BASELINE_SCHEMA_VERSION = 1;

export interface BaselineFile {
  tool: { name: 'backend-review'; version: string };
  schemaVersion: number;
  /** Findings recorded (sum of the fingerprint counts). */
  total: number;
  /** Findings recorded per rule id, for people reading the file. */
  byRule: Record<string, number>;
  /** Fingerprint -> how many findings carry it. */
  fingerprints: Record<string, number>;
}

export class BaselineError extends Error {
  constructor(readonly file: string, detail: string) {
    super(`baseline ${file}: ${detail}`);
    this.name = 'BaselineError';
  }
}

/** Findings that go into a baseline, and count against it: the ones no in-source comment suppresses. */
const counted = (findings: readonly Finding[]): Finding[] => findings.filter((f) => !f.suppression);

const sortedRecord = (entries: Iterable<[string, number]>): Record<string, number> =>
  Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export function createBaseline(findings: readonly Finding[], version: string): BaselineFile {
  const fingerprints = new Map<string, number>();
  const byRule = new Map<string, number>();
  const kept = counted(findings);
  for (const f of kept) {
    fingerprints.set(f.fingerprint, (fingerprints.get(f.fingerprint) ?? 0) + 1);
    byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  }
  return {
    tool: { name: 'backend-review', version },
    schemaVersion: BASELINE_SCHEMA_VERSION,
    total: kept.length,
    byRule: sortedRecord(byRule),
    fingerprints: sortedRecord(fingerprints),
  };
}

export const renderBaseline = (baseline: BaselineFile): string => `${JSON.stringify(baseline, null, 2)}\n`;

/** Parses and checks a baseline file's text; `file` names it in errors. */
export function parseBaseline(text: string, file: string): BaselineFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(file, `not valid JSON (${(error as Error).message}); write one with --write-baseline`);
  }
  const doc = raw as Partial<BaselineFile> | null;
  if (typeof doc !== 'object' || doc === null || doc.tool?.name !== 'backend-review' || typeof doc.fingerprints !== 'object' || doc.fingerprints === null) {
    throw new BaselineError(file, 'not a backend-review baseline (no tool.name "backend-review" and fingerprints); write one with --write-baseline');
  }
  if (doc.schemaVersion !== BASELINE_SCHEMA_VERSION) {
    throw new BaselineError(file, `schemaVersion ${String(doc.schemaVersion)} is not supported (expected ${BASELINE_SCHEMA_VERSION})`);
  }
  for (const [fingerprint, count] of Object.entries(doc.fingerprints)) {
    if (!Number.isInteger(count) || (count as number) < 1) {
      throw new BaselineError(file, `fingerprints.${fingerprint}: expected a positive whole count, got ${JSON.stringify(count)}`);
    }
  }
  return doc as BaselineFile;
}

export function readBaseline(path: string): BaselineFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BaselineError(path, code === 'ENOENT' ? 'no such file; write one with --write-baseline' : `cannot read it (${code ?? (error as Error).message})`);
  }
  return parseBaseline(text, path);
}

export interface BaselineOutcome {
  findings: Finding[];
  known: number;
  new: number;
  /** Baseline entries no current finding matched (fixed since, or moved to another file). */
  absent: number;
}

/** Marks each unsuppressed finding 'unchanged' while its fingerprint has baseline entries left, else 'new'. */
export function applyBaseline(findings: readonly Finding[], baseline: BaselineFile): BaselineOutcome {
  const left = new Map(Object.entries(baseline.fingerprints));
  let known = 0;
  let fresh = 0;
  const out = findings.map((f) => {
    if (f.suppression) return f;
    const remaining = left.get(f.fingerprint) ?? 0;
    if (remaining > 0) {
      left.set(f.fingerprint, remaining - 1);
      known++;
      return { ...f, baselineState: 'unchanged' as const };
    }
    fresh++;
    return { ...f, baselineState: 'new' as const };
  });
  const absent = [...left.values()].reduce((sum, n) => sum + n, 0);
  return { findings: out, known, new: fresh, absent };
}
