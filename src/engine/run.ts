// The scan pipeline: discover -> parse -> extract -> model -> rules -> suppress -> result.

import { frameworksFromManifests, parseManifest } from '../discover/manifests.js';
import { discover, type Discovery } from '../discover/discover.js';
import type { Fact } from '../core/facts.js';
import type { RunResult } from '../core/result.js';
import type { Finding, Notification, SourceFile } from '../core/types.js';
import { EXTRACTORS, type Extractor } from '../extract/index.js';
import { adapterFor, initAdapters } from '../languages/index.js';
import { buildModel, compareLocations } from '../model/build-model.js';
import { RULES } from '../../rules/index.js';
import type { Rule } from './define-rule.js';
import { fingerprintOf } from './fingerprint.js';
import { describeRule } from './rule-docs.js';
import { applySuppressions } from './suppress.js';
import { TOOL_VERSION } from './version.js';

export interface ScanOptions {
  /** Directory to scan. */
  root: string;
  /** Extra ignore globs (gitignore syntax). */
  ignore?: readonly string[];
  /** Only these rule ids run (default: every recommended rule). */
  onlyRules?: readonly string[];
  extractors?: readonly Extractor[];
  rules?: readonly Rule<any>[];
  onProgress?: (event: { phase: 'discover' | 'parse' | 'model' | 'rules'; done: number; total: number }) => void;
}

/** Parses one file and runs every extractor that applies to it. Pure apart from the parser's memory. */
export function extractFile(file: SourceFile, extractors: readonly Extractor[]): { facts: Fact[]; notifications: Notification[]; parseError: boolean } {
  const applicable = extractors.filter(
    (x) => x.languages.includes(file.language) && (!x.keywords || x.keywords.some((k) => file.text.includes(k))),
  );
  if (applicable.length === 0) return { facts: [], notifications: [], parseError: false };
  const adapter = adapterFor(file.language);
  const parsed = adapter.parse(file);
  if (!parsed.ok) {
    return {
      facts: [],
      notifications: [{ level: 'warning', kind: 'parse-error', message: `${file.path}: ${parsed.message}`, file: file.path, location: parsed.location }],
      parseError: true,
    };
  }
  const facts: Fact[] = [];
  const notifications: Notification[] = [];
  const tree = { path: file.path, language: file.language, text: file.text, tree: parsed.tree };
  try {
    for (const extractor of applicable) {
      try {
        facts.push(...extractor.extract(tree));
      } catch (error) {
        notifications.push({
          level: 'warning', kind: 'extractor-error', file: file.path,
          message: `${file.path}: extractor ${extractor.id} failed: ${(error as Error).message}`,
        });
      }
    }
  } finally {
    adapter.dispose(parsed.tree);
  }
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0]!;
    notifications.push({
      level: 'note', kind: 'parse-error', file: file.path, location: first.location,
      message: `${file.path}: parsed with ${parsed.errors.length} recovered syntax error(s), first: ${first.message}`,
    });
  }
  return { facts, notifications, parseError: false };
}

function runRules(rules: readonly Rule<any>[], model: ReturnType<typeof buildModel>, notifications: Notification[]): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const occurrences = new Map<string, number>();
    try {
      for (const draft of rule.check({ model, options: rule.defaultOptions })) {
        const base = `${draft.location.file}\u0000${draft.key}`;
        const occurrence = occurrences.get(base) ?? 0;
        occurrences.set(base, occurrence + 1);
        findings.push({
          ruleId: rule.id,
          category: rule.category,
          cwe: [...rule.cwe],
          severity: draft.severity ?? rule.severity,
          message: draft.message,
          location: draft.location,
          ...(draft.related?.length ? { related: draft.related } : {}),
          fingerprint: fingerprintOf(rule.id, draft.location.file, draft.key, occurrence),
        });
      }
    } catch (error) {
      notifications.push({ level: 'error', kind: 'extractor-error', message: `rule ${rule.id} failed: ${(error as Error).message}` });
    }
  }
  return findings.sort((a, b) => compareLocations(a.location, b.location) || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message));
}

export async function scan(options: ScanOptions): Promise<RunResult> {
  const started = performance.now();
  const extractors = options.extractors ?? EXTRACTORS;
  const allRules = options.rules ?? RULES;
  const rules = options.onlyRules ? allRules.filter((r) => options.onlyRules!.includes(r.id)) : allRules.filter((r) => r.recommended);

  options.onProgress?.({ phase: 'discover', done: 0, total: 0 });
  const discovery: Discovery = discover(options.root, { ignore: options.ignore });
  const notifications: Notification[] = [];
  const manifests = [];
  for (const { path, text } of discovery.manifests) {
    const { manifest, problem } = parseManifest(path, text);
    if (manifest) manifests.push(manifest);
    if (problem) notifications.push(problem);
  }
  for (const skipped of discovery.skippedFiles) {
    if (skipped.reason === 'ignored') continue;
    notifications.push({ level: 'note', kind: 'skipped', file: skipped.path, message: `${skipped.path}: skipped (${skipped.reason})` });
  }

  const facts: Fact[] = [...frameworksFromManifests(manifests)];
  await initAdapters(discovery.files.map((f) => f.language));
  let parseErrors = 0;
  const total = discovery.files.length;
  discovery.files.forEach((file, i) => {
    const result = extractFile(file, extractors);
    facts.push(...result.facts);
    notifications.push(...result.notifications);
    if (result.parseError) parseErrors++;
    if (i % 50 === 0 || i === total - 1) options.onProgress?.({ phase: 'parse', done: i + 1, total });
  });

  options.onProgress?.({ phase: 'model', done: 0, total: 1 });
  const model = buildModel({
    facts,
    files: discovery.files.map((f) => ({ path: f.path, language: f.language })),
    serviceRoots: [...new Set(manifests.map((m) => m.root))],
    hasMoaiDir: discovery.hasMoaiDir,
    goModules: manifests.flatMap((m) => (m.module ? [{ root: m.root, module: m.module }] : [])),
  });

  options.onProgress?.({ phase: 'rules', done: 0, total: rules.length });
  const texts = new Map(discovery.files.map((f) => [f.path, f.text]));
  const findings = applySuppressions(runRules(rules, model, notifications), (file) => texts.get(file));

  notifications.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || a.message.localeCompare(b.message));
  return {
    tool: { name: 'backend-review', version: TOOL_VERSION },
    rootPath: options.root,
    model,
    findings,
    rules: [...allRules].sort((a, b) => a.id.localeCompare(b.id)).map(describeRule),
    notifications,
    stats: {
      files: discovery.files.length,
      bytes: discovery.files.reduce((sum, f) => sum + f.bytes, 0),
      parseErrors,
      durationMs: Math.round(performance.now() - started),
      skipped: discovery.skipped,
    },
  };
}
