// URIs for SARIF artifact locations: repo-relative references and the file:// URI of the scan root.

/** Characters encodeURIComponent escapes that RFC 3986 allows unescaped in a path segment. */
const KEEP: Record<string, string> = { '%40': '@', '%24': '$', '%26': '&', '%2B': '+', '%2C': ',', '%3B': ';', '%3D': '=' };

function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/%(?:40|24|26|2B|2C|3B|3D)/g, (m) => KEEP[m] ?? m);
}

/** 'src/routes/[id] file.ts' -> 'src/routes/%5Bid%5D%20file.ts' ('/' separators, each segment encoded). */
export function relativeFileUri(file: string): string {
  return file.split('\\').join('/').replace(/^(?:\.\/)+/, '').split('/').map(encodeSegment).join('/');
}

/**
 * '/abs/root' -> 'file:///abs/root/'; 'C:\\srv\\app' -> 'file:///C:/srv/app/'. Always ends with '/',
 * so relative URIs resolve inside it. Undefined for a relative path (no base URI can be formed).
 */
export function directoryFileUri(absolutePath: string): string | undefined {
  let p = absolutePath.split('\\').join('/');
  if (/^[A-Za-z]:\//.test(p)) p = `/${p}`;
  if (!p.startsWith('/')) return undefined;
  const unc = p.startsWith('//');
  const segments = p.slice(unc ? 2 : 1).split('/').filter((s) => s !== '');
  const encoded = segments.map((s, i) => (i === 0 && /^[A-Za-z]:$/.test(s) ? s : encodeSegment(s)));
  const path = encoded.length ? `${encoded.join('/')}/` : '';
  return unc ? `file://${path}` : `file:///${path}`;
}
