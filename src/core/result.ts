import type { Finding, Notification, RuleDescriptor, ScanStats } from './types.js';
import type { ProjectModel } from '../model/types.js';

/** Everything a reporter needs; plain JSON (see `backend-review format --input`). */
export interface RunResult {
  tool: { name: 'backend-review'; version: string };
  /** Absolute path of the scanned directory (reporters print paths relative to it). */
  rootPath: string;
  model: ProjectModel;
  findings: Finding[];
  rules: RuleDescriptor[];
  notifications: Notification[];
  stats: ScanStats;
  /** Present when the run compared against a baseline: how many findings were known, new, gone. */
  baseline?: { known: number; new: number; absent: number };
  /** Present with `--changed-since`: the git ref and how many findings off the changed lines were left out. */
  changedSince?: { ref: string; leftOut: number };
  /** Files the architecture report describes that the model does not hold (tests, migrations, Dockerfiles, .env examples). */
  inventory?: RepoInventory;
  /** Present when the repository has a `.moai/` directory: its SPEC documents and configured language. */
  moai?: MoaiContext;
}

/** What the file list and a few small non-source files show; filled by the engine, read by the report. */
export interface RepoInventory {
  /** Files named or placed like tests (`*.test.ts`, `test_*.py`, `*_test.go`, `src/test/`, `tests/`). */
  testFiles: number;
  /** Test frameworks declared by manifests (dev dependencies included), sorted by manifest then id. */
  testFrameworks: { id: string; version: string | null; manifest: string }[];
  /** Migration tools seen from file layout and dependencies: tool id and the directory or file showing it. */
  migrations: { tool: string; path: string }[];
  /** Dockerfiles and the line of their HEALTHCHECK instruction (null when there is none). */
  dockerfiles: { path: string; healthcheckLine: number | null }[];
  /** `.env.example`-style files and the variable names they declare (never their values). */
  envExamples: { path: string; keys: string[] }[];
}

export interface MoaiContext {
  /** SPEC documents under `.moai/specs/SPEC-*`: the SPEC-ID and the status of their front matter, if any. */
  specs: { id: string; status: string | null }[];
  /** `language.documentation`, else `language.conversation_language`, as written in the MoAI config. */
  language?: string;
  /** The config file (repo-relative) the language was read from. */
  languageSource?: string;
}
