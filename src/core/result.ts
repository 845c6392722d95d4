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
}
