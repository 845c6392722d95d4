// File walk: which files of the tree are read, and why the others are not.

import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import type { LanguageId, SourceFile } from '../core/types.js';
import { languageOf } from '../languages/index.js';

export const MAX_FILE_BYTES = 1024 * 1024;

/** Directories never descended into. */
export const SKIPPED_DIRS = [
  'node_modules', 'vendor', 'dist', 'build', '.git', '.hg', '.svn', 'venv', '.venv', 'virtualenv',
  '__pycache__', 'site-packages', '.tox', '.nox', '.mypy_cache', '.pytest_cache', 'coverage', '.next',
  '.nuxt', 'bower_components', 'jspm_packages', '.cache', '.idea', '.vscode',
];

export interface DiscoverOptions {
  ignore?: readonly string[]; // extra glob patterns (gitignore syntax)
}

export interface Discovery {
  files: SourceFile[];
  /** Directories that hold a manifest (candidate service roots), repo-relative, '' for the root. */
  manifests: { path: string; text: string }[];
  hasMoaiDir: boolean;
  skipped: Record<string, number>;
  skippedFiles: { path: string; reason: string }[];
}

const MANIFEST_NAMES = new Set([
  'package.json', 'requirements.txt', 'pyproject.toml', 'Pipfile', 'setup.py', 'setup.cfg', 'manage.py',
  'go.mod', 'pom.xml', 'build.gradle', 'build.gradle.kts', 'composer.json', 'Cargo.toml', 'build.sbt',
]);

function isManifestName(base: string): boolean {
  return MANIFEST_NAMES.has(base) || base.endsWith('.csproj') || /^requirements.*\.txt$/.test(base);
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

function loadGitignores(root: string): Ignore {
  const ig = ignore();
  let entries: string[] = [];
  try {
    entries = fg.sync('**/.gitignore', { cwd: root, dot: true, onlyFiles: true, followSymbolicLinks: false, ignore: SKIPPED_DIRS.map((d) => `**/${d}/**`) });
  } catch {
    entries = [];
  }
  for (const entry of entries.sort()) {
    const dir = entry.slice(0, -'.gitignore'.length).replace(/\/$/, '');
    let text = '';
    try {
      text = readFileSync(join(root, entry), 'utf8');
    } catch {
      continue;
    }
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trim();
      if (!line || line.startsWith('#')) continue;
      const negated = line.startsWith('!');
      let pattern = negated ? line.slice(1) : line;
      if (dir) {
        const anchored = pattern.startsWith('/') || pattern.slice(0, -1).includes('/');
        pattern = anchored ? `${dir}/${pattern.replace(/^\//, '')}` : `${dir}/**/${pattern}`;
      }
      ig.add(negated ? `!${pattern}` : pattern);
    }
  }
  return ig;
}

/**
 * Minified bundles: most of the text sits on very long lines. One long literal in an otherwise
 * normal file (an inlined SVG, a fixture blob) does not make a file minified.
 */
export function looksMinified(path: string, text: string): boolean {
  if (/\.min\.(js|mjs|cjs|css)$/.test(path)) return true;
  if (text.length < 2000) return false;
  let longLines = 0;
  let lines = 0;
  let longChars = 0;
  for (const line of text.split('\n')) {
    lines++;
    if (line.length > 500) {
      longLines++;
      longChars += line.length;
    }
  }
  return longLines / lines > 0.5 || (lines <= 5 && longChars / text.length > 0.8) || (longChars / text.length > 0.9 && longLines / lines > 0.2);
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8000);
  return sample.includes('\u0000');
}

export function discover(rootPath: string, options: DiscoverOptions = {}): Discovery {
  const root = realpathSync(rootPath);
  const gitignore = loadGitignores(root);
  const extra = ignore().add([...(options.ignore ?? [])]);
  const skipped: Record<string, number> = {};
  const skippedFiles: { path: string; reason: string }[] = [];
  const skip = (path: string, reason: string) => {
    skipped[reason] = (skipped[reason] ?? 0) + 1;
    if (skippedFiles.length < 1000) skippedFiles.push({ path, reason });
  };

  const dirIgnores = SKIPPED_DIRS.map((d) => `**/${d}/**`);
  // Virtualenvs under any name: a directory holding pyvenv.cfg.
  for (const cfg of fg.sync('**/pyvenv.cfg', { cwd: root, dot: true, followSymbolicLinks: false, suppressErrors: true, ignore: dirIgnores })) {
    const dir = toPosix(cfg).replace(/\/?pyvenv\.cfg$/, '');
    dirIgnores.push(dir ? `${dir}/**` : '**');
    skip(dir || '.', 'virtualenv');
  }
  // onlyFiles would drop symbolic links silently: list links too and decide below.
  const entries = fg.sync('**/*', {
    cwd: root,
    dot: true,
    onlyFiles: false,
    objectMode: true,
    followSymbolicLinks: false,
    suppressErrors: true,
    ignore: dirIgnores,
  })
    .filter((e) => e.dirent.isFile() || e.dirent.isSymbolicLink())
    .map((e) => toPosix(e.path))
    .sort();

  const files: SourceFile[] = [];
  const manifests: { path: string; text: string }[] = [];
  let hasMoaiDir = false;
  for (const path of entries) {
    if (path.startsWith('.moai/')) hasMoaiDir = true;
    const base = path.slice(path.lastIndexOf('/') + 1);
    const language: LanguageId | undefined = languageOf(path);
    const isManifest = isManifestName(base);
    if (!language && !isManifest) continue;
    if (gitignore.ignores(path) || (options.ignore?.length && extra.ignores(path))) {
      skip(path, 'ignored');
      continue;
    }
    const abs = join(root, path);
    let size: number;
    try {
      const info = lstatSync(abs);
      if (info.isSymbolicLink()) {
        // Follow a link only when its target stays inside the root.
        const target = realpathSync(abs);
        const rel = toPosix(relative(root, target));
        if (rel.startsWith('..') || rel.startsWith('/')) {
          skip(path, 'symlink-outside-root');
          continue;
        }
        const targetInfo = statSync(target);
        if (!targetInfo.isFile()) continue; // links to directories are not followed
        size = targetInfo.size;
      } else {
        size = info.size;
      }
    } catch {
      skip(path, 'unreadable');
      continue;
    }
    if (size > MAX_FILE_BYTES) {
      skip(path, 'too-large');
      continue;
    }
    let text: string;
    try {
      text = readFileSync(abs, 'utf8');
    } catch {
      skip(path, 'unreadable');
      continue;
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (looksBinary(text)) {
      skip(path, 'binary');
      continue;
    }
    if (isManifest) manifests.push({ path, text });
    if (!language) continue;
    if (language !== 'text' && looksMinified(path, text)) {
      skip(path, 'minified');
      continue;
    }
    files.push({ path, language, text, bytes: Buffer.byteLength(text) });
  }
  return { files, manifests, hasMoaiDir, skipped, skippedFiles };
}
