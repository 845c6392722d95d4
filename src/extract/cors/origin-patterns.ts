// Origin regular expressions in CORS configuration: which ones admit more origins than intended.

/**
 * Why an origin regex lets unintended origins through: an unescaped '.' between host characters
 * (`www.foo.com` also matches `wwwXfoo.com`), or a pattern that matches everything ('.*').
 */
export function weakOriginRegex(pattern: string): 'matches-any' | 'unescaped-dot' | undefined {
  const bare = pattern.replace(/^\^/, '').replace(/\$$/, '');
  if (bare === '.*' || bare === '.+' || bare === '' || bare === '(.*)' || bare === 'https?://.*' || bare === 'https?:\\/\\/.*') return 'matches-any';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') { i++; continue; }
    if (inClass) { if (ch === ']') inClass = false; continue; }
    if (ch === '[') { inClass = true; continue; }
    if (ch !== '.') continue;
    const prev = pattern[i - 1] ?? '';
    const next = pattern[i + 1] ?? '';
    if ('*+?{'.includes(next) && next !== '') continue;
    if (/[A-Za-z0-9)\]+*?}]/.test(prev) && /[A-Za-z0-9(\[]/.test(next)) return 'unescaped-dot';
  }
  return undefined;
}
