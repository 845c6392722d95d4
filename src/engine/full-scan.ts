// The scan past the whole-scan memo: discover -> parse -> extract -> model -> rules -> result.
// Its own module so that a rescan answered from the memo (run.ts) never loads or compiles it.
import { frameworksFromManifests, parseManifest } from '../discover/manifests.js';
import { discover, type Discovery, type TreeListing } from '../discover/discover.js';
import type { Fact } from '../core/facts.js';
import type { RunResult } from '../core/result.js';
import type { Notification } from '../core/types.js';
import { buildModel } from '../model/build-model.js';
import type { Rule } from './define-rule.js';
import { describeRule } from './rule-docs.js';
import { precomputedCache } from './shard.js';
import type { RulePlan } from './rule-settings.js';
import { runRules } from './run-rules.js';
import { triageFindings } from './triage-findings.js';
import { TOOL_VERSION } from './version.js';
import { collectInventory } from './inventory.js';
import { readMoaiContext } from './moai.js';
import { languageOf } from '../languages/file-languages.js';
import type { ScanOptions } from './run.js';

export interface FullScanInput {
  options: ScanOptions;
  plans: RulePlan[];
  allRules: readonly Rule<any>[];
  listing: TreeListing;
  elapsedMs: () => number;
}

export async function fullScan({ options, plans, allRules, listing, elapsedMs }: FullScanInput): Promise<RunResult> {
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
  return result;
}
