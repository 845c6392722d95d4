// The architecture report as document blocks, in the order a reviewer reads it. Markdown and HTML
// render the same blocks (HTML adds an interactive endpoint table and groups findings by rule).
import type { RunResult } from '../core/result.js';
import type { Block } from './doc.js';
import { reportContext, type ArchitectureReportOptions, type ReportContext } from './report-context.js';
import { endpointBlocks } from './sections-endpoints.js';
import { findingsBlocks, runNotesBlocks } from './sections-findings.js';
import { middlewareBlocks, testingBlocks } from './sections-middleware.js';
import {
  databaseBlocks, frameworkBlocks, headerBlocks, scorecardBlocks, servicesBlocks, summaryBlocks,
} from './sections-overview.js';
import { operationsBlocks, securityBlocks } from './sections-security.js';
import { tagChainBlocks } from './tag-chain.js';

export function architectureReport(result: RunResult, options: ArchitectureReportOptions, target: ReportContext['target']): { ctx: ReportContext; blocks: Block[] } {
  const ctx = reportContext(result, options, target);
  const blocks = [
    ...headerBlocks(ctx),
    ...summaryBlocks(ctx),
    ...scorecardBlocks(ctx),
    ...servicesBlocks(ctx),
    ...frameworkBlocks(ctx),
    ...databaseBlocks(ctx),
    ...endpointBlocks(ctx),
    ...middlewareBlocks(ctx),
    ...testingBlocks(ctx),
    ...securityBlocks(ctx),
    ...operationsBlocks(ctx),
    ...tagChainBlocks(ctx),
    ...findingsBlocks(ctx),
    ...runNotesBlocks(ctx),
  ];
  return { ctx, blocks };
}
