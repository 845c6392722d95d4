// URL path joining and normalisation: every framework's parameter syntax becomes {name}.

/** Converts one declared path to the contract's form: parameters as {name}; keeps slashes as written. */
export function normalizeParams(path: string): string {
  let out = path;
  // Python regex named groups (?P<name>...) -> {name}
  out = out.replace(/\(\?P<([A-Za-z_][A-Za-z0-9_]*)>[^)]*\)/g, '{$1}');
  // Flask/Django converters <int:id>, <path:p>, <id> -> {id}
  out = out.replace(/<(?:[A-Za-z_][A-Za-z0-9_]*:)?([A-Za-z_][A-Za-z0-9_]*)>/g, '{$1}');
  // Typed braces {id:int} / {id:[0-9]+} / Starlette {p:path} -> {id} (before ':id', which would match inside them)
  out = out.replace(/\{([A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?\}/g, '{$1}');
  // Express/Koa/Hono :id, :id?, :id(\d+) -> {id}
  out = out.replace(/:([A-Za-z_][A-Za-z0-9_]*)(\([^)]*\))?\??/g, '{$1}');
  return out;
}

/** Joins path pieces with single slashes; '' pieces are skipped. */
export function joinPaths(...pieces: string[]): string {
  let out = '';
  for (const piece of pieces) {
    if (!piece) continue;
    const trimmed = piece.replace(/^\/+/, '');
    if (!trimmed) {
      if (!out) out = '/';
      continue;
    }
    out = out.endsWith('/') ? out + trimmed : `${out}/${trimmed}`;
  }
  return out || '/';
}

/** Final form of an endpoint path: leading '/', no duplicate slashes, no trailing slash (except '/'). */
export function finalizePath(path: string, isRegex = false): string {
  if (isRegex) return path;
  let out = normalizeParams(path).replace(/\/{2,}/g, '/');
  if (!out.startsWith('/')) out = `/${out}`;
  if (out.length > 1) out = out.replace(/\/+$/, '');
  return out || '/';
}

const HEALTH_SEGMENTS = new Set([
  'health', 'healthz', 'healthcheck', 'health-check', 'health_check', 'livez', 'readyz', 'ready',
  'readiness', 'liveness', 'live', 'alive', 'ping', 'heartbeat',
]);

/** True for a health / readiness / liveness probe path. */
export function isHealthPath(path: string): boolean {
  const segments = path.toLowerCase().split('/').filter(Boolean);
  return segments.some((s) => HEALTH_SEGMENTS.has(s));
}

export function isMetricsPath(path: string): boolean {
  const last = path.toLowerCase().split('/').filter(Boolean).pop();
  return last === 'metrics' || last === 'prometheus';
}
