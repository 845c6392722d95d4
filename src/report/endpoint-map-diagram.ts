// A Mermaid map of one service's endpoints: service -> router groups -> paths with their methods.
import type { Endpoint, Service } from '../model/types.js';
import { compareText } from './finding-order.js';
import { groupByRouter, mermaidLabel } from './request-flow-diagram.js';
import { displayServiceRoot } from './service-of-file.js';

/** At most this many path nodes per service; the rest of a group is folded into one node. */
const MAX_PATHS = 40;

export interface EndpointMapLabels {
  service: (root: string, frameworks: string) => string;
  morePaths: (count: number) => string;
  authLegend: string;
}

const isAuthenticated = (e: Endpoint): boolean => e.auth === 'required';

/** The diagram's source (without the ```mermaid fence). */
export function endpointMapDiagram(service: Service, endpoints: readonly Endpoint[], labels: EndpointMapLabels): string {
  const own = endpoints.filter((e) => e.service === service.root);
  const frameworks = [...service.frameworks].map((f) => f.id).sort(compareText).join(', ');
  const lines = ['flowchart LR', `  svc([${mermaidLabel(labels.service(displayServiceRoot(service.root), frameworks))}])`];
  const authNodes: string[] = [];
  const groups = groupByRouter(own);
  let budget = MAX_PATHS;
  groups.forEach((group, g) => {
    const groupId = `g${g}`;
    lines.push(`  ${groupId}[${mermaidLabel(group.prefix)}]`, `  svc --> ${groupId}`);
    const byPath = new Map<string, Endpoint[]>();
    for (const e of group.endpoints) byPath.set(e.path, [...(byPath.get(e.path) ?? []), e]);
    const paths = [...byPath.keys()].sort(compareText);
    const shown = paths.slice(0, Math.max(1, Math.min(budget, paths.length)));
    budget -= shown.length;
    shown.forEach((path, p) => {
      const eps = byPath.get(path)!;
      const methods = [...new Set(eps.map((e) => e.method))].sort(compareText).join(' ');
      const nodeId = `${groupId}p${p}`;
      lines.push(`  ${nodeId}[${mermaidLabel(`${methods} ${path}`)}]`, `  ${groupId} --> ${nodeId}`);
      if (eps.every(isAuthenticated)) authNodes.push(nodeId);
    });
    if (shown.length < paths.length) {
      const nodeId = `${groupId}more`;
      lines.push(`  ${nodeId}[${mermaidLabel(labels.morePaths(paths.length - shown.length))}]`, `  ${groupId} --> ${nodeId}`);
    }
  });
  if (own.length === 0) return lines.join('\n');
  if (authNodes.length) {
    lines.push(`  legend[${mermaidLabel(labels.authLegend)}]`);
    lines.push('  classDef auth fill:#e8f5e9,stroke:#2e7d32,stroke-width:2px');
    lines.push(`  class ${[...authNodes, 'legend'].join(',')} auth`);
  }
  return lines.join('\n');
}
