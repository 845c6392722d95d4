// Console summary: frameworks, endpoints, findings by severity and a one-line tally.
import pc from 'picocolors';
import type { RunResult } from '../core/result.js';
import type { Finding, Notification, Severity } from '../core/types.js';
import type { Endpoint } from '../model/types.js';
import {
  compareLocations, compareText, countBySeverity, isSuppressed, reportedFindings, SEVERITIES, severityTally,
} from './finding-order.js';
import { displayServiceRoot } from './service-of-file.js';
import type { ReporterOptions } from './types.js';

const MAX_ENDPOINTS = 20;
const MAX_NOTIFICATIONS = 10;

type Colors = ReturnType<typeof pc.createColors>;
export type TextOptions = Pick<ReporterOptions, 'color'>;

const SEVERITY_TITLES: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', note: 'Notes' };

function paint(c: Colors, severity: Severity, text: string): string {
  return severity === 'error' ? c.red(text) : severity === 'warning' ? c.yellow(text) : c.blue(text);
}

const padEnd = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - text.length));

function servicesBlock(result: RunResult, c: Colors): string[] {
  const services = [...result.model.services].sort((a, b) => compareText(a.root, b.root));
  if (!services.length) return [c.bold('Services'), '  none found'];
  const width = Math.max(...services.map((s) => displayServiceRoot(s.root).length));
  return [c.bold('Services'), ...services.map((s) => {
    const frameworks = [...s.frameworks].sort((a, b) => compareText(a.id, b.id))
      .map((f) => (f.version ? `${f.id} ${f.version}` : f.id)).join(', ') || 'no framework detected';
    const languages = [...s.languages].sort(compareText).join(', ');
    return `  ${padEnd(displayServiceRoot(s.root), width)}  ${frameworks}${languages ? c.dim(`  (${languages})`) : ''}`;
  })];
}

function endpointsBlock(result: RunResult, c: Colors): string[] {
  const endpoints: Endpoint[] = [...result.model.endpoints].sort((a, b) => compareText(a.service, b.service)
    || compareText(a.path, b.path) || compareText(a.method, b.method) || compareLocations(a.location, b.location));
  const lines = [c.bold(`Endpoints: ${endpoints.length}`)];
  const shown = endpoints.slice(0, MAX_ENDPOINTS);
  const methodWidth = Math.max(0, ...shown.map((e) => e.method.length));
  const pathWidth = Math.max(0, ...shown.map((e) => e.path.length));
  for (const e of shown) {
    const auth = e.auth === 'none' ? c.yellow(padEnd('auth: none', 14)) : padEnd(`auth: ${e.auth}`, 14);
    lines.push(`  ${padEnd(e.method, methodWidth)}  ${padEnd(e.path, pathWidth)}  ${auth}  `
      + c.dim(`${e.location.file}:${e.location.startLine}`));
  }
  if (endpoints.length > shown.length) lines.push(c.dim(`  ... and ${endpoints.length - shown.length} more`));
  const staticFiles = result.model.staticFiles ?? [];
  if (staticFiles.length) {
    const mounts = new Set(staticFiles.map((e) => `${e.location.file}:${e.location.startLine}`)).size;
    lines.push(c.dim(`  + ${staticFiles.length} static file${staticFiles.length === 1 ? '' : 's'} served by ${mounts} mount${mounts === 1 ? '' : 's'} (see the JSON or markdown report)`));
  }
  return lines;
}

function findingLine(f: Finding, c: Colors): string {
  const where = `${f.location.file}:${f.location.startLine}:${f.location.startColumn}`;
  return `  ${c.dim(where)}  ${paint(c, f.severity, f.severity)}  ${f.message}  ${c.dim(`[${f.ruleId}]`)}`;
}

function findingsBlock(findings: Finding[], c: Colors): string[] {
  if (!findings.length) return [c.bold('Findings: none')];
  const lines: string[] = [c.bold('Findings')];
  for (const severity of SEVERITIES) {
    const own = findings.filter((f) => f.severity === severity);
    if (!own.length) continue;
    lines.push('', paint(c, severity, c.bold(`${SEVERITY_TITLES[severity]} (${own.length})`)));
    lines.push(...own.map((f) => findingLine(f, c)));
  }
  return lines;
}

function notificationsBlock(result: RunResult, c: Colors): string[] {
  const fileOf = (n: Notification) => n.location?.file ?? n.file ?? '';
  const list = [...result.notifications].sort((a, b) => SEVERITIES.indexOf(a.level) - SEVERITIES.indexOf(b.level)
    || compareText(fileOf(a), fileOf(b)) || compareText(a.kind, b.kind) || compareText(a.message, b.message));
  if (!list.length) return [];
  const lines = [c.bold(`Run notes: ${list.length}`)];
  for (const n of list.slice(0, MAX_NOTIFICATIONS)) {
    const file = n.location ? `${n.location.file}:${n.location.startLine}` : n.file;
    lines.push(`  ${paint(c, n.level, n.level)}  ${file ? `${c.dim(file)}  ` : ''}${n.message}  ${c.dim(`[${n.kind}]`)}`);
  }
  if (list.length > MAX_NOTIFICATIONS) lines.push(c.dim(`  ... and ${list.length - MAX_NOTIFICATIONS} more`));
  return lines;
}

export function renderText(result: RunResult, options: TextOptions = {}): string {
  const c = pc.createColors(options.color === true);
  const findings = reportedFindings(result.findings);
  const counts = countBySeverity(findings);
  const suppressed = result.findings.filter(isSuppressed).length;
  const tally = severityTally(counts) + (suppressed ? c.dim(` (${suppressed} suppressed)`) : '');
  const sections = [
    [c.bold(`${result.tool.name} ${result.tool.version}`) + c.dim(`  ${result.stats.files} files scanned`)],
    servicesBlock(result, c),
    endpointsBlock(result, c),
    findingsBlock(findings, c),
    notificationsBlock(result, c),
    [counts.error ? c.red(c.bold(tally)) : counts.warning ? c.yellow(tally) : c.green(tally)],
  ].filter((s) => s.length > 0);
  return `${sections.map((s) => s.join('\n')).join('\n\n')}\n`;
}
