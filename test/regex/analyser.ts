// A ReDoS analyser behind one interface, loaded at run time: `recheck` (automata-based, finds
// exponential and polynomial backtracking: the linear check asked for) or else `safe-regex2`
// (star height only: catches nested quantifiers, not every polynomial case). REDOS_ANALYSER picks
// one. Neither is a dependency yet: loadAnalyser() returns undefined when none is installed.

export interface Verdict {
  status: 'safe' | 'vulnerable' | 'unknown';
  /** Why: the complexity and an attack string (recheck), or the reason it is unknown. */
  detail?: string;
}

export interface Analyser {
  name: 'recheck' | 'safe-regex2';
  /** Whether a verdict of 'safe' means linear (recheck) or only "no nested quantifiers" (safe-regex2). */
  provesLinear: boolean;
  check(pattern: string, flags: string): Promise<Verdict>;
}

export const WANTED = 'recheck@4.5.0 (or, weaker, safe-regex2@5.1.2) in devDependencies';

async function importOptional(name: string): Promise<Record<string, unknown> | undefined> {
  try {
    return (await import(/* @vite-ignore */ name)) as Record<string, unknown>;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || /Cannot find (module|package)|Failed to load url/.test(String((error as Error).message))) return undefined;
    throw error;
  }
}

type RecheckDiagnostics = { status: 'safe' | 'vulnerable' | 'unknown'; complexity?: { type: string; summary?: string }; attack?: { pattern?: string; string?: string }; error?: { kind?: string; message?: string } };

async function loadRecheck(): Promise<Analyser | undefined> {
  const mod = await importOptional('recheck');
  const check = (mod?.check ?? (mod?.default as Record<string, unknown> | undefined)?.check) as
    ((source: string, flags: string, params?: object) => Promise<RecheckDiagnostics>) | undefined;
  if (!check) return undefined;
  return {
    name: 'recheck',
    provesLinear: true,
    async check(pattern, flags) {
      // A fixed seed keeps the fuzzing checker's verdicts stable; a timeout is an 'unknown', not a failure.
      const d = await check(pattern, flags, { timeout: 5_000, randomSeed: 0 });
      if (d.status === 'safe') return { status: 'safe', detail: d.complexity?.type };
      if (d.status === 'vulnerable') {
        return { status: 'vulnerable', detail: `${d.complexity?.summary ?? d.complexity?.type}; attack ${d.attack?.pattern ?? JSON.stringify(d.attack?.string)}` };
      }
      return { status: 'unknown', detail: `${d.error?.kind ?? 'error'}${d.error?.message ? `: ${d.error.message}` : ''}` };
    },
  };
}

async function loadSafeRegex2(): Promise<Analyser | undefined> {
  const mod = await importOptional('safe-regex2');
  const safeRegex = (typeof mod?.default === 'function' ? mod.default : (mod?.default as Record<string, unknown> | undefined)?.default) as
    ((re: RegExp | string, opts?: { limit?: number }) => boolean) | undefined;
  if (typeof safeRegex !== 'function') return undefined;
  return {
    name: 'safe-regex2',
    provesLinear: false,
    async check(pattern, flags) {
      let re: RegExp;
      try {
        re = new RegExp(pattern, flags);
      } catch (error) {
        return { status: 'unknown', detail: (error as Error).message };
      }
      return safeRegex(re) ? { status: 'safe' } : { status: 'vulnerable', detail: 'star height above 1 (nested quantifiers)' };
    },
  };
}

export async function loadAnalyser(): Promise<Analyser | undefined> {
  const wanted = process.env.REDOS_ANALYSER;
  if (wanted === 'safe-regex2') return loadSafeRegex2();
  if (wanted === 'recheck') return loadRecheck();
  return (await loadRecheck()) ?? loadSafeRegex2();
}
