// The scan pipeline: discover -> parse -> extract -> model -> rules -> suppress -> result.

import { frameworksFromManifests, parseManifest } from '../discover/manifests.js';
import { discover, listTree, type Discovery } from '../discover/discover.js';
import type { Fact } from '../core/facts.js';
import type { RunResult } from '../core/result.js';
import type { Notification, SourceFile } from '../core/types.js';
import type { Extractor } from '../extract/index.js';
import { buildModel } from '../model/build-model.js';
import { RULES } from '../../rules/index.js';
import type { BaselineFile } from './baseline.js';
import type { ChangedLines } from './changed-lines.js';
import type { BackendReviewConfig } from './config-schema.js';
import type { Rule } from './define-rule.js';
import { describeRule } from './rule-docs.js';
import { cacheDirFor, memoFingerprint } from './code-identity.js';
import { hasRacyEntries, memoKey, readMemo, writeMemo } from './result-memo.js';
import type { FileExtraction } from './extract-file.js';
import { precomputedCache } from './shard.js';
import { planRules } from './rule-settings.js';
import { runRules } from './run-rules.js';
import { triageFindings, UNUSED_SUPPRESSION } from './triage-findings.js';
import { TOOL_VERSION } from './version.js';
import { collectInventory } from './inventory.js';
import { readMoaiContext } from './moai.js';
import { languageOf } from '../languages/file-languages.js';

export interface ScanOptions {
  /** Directory to scan. */
  root: string;
  /** Extra ignore globs (gitignore syntax). */
  ignore?: readonly string[];
  /** Only these rule ids run (default: every recommended rule, or what the config enables). */
  onlyRules?: readonly string[];
  /** A validated config (see config.ts): rule levels, options, per-path overrides. Its ignore globs go in `ignore`. */
  config?: BackendReviewConfig;
  /** Findings whose fingerprints it holds are marked 'unchanged', the others 'new'. */
  baseline?: BaselineFile;
  /** Keep only findings on these lines (from `changedLinesSince(root, ref)`). */
  changedSince?: { ref: string; lines: ChangedLines };
  /** Switch on the unused-suppression rule. */
  reportUnusedSuppressions?: boolean;
  extractors?: readonly Extractor[];
  rules?: readonly Rule<any>[];
  /** Parse/extract threads: 0 or 1 = in this thread; default: one per core (at most 4) on larger trees. */
  workers?: number;
  /** Reuse per-file results of earlier scans: a directory, or true for the default place; off by default. */
  cache?: boolean | { dir: string };
  /** Per-file results computed elsewhere (shards, see shard.ts), used where the content hash matches. */
  precomputed?: ReadonlyMap<string, { hash: string; result: FileExtraction }>;
  onProgress?: (event: { phase: 'discover' | 'parse' | 'model' | 'rules'; done: number; total: number }) => void;
  /** Test hook: reorders the discovered files and manifests (determinism tests shuffle them). */
  reorder?: <T>(items: T[]) => T[];
}


export async function scan(options: ScanOptions): Promise<RunResult> {
  // process.hrtime, not performance.now(): the global loads perf_hooks, which a memoized rescan can do without.
  const started = process.hrtime.bigint();
  const elapsedMs = () => Math.round(Number(process.hrtime.bigint() - started) / 1e6);
  const allRules = options.rules ?? RULES;
  const plans = planRules(allRules, {
    config: options.config, onlyRules: options.onlyRules, root: options.root,
    alsoEnable: options.reportUnusedSuppressions ? [UNUSED_SUPPRESSION] : [],
  }).filter((p) => p.variants.length > 0);

  options.onProgress?.({ phase: 'discover', done: 0, total: 0 });
  const listing = listTree(options.root);
  // The whole-scan memo (result-memo.ts): only for the standard extractors and rules, with the cache on.
  const memoDir = options.cache && !options.extractors && !options.rules && !options.precomputed && !options.reorder
    ? cacheDirFor(options.root, options.cache) : undefined;
  const key = memoDir ? memoKey(memoFingerprint(), {
    ignore: options.ignore ?? [], config: options.config ?? null, onlyRules: options.onlyRules ?? null, baseline: options.baseline ?? null,
    changedSince: options.changedSince ?? null, unused: options.reportUnusedSuppressions === true,
  }, listing) : undefined;
  const memo = memoDir && key ? readMemo(memoDir, key) : undefined;
  if (memo) {
    return {
      ...memo,
      rootPath: options.root,
      rules: [...allRules].sort((a, b) => a.id.localeCompare(b.id)).map(describeRule),
      stats: { ...memo.stats, durationMs: elapsedMs(), cacheHits: memo.stats.files },
    };
  }
  const startedAt = Date.now();
  // Workers load while this thread reads the tree (discover), for a tree that will want them.
  if (!options.extractors && !options.precomputed) {
    const { prestartExtraction } = await import('./extract-threads.js'); // worker_threads: not for a memo hit
    prestartExtraction(options.workers, listing.entries.flatMap((e) => {
      const language = languageOf(e.path);
      return language ? [{ language, bytes: e.size }] : [];
    }));
  }
  const discovery: Discovery = discover(options.root, { ignore: options.ignore }, listing);
  if (options.reorder) {
    discovery.files = options.reorder([...discovery.files]);
    discovery.manifests = options.reorder([...discovery.manifests]);
  }
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
  for (const note of discovery.notes ?? []) notifications.push({ level: 'note', kind: 'read-error', file: note.path, message: note.message });

  const facts: Fact[] = [...frameworksFromManifests(manifests)];
  let parseErrors = 0;
  const total = discovery.files.length;
  // Parsers and extractors are loaded only now: a memoized rescan never needs them.
  const extractors = options.extractors ?? (await import('../extract/index.js')).EXTRACTORS;
  const { cacheFor, extractWithCache } = await import('./cached-extraction.js');
  const cache = options.precomputed ? precomputedCache(options.precomputed) : cacheFor(options, extractors);
  const extracted = await extractWithCache(discovery.files, {
    extractors, customExtractors: options.extractors !== undefined, workers: options.workers,
    onProgress: (done) => options.onProgress?.({ phase: 'parse', done, total }),
  }, cache);
  for (const result of extracted) {
    facts.push(...result.facts);
    notifications.push(...result.notifications);
    if (result.parseError) parseErrors++;
  }

  options.onProgress?.({ phase: 'model', done: 0, total: 1 });
  const model = buildModel({
    facts,
    files: discovery.files.map((f) => ({ path: f.path, language: f.language })),
    serviceRoots: [...new Set(manifests.map((m) => m.root))],
    hasMoaiDir: discovery.hasMoaiDir,
    goModules: manifests.flatMap((m) => (m.module ? [{ root: m.root, module: m.module }] : [])),
    allPaths: discovery.keptPaths ?? discovery.paths ?? [],
  });

  options.onProgress?.({ phase: 'rules', done: 0, total: plans.length });
  const triaged = triageFindings({
    findings: runRules(plans, model, notifications), files: discovery.files, plans, allRules,
    baseline: options.baseline, changedSince: options.changedSince,
  });

  notifications.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || a.message.localeCompare(b.message));
  const result: RunResult = {
    tool: { name: 'backend-review', version: TOOL_VERSION },
    rootPath: options.root,
    model,
    findings: triaged.findings,
    rules: [...allRules].sort((a, b) => a.id.localeCompare(b.id)).map(describeRule),
    notifications,
    stats: {
      files: discovery.files.length,
      bytes: discovery.files.reduce((sum, f) => sum + f.bytes, 0),
      parseErrors,
      durationMs: elapsedMs(),
      skipped: discovery.skipped,
      ...(cache ? { cacheHits: cache.hits } : {}),
    },
    ...(triaged.baseline ? { baseline: triaged.baseline } : {}),
    ...(triaged.changedSince ? { changedSince: triaged.changedSince } : {}),
    inventory: collectInventory(options.root, discovery, manifests, options.ignore),
    ...(discovery.hasMoaiDir ? { moai: readMoaiContext(options.root) } : {}),
  };
  if (memoDir && key && !hasRacyEntries(listing, startedAt)) writeMemo(memoDir, key, result);
  return result;
}
