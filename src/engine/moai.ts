// MoAI-ADK conventions: SPEC-IDs, the report language and where the architecture report goes.
// Everything here is pure except `readMoaiContext`, which reads a few small files under `.moai/`.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { yaml } from './yaml-module.js';
import type { MoaiTagFact } from '../core/facts.js';
import type { MoaiContext } from '../core/result.js';

export type ReportLanguage = 'en' | 'ko';

export const SPEC_ID_PATTERN = /^SPEC(-[A-Z][A-Z0-9]*)+-\d{3}$/;

const MAX_CONFIG_BYTES = 256 * 1024;

/** Statuses of a SPEC document that is no longer being worked on. */
const INACTIVE_STATUSES = new Set([
  'completed', 'complete', 'done', 'closed', 'archived', 'deprecated', 'cancelled', 'canceled', 'superseded', 'rejected',
]);

/** 'SPEC-AUTH-001' or 'AUTH-001' (a TAG's id) -> 'SPEC-AUTH-001'; undefined when it is not a valid SPEC-ID. */
export function normaliseSpecId(text: string): string | undefined {
  const trimmed = text.trim();
  const id = trimmed.startsWith('SPEC-') ? trimmed : `SPEC-${trimmed}`;
  return SPEC_ID_PATTERN.test(id) ? id : undefined;
}

/** The `status` of a spec.md YAML front matter, lower case; null when there is none. */
export function specStatus(markdown: string): string | null {
  const front = frontMatter(markdown);
  const status = front?.status;
  return typeof status === 'string' && status.trim() ? status.trim().toLowerCase() : null;
}

function frontMatter(markdown: string): Record<string, unknown> | undefined {
  const text = markdown.replace(/^\uFEFF/, '');
  if (!text.startsWith('---')) return undefined;
  const end = text.indexOf('\n---', 3);
  if (end < 0) return undefined;
  try {
    const data: unknown = yaml().parse(text.slice(3, end));
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A SPEC directory name, or the `id` of its front matter, as a SPEC-ID. */
export function specIdOf(dirName: string, markdown: string | undefined): string | undefined {
  const fromDir = normaliseSpecId(dirName);
  if (fromDir) return fromDir;
  const id = markdown === undefined ? undefined : frontMatter(markdown)?.id;
  return typeof id === 'string' ? normaliseSpecId(id) : undefined;
}

/** Config files in the order MoAI-ADK reads them: section files, then config/, then the legacy .moai/config.json. */
export function configPriority(path: string): number {
  if (path.startsWith('.moai/config/sections/')) return 0;
  if (path.startsWith('.moai/config/')) return 1;
  return 2;
}

function parseConfig(path: string, text: string): Record<string, unknown> | undefined {
  try {
    const data: unknown = path.endsWith('.json') ? JSON.parse(text) : yaml().parse(text);
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function stringAt(data: Record<string, unknown>, key: string): string | undefined {
  const language = data.language;
  const nested = language && typeof language === 'object' ? (language as Record<string, unknown>)[key] : undefined;
  const value = nested ?? data[key];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/**
 * The documentation language configured for MoAI: `language.documentation` in any config file
 * (in MoAI's reading order), else `language.conversation_language`. Files that do not parse are skipped.
 */
export function configuredLanguage(files: readonly { path: string; text: string }[]): { language: string; source: string } | undefined {
  const parsed = [...files]
    .sort((a, b) => configPriority(a.path) - configPriority(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => ({ path: f.path, data: parseConfig(f.path, f.text) }));
  for (const key of ['documentation', 'conversation_language']) {
    for (const { path, data } of parsed) {
      const value = data && stringAt(data, key);
      if (value) return { language: value, source: path };
    }
  }
  return undefined;
}

/** A configured language ('ko', 'ko-KR', 'Korean', '한국어', 'en', ...) -> a report language; English otherwise. */
export function reportLanguage(configured: string | undefined): ReportLanguage {
  const value = (configured ?? '').trim().toLowerCase();
  if (value === 'ko' || value.startsWith('ko-') || value.startsWith('ko_') || value === 'korean' || value === '한국어') return 'ko';
  return 'en';
}

/** `--lang` values: the languages the report is written in. */
export const REPORT_LANGUAGES: readonly ReportLanguage[] = ['en', 'ko'];

/**
 * The SPEC-ID the report is about: the one active SPEC document when there is exactly one, else
 * the one SPEC the code's `@SPEC:` TAGs name when they name exactly one; otherwise none.
 */
export function detectSpecId(moai: MoaiContext | undefined, tags: readonly MoaiTagFact[]): string | undefined {
  const active = [...new Set((moai?.specs ?? [])
    .filter((s) => s.status === null || !INACTIVE_STATUSES.has(s.status))
    .map((s) => s.id))];
  if (active.length === 1) return active[0];
  const fromTags = [...new Set(tags
    .filter((t) => t.tag.startsWith('@SPEC:'))
    .map((t) => normaliseSpecId(t.tag.slice('@SPEC:'.length)))
    .filter((id): id is string => id !== undefined))];
  return fromTags.length === 1 ? fromTags[0] : undefined;
}

/** Repo-relative path of the architecture report: `.moai/docs/backend-architecture-<SPEC-ID>.md`. */
export function moaiReportPath(specId: string | undefined): string {
  return `.moai/docs/backend-architecture${specId ? `-${specId}` : ''}.md`;
}

// --- I/O: the few small files under .moai/ ----------------------------------------------------

function readSmall(path: string): string | undefined {
  try {
    const info = statSync(path);
    if (!info.isFile() || info.size > MAX_CONFIG_BYTES) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function listDir(path: string): string[] {
  try {
    return readdirSync(path).sort();
  } catch {
    return [];
  }
}

const isConfigName = (name: string): boolean => /\.(ya?ml|json)$/.test(name);

/** Reads `.moai/config*` and `.moai/specs/*` of a repository (absolute root). */
export function readMoaiContext(root: string): MoaiContext {
  const configFiles: { path: string; text: string }[] = [];
  const add = (rel: string) => {
    const text = readSmall(join(root, rel));
    if (text !== undefined) configFiles.push({ path: rel, text });
  };
  for (const name of listDir(join(root, '.moai/config/sections')).filter(isConfigName)) add(`.moai/config/sections/${name}`);
  for (const name of listDir(join(root, '.moai/config')).filter(isConfigName)) add(`.moai/config/${name}`);
  add('.moai/config.json');
  const specs: MoaiContext['specs'] = [];
  for (const name of listDir(join(root, '.moai/specs'))) {
    if (!name.startsWith('SPEC-')) continue;
    const text = readSmall(join(root, '.moai/specs', name, 'spec.md'));
    const id = specIdOf(name, text);
    if (id) specs.push({ id, status: text === undefined ? null : specStatus(text) });
  }
  const language = configuredLanguage(configFiles);
  return { specs, ...(language ? { language: language.language, languageSource: language.source } : {}) };
}
