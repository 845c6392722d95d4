// File walk: which files of the tree are read, and why the others are not.

import * as fs from 'node:fs';
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import type { LanguageId, SourceFile } from '../core/types.js';
import { languageOf } from '../languages/file-languages.js';

export const MAX_FILE_BYTES = 1024 * 1024;

/** Directories never descended into (at any depth). */
export const SKIPPED_DIRS = [
  'node_modules', 'vendor', 'dist', 'build', '.git', '.hg', '.svn', 'venv', '.venv', 'virtualenv',
  '__pycache__', 'site-packages', '.tox', '.nox', '.mypy_cache', '.pytest_cache', 'coverage', '.next',
  '.nuxt', 'bower_components', 'jspm_packages', '.cache', '.idea', '.vscode',
];

const SKIPPED_DIR_NAMES: ReadonlySet<string> = new Set(SKIPPED_DIRS);

export interface DiscoverOptions {
  ignore?: readonly string[]; // extra glob patterns (gitignore syntax)
  /** Test hook: called after a file was listed and stat'ed, just before it is read (e.g. to delete it). */
  beforeRead?: (path: string) => void;
}

export interface Discovery {
  files: SourceFile[];
  /** Directories that hold a manifest (candidate service roots), repo-relative, '' for the root. */
  manifests: { path: string; text: string }[];
  hasMoaiDir: boolean;
  skipped: Record<string, number>;
  skippedFiles: { path: string; reason: string }[];
  /** Files read with a caveat (invalid UTF-8 decoded with replacement characters), repo-relative. */
  notes?: { path: string; message: string }[];
  /** Every file path the walk listed (read or not), sorted: the inventory looks for Dockerfiles and migrations here. */
  paths?: string[];
  /** The listed paths that neither .gitignore nor --ignore leaves out (read or not): what static-file mounts can serve. */
  keptPaths?: string[];
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

function loadGitignores(root: string, gitignorePaths: readonly string[]): Ignore {
  const ig = ignore();
  const entries = [...gitignorePaths];
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

/** Why a file could not be read, from the error of the call that failed. */
function readFailure(error: unknown, isLink: boolean): string {
  const code = (error as { code?: string }).code;
  if (code === 'ELOOP') return 'symlink-loop';
  if (code === 'ENOENT') return isLink ? 'broken-symlink' : 'vanished';
  return 'unreadable';
}

/**
 * Reads a regular file without blocking: a FIFO or device swapped in after listing is refused
 * instead of waiting forever, and the size checked is the size of what is read.
 */
function readRegularFile(abs: string): Buffer | 'not-a-file' | 'too-large' {
  const fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return 'not-a-file';
    if (info.size > MAX_FILE_BYTES) return 'too-large';
    const buffer = Buffer.alloc(info.size);
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Source text from bytes: UTF-16 LE/BE when a byte order mark says so, else UTF-8 (a UTF-8 BOM is
 * dropped). Invalid UTF-8 is decoded with replacement characters and reported. Line endings become
 * '\n' (CRLF and lone CR alike), so that every parser and line-based reader counts the same lines.
 */
export function decodeSource(bytes: Uint8Array): { text: string; binary: boolean; invalidUtf8: boolean } {
  let text: string;
  let invalidUtf8 = false;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    if (bytes.subarray(0, 8000).includes(0)) return { text: '', binary: true, invalidUtf8: false };
    try {
      text = UTF8.decode(bytes);
    } catch {
      text = new TextDecoder('utf-8').decode(bytes);
      invalidUtf8 = true;
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (looksBinary(text)) return { text: '', binary: true, invalidUtf8: false };
  return { text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text, binary: false, invalidUtf8 };
}

/** One listed file (or symbolic link) of the tree, with what `lstat` said about it. */
export interface ListedEntry {
  path: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  isLink: boolean;
}

/** Every file and link of the tree outside skipped directories and virtualenvs, from one walk. */
export interface TreeListing {
  root: string;
  entries: ListedEntry[];
  skipped: Record<string, number>;
  skippedFiles: { path: string; reason: string }[];
}

/**
 * Lists the tree once: the source candidates, the .gitignore files and the virtualenv markers
 * (`pyvenv.cfg`) all come from this walk. Directories that cannot be listed are reported.
 */
export function listTree(rootPath: string): TreeListing {
  const root = realpathSync(rootPath);
  const skipped: Record<string, number> = {};
  const skippedFiles: { path: string; reason: string }[] = [];
  const unreadable: string[] = [];
  // Directories that cannot be listed are reported, not silently left out. Skipped directories
  // (node_modules, .git, ...) read as empty here: pruning them in the listing instead of matching an
  // ignore pattern against every entry halves the walk's time in a fresh process (juice-shop: 18 -> 9 ms).
  const readdirSync = ((dir: fs.PathLike, opts?: unknown) => {
    const name = basename(String(dir));
    if (SKIPPED_DIR_NAMES.has(name) && relative(root, String(dir)) !== '') return [];
    try {
      return (fs.readdirSync as (d: fs.PathLike, o?: unknown) => unknown)(dir, opts);
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT') unreadable.push(toPosix(relative(root, String(dir))) || '.');
      throw error;
    }
  }) as typeof fs.readdirSync;
  // One walk; symbolic links are listed, never followed (decided when read). Skipped directories
  // are not descended into. Only files are lstat'ed (their metadata keys the whole-scan memo).
  const listed: { path: string; name: string; isLink: boolean; stats: fs.Stats }[] = [];
  for (const e of fg.sync('**/*', {
    fs: { readdirSync }, cwd: root, dot: true, onlyFiles: false, objectMode: true, followSymbolicLinks: false, suppressErrors: true,
  })) {
    const isLink = e.dirent.isSymbolicLink();
    if (!isLink && !e.dirent.isFile()) continue;
    const path = toPosix(e.path);
    try {
      listed.push({ path, name: e.name, isLink, stats: lstatSync(join(root, path)) });
    } catch {
      // Vanished between listing and lstat: as if never there.
    }
  }
  // Virtualenvs under any name: a directory holding pyvenv.cfg.
  const venvs = listed.filter((e) => e.name === 'pyvenv.cfg' && !e.isLink).map((e) => e.path.replace(/\/?pyvenv\.cfg$/, '')).sort();
  for (const dir of venvs) {
    skipped.virtualenv = (skipped.virtualenv ?? 0) + 1;
    skippedFiles.push({ path: dir || '.', reason: 'virtualenv' });
  }
  const inVenv = (path: string) => venvs.some((dir) => dir === '' || path.startsWith(`${dir}/`));
  const entries: ListedEntry[] = [];
  for (const e of listed) {
    if (venvs.length > 0 && inVenv(e.path)) continue;
    const st = e.stats;
    entries.push({ path: e.path, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, isLink: e.isLink });
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const rel of unreadable.sort()) {
    if (venvs.length > 0 && inVenv(rel)) continue;
    skipped['unreadable-directory'] = (skipped['unreadable-directory'] ?? 0) + 1;
    skippedFiles.push({ path: rel, reason: 'unreadable-directory' });
  }
  return { root, entries, skipped, skippedFiles };
}

export function discover(rootPath: string, options: DiscoverOptions = {}, listing: TreeListing = listTree(rootPath)): Discovery {
  const root = listing.root;
  const gitignore = loadGitignores(root, listing.entries.filter((e) => e.path === '.gitignore' || e.path.endsWith('/.gitignore')).map((e) => e.path));
  const extra = ignore().add([...(options.ignore ?? [])]);
  const skipped: Record<string, number> = { ...listing.skipped };
  const skippedFiles: { path: string; reason: string }[] = [];
  const notes: { path: string; message: string }[] = [];
  const skip = (path: string, reason: string) => {
    skipped[reason] = (skipped[reason] ?? 0) + 1;
    if (skippedFiles.length < 1000) skippedFiles.push({ path, reason });
  };
  for (const s of listing.skippedFiles) {
    // An unreadable directory that .gitignore excludes is not worth a word.
    if (s.reason === 'unreadable-directory' && s.path !== '.' && gitignore.ignores(`${s.path}/`)) {
      skipped[s.reason]!--;
      continue;
    }
    if (skippedFiles.length < 1000) skippedFiles.push(s);
  }
  const entries = listing.entries.map((e) => e.path);

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
    let isLink = false;
    try {
      const info = lstatSync(abs);
      isLink = info.isSymbolicLink();
      if (isLink) {
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
    } catch (error) {
      skip(path, readFailure(error, isLink));
      continue;
    }
    if (size > MAX_FILE_BYTES) {
      skip(path, 'too-large');
      continue;
    }
    let bytes: Buffer | 'not-a-file' | 'too-large';
    try {
      options.beforeRead?.(path);
      bytes = readRegularFile(abs);
    } catch (error) {
      skip(path, readFailure(error, isLink));
      continue;
    }
    if (typeof bytes === 'string') {
      skip(path, bytes);
      continue;
    }
    const decoded = decodeSource(bytes);
    if (decoded.binary) {
      skip(path, 'binary');
      continue;
    }
    const text = decoded.text;
    if (decoded.invalidUtf8) notes.push({ path, message: `${path}: not valid UTF-8; read with replacement characters` });
    if (isManifest) manifests.push({ path, text });
    if (!language) continue;
    if (language !== 'text' && looksMinified(path, text)) {
      skip(path, 'minified');
      continue;
    }
    files.push({ path, language, text, bytes: Buffer.byteLength(text) });
  }
  for (const [reason, n] of Object.entries(skipped)) if (n === 0) delete skipped[reason];
  const keptPaths = entries.filter((path) => !gitignore.ignores(path) && !(options.ignore?.length && extra.ignores(path)));
  return { files, manifests, hasMoaiDir, skipped, skippedFiles, notes, paths: entries, keptPaths };
}
