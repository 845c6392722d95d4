// Which language a path is read as: a table of extensions and file names, with no parser behind it,
// so that listing a tree (and a rescan that only lists it) never loads a parser.
import type { LanguageId } from '../core/types.js';

/** Extensions per language (the adapters declare the same lists from here). */
export const EXTENSIONS: Readonly<Record<LanguageId, readonly string[]>> = {
  javascript: ['.js', '.jsx', '.mjs', '.cjs'],
  typescript: ['.ts', '.tsx', '.mts', '.cts'],
  python: ['.py', '.pyi'],
  go: ['.go'],
  java: ['.java'],
  kotlin: ['.kt', '.kts'],
  php: ['.php'],
  csharp: ['.cs'],
  rust: ['.rs'],
  scala: ['.scala', '.sc'],
  text: ['.env', '.txt', '.properties', '.yml', '.yaml', '.json', '.ini', '.toml', '.cfg', '.conf', '.xml', '.pem', '.key', '.jsp'],
};

const BY_EXTENSION = new Map<string, LanguageId>(
  (Object.entries(EXTENSIONS) as [LanguageId, readonly string[]][]).flatMap(([id, exts]) => exts.map((ext) => [ext, id] as const)),
);

/** File names (not extensions) that are plain-text configuration worth a secrets scan. */
const TEXT_NAMES = /^(\.env(\..+)?|.*\.env|docker-compose.*\.ya?ml|settings\.py\.example|.*\.npmrc|\.pypirc|id_rsa|id_dsa|id_ecdsa|id_ed25519|requirements.*\.txt|Pipfile|.*\.prisma)$/i;

/** The language of a repo-relative path, or undefined when it is not a file we read. */
export function languageOf(path: string): LanguageId | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const lower = base.toLowerCase();
  if (TEXT_NAMES.test(base)) return 'text';
  // Play Framework route files: conf/routes and any *.routes file; go-zero API descriptions (*.api).
  if (/(^|\/)conf\/routes$/.test(path) || lower.endsWith('.routes') || lower.endsWith('.api')) return 'text';
  // SvelteKit and Astro pages: routes by their place in the tree (read as text: no parser for them).
  if (lower === '+page.svelte' || (lower.endsWith('.astro') && path.includes('src/pages/'))) return 'text';
  // Static pages a JVM service serves from its classpath (Quarkus, Spring Boot): each is an endpoint.
  if (path.includes('src/main/resources/META-INF/resources/') && /\.(html?|css)$/.test(lower)) return 'text';
  const dot = lower.lastIndexOf('.');
  if (dot < 0) return undefined;
  return BY_EXTENSION.get(lower.slice(dot));
}
