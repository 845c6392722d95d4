// Reading `backend-review-ignore <rule-id>[, <rule-id>]: <reason>` comments out of a file's text.
// A directive counts only right after a comment opener of the file's language, so the words inside a
// string literal or in running text do nothing.

export const DIRECTIVE_TOKEN = 'backend-review-ignore';

export interface Directive {
  file: string;
  line: number;
  /** 1-based UTF-16 columns of the directive text (token to end of reason), end exclusive. */
  startColumn: number;
  endColumn: number;
  /** Rule ids as written (may be empty). */
  ruleIds: string[];
  /** '' when none was given. */
  reason: string;
  /** The directive as written, without the comment opener and closer. */
  text: string;
  /** The lines it applies to: its own and the next line that is not another directive comment. */
  covers: number[];
}

const C_LIKE = ['//', '/*', '/**', '*'];
const HASH = ['#'];
const MARKERS: Record<string, readonly string[]> = {};
for (const ext of ['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts', 'go', 'java', 'kt', 'kts', 'cs', 'rs', 'scala', 'sc',
  'swift', 'c', 'h', 'cpp', 'hpp', 'groovy', 'gradle', 'dart', 'prisma', 'json5', 'jsonc', 'proto']) MARKERS[ext] = C_LIKE;
for (const ext of ['py', 'pyi', 'rb', 'sh', 'bash', 'yml', 'yaml', 'toml', 'env', 'tf', 'txt', 'r', 'pl', 'dockerfile']) MARKERS[ext] = HASH;
MARKERS.php = [...C_LIKE, '#'];
MARKERS.properties = ['#', '!'];
for (const ext of ['ini', 'cfg', 'conf', 'npmrc', 'pypirc', 'editorconfig']) MARKERS[ext] = ['#', ';'];
for (const ext of ['sql', 'lua', 'hs']) MARKERS[ext] = ['--', '/*', '/**', '*'];
for (const ext of ['html', 'htm', 'xml', 'md', 'svg', 'xhtml', 'csproj']) MARKERS[ext] = ['<!--'];
for (const ext of ['vue', 'svelte', 'astro']) MARKERS[ext] = [...C_LIKE, '<!--'];
for (const ext of ['jinja', 'j2', 'twig', 'njk']) MARKERS[ext] = ['{#', '<!--'];
const ANY = ['//', '/*', '/**', '*', '#', '<!--', '--', ';', '{#'];
const CLOSERS = ['*/', '-->', '#}', '%>'];

/** The comment openers a directive may follow in this file ('*' only as a block comment's continuation line). */
export function commentMarkersFor(path: string): readonly string[] {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (base === 'dockerfile' || base.startsWith('.env') || base.endsWith('.env') || base === 'pipfile' || base === 'makefile') return HASH;
  if (/(^|\/)conf\/([^/]+\.)?routes$/.test(path)) return HASH; // Play routes
  const dot = base.lastIndexOf('.');
  const ext = dot >= 0 ? base.slice(dot + 1) : '';
  return MARKERS[ext] ?? ANY;
}

/** Whether the text before the token ends with a comment opener; undefined when it does not. */
function openerBefore(prefix: string, markers: readonly string[]): { commentOnly: boolean } | undefined {
  const trimmed = prefix.trimEnd();
  for (const marker of markers) {
    if (!trimmed.endsWith(marker)) continue;
    const before = trimmed.slice(0, trimmed.length - marker.length);
    const commentOnly = before.trim() === '' || (marker === '/*' && before.trim() === '{');
    if (marker === '*' && before.trim() !== '') continue; // '*' opens nothing mid-line
    return { commentOnly };
  }
  return undefined;
}

function parseDirective(rest: string): { ruleIds: string[]; reason: string; length: number } {
  let end = rest.length;
  for (const closer of CLOSERS) {
    const at = rest.indexOf(closer);
    if (at >= 0 && at < end) end = at;
  }
  const body = rest.slice(0, end);
  const ids = /^\s+([A-Za-z0-9_.-]+(?:\s*,\s*[A-Za-z0-9_.-]+)*)/.exec(body);
  const ruleIds = ids ? ids[1]!.split(',').map((id) => id.trim()).filter(Boolean) : [];
  const afterIds = ids ? body.slice(ids[0].length) : body;
  const colon = /^\s*:/.exec(afterIds);
  const reason = colon ? afterIds.slice(colon[0].length).trim() : '';
  return { ruleIds, reason, length: body.trimEnd().length };
}

/** Every directive in one file, in line order. */
export function findDirectives(file: string, text: string): Directive[] {
  if (!text.includes(DIRECTIVE_TOKEN)) return [];
  const markers = commentMarkersFor(file);
  const lines = text.split('\n');
  const found: (Omit<Directive, 'covers'> & { commentOnly: boolean })[] = [];
  lines.forEach((raw, index) => {
    const lineText = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    let at = lineText.indexOf(DIRECTIVE_TOKEN);
    while (at >= 0) {
      const opener = openerBefore(lineText.slice(0, at), markers);
      const next = lineText.charAt(at + DIRECTIVE_TOKEN.length);
      if (opener && (next === '' || next === ':' || /\s/.test(next))) {
        const rest = lineText.slice(at + DIRECTIVE_TOKEN.length);
        const parsed = parseDirective(rest);
        const length = DIRECTIVE_TOKEN.length + parsed.length;
        found.push({
          file, line: index + 1, startColumn: at + 1, endColumn: at + 1 + length,
          ruleIds: parsed.ruleIds, reason: parsed.reason, text: lineText.slice(at, at + length),
          commentOnly: opener.commentOnly,
        });
        break;
      }
      at = lineText.indexOf(DIRECTIVE_TOKEN, at + 1);
    }
  });
  const commentOnlyLines = new Set(found.filter((d) => d.commentOnly).map((d) => d.line));
  return found.map(({ commentOnly: _commentOnly, ...d }) => {
    const covers = [d.line];
    let next = d.line + 1;
    while (commentOnlyLines.has(next)) covers.push(next++);
    covers.push(next);
    return { ...d, covers };
  });
}
