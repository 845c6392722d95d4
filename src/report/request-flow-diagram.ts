// A Mermaid flowchart of the request path: clients -> CORS / rate limiting / auth -> routers -> data stores.
import type { ProjectModel, Endpoint, Service } from '../model/types.js';
import { compareText } from './finding-order.js';
import { displayServiceRoot, serviceOfFile } from './service-of-file.js';

const MAX_ROUTERS = 15;
const MAX_NAMES = 3;

/** Text for a quoted Mermaid label: entity codes for characters Mermaid or HTML would read as syntax. */
export function mermaidLabel(text: string): string {
  const codes: Record<string, string> = { '"': '#quot;', '#': '#35;', '&': '#amp;', '<': '#lt;', '>': '#gt;', '`': '#96;' };
  return `"${text.replace(/\s+/g, ' ').replace(/["#&<>`]/g, (c) => codes[c] ?? c)}"`;
}

interface RouterGroup { prefix: string; endpoints: Endpoint[] }

/** The diagram's words, so that reports in other languages can translate them. */
export interface RequestFlowLabels {
  clients: string;
  service: (root: string, frameworks: string) => string;
  cors: (names: string) => string;
  rateLimiting: (names: string) => string;
  auth: (names: string) => string;
  router: (prefix: string, endpoints: number) => string;
  noEndpoints: string;
  noService: string;
}

export const ENGLISH_FLOW_LABELS: RequestFlowLabels = {
  clients: 'Clients',
  service: (root, frameworks) => `Service ${root}${frameworks ? ` (${frameworks})` : ''}`,
  cors: (names) => `CORS: ${names}`,
  rateLimiting: (names) => `Rate limiting: ${names}`,
  auth: (names) => `Auth: ${names}`,
  router: (prefix, n) => `${prefix} (${n} endpoint${n === 1 ? '' : 's'})`,
  noEndpoints: 'no endpoints found',
  noService: 'no HTTP service found',
};

const segments = (path: string): string[] => path.split('/').filter((s) => s !== '');

/** Groups endpoints by the first path segment after the prefix all of them share ('/api', '/v1'). */
export function groupByRouter(endpoints: readonly Endpoint[]): RouterGroup[] {
  const all = endpoints.map((e) => segments(e.path));
  const shared: string[] = [];
  for (;;) {
    const next = all[0]?.[shared.length];
    if (next === undefined || all.some((s) => s.length <= shared.length + 1 || s[shared.length] !== next)) break;
    shared.push(next);
  }
  const groups = new Map<string, Endpoint[]>();
  endpoints.forEach((e, i) => {
    const key = `/${all[i]!.slice(0, shared.length + 1).join('/')}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  });
  const sorted = [...groups.entries()].map(([prefix, eps]) => ({ prefix, endpoints: eps }))
    .sort((a, b) => compareText(a.prefix, b.prefix));
  if (sorted.length <= MAX_ROUTERS) return sorted;
  const rest = sorted.slice(MAX_ROUTERS - 1);
  return [...sorted.slice(0, MAX_ROUTERS - 1), { prefix: 'other routes', endpoints: rest.flatMap((g) => g.endpoints) }];
}

const names = (list: string[]): string => {
  const distinct = [...new Set(list)].sort(compareText);
  const shown = distinct.slice(0, MAX_NAMES).join(', ');
  return distinct.length > MAX_NAMES ? `${shown} +${distinct.length - MAX_NAMES} more` : shown;
};

const isAuth = (e: Endpoint): boolean => e.middleware.some((m) => m.role === 'auth' || m.role === 'optional-auth');

const storeLabel = (d: { engine?: string; library: string }): string =>
  (d.engine ? `${d.engine} (${d.library})` : d.library);

function serviceLines(model: ProjectModel, service: Service, id: string, sharedStores: string[], labels: RequestFlowLabels): string[] {
  const inService = (file: string) => serviceOfFile(model.services, file) === service.root;
  const endpoints = model.endpoints.filter((e) => e.service === service.root);
  const frameworks = service.frameworks.map((f) => f.id).sort(compareText).join(', ');
  const title = labels.service(displayServiceRoot(service.root), frameworks);
  const lines = [`  subgraph ${id} [${mermaidLabel(title)}]`, '    direction LR'];
  const edges: string[] = [];
  let previous = 'clients';
  const step = (nodeId: string, label: string) => {
    lines.push(`    ${nodeId}[${mermaidLabel(label)}]`);
    edges.push(`  ${previous} --> ${nodeId}`);
    previous = nodeId;
  };
  const cors = model.cors.filter((c) => inService(c.location.file)).map((c) => c.policy);
  if (cors.length) step(`${id}cors`, labels.cors(names(cors)));
  const limits = model.rateLimits.filter((r) => r.applied && inService(r.location.file)).map((r) => r.library);
  if (limits.length) step(`${id}rate`, labels.rateLimiting(names(limits)));
  const beforeAuth = previous;
  const authNames = endpoints.flatMap((e) => e.middleware)
    .filter((m) => m.role === 'auth' || m.role === 'optional-auth').map((m) => m.name);
  if (authNames.length) {
    lines.push(`    ${id}auth[${mermaidLabel(labels.auth(names(authNames)))}]`);
    edges.push(`  ${beforeAuth} --> ${id}auth`);
  }
  const stores = [...new Set(model.databases.filter((d) => inService(d.location.file)).map(storeLabel))]
    .sort(compareText);
  stores.forEach((label, k) => lines.push(`    ${id}d${k}[(${mermaidLabel(label)})]`));
  const storeIds = [...stores.map((_, k) => `${id}d${k}`), ...sharedStores];
  groupByRouter(endpoints).forEach((group, j) => {
    const routerId = `${id}r${j}`;
    lines.push(`    ${routerId}[${mermaidLabel(labels.router(group.prefix, group.endpoints.length))}]`);
    if (authNames.length && group.endpoints.some(isAuth)) edges.push(`  ${id}auth --> ${routerId}`);
    if (!authNames.length || group.endpoints.some((e) => !isAuth(e))) edges.push(`  ${beforeAuth} --> ${routerId}`);
    for (const store of storeIds) edges.push(`  ${routerId} --> ${store}`);
  });
  if (endpoints.length === 0) {
    lines.push(`    ${id}none[${mermaidLabel(labels.noEndpoints)}]`);
    edges.push(`  ${previous} --> ${id}none`);
  }
  lines.push('  end');
  return [...lines, ...edges];
}

/** The diagram's source (without the ```mermaid fence). */
export function requestFlowDiagram(model: ProjectModel, labels: RequestFlowLabels = ENGLISH_FLOW_LABELS): string {
  const drawn = [...model.services]
    .filter((s) => s.isHttp || model.endpoints.some((e) => e.service === s.root))
    .sort((a, b) => compareText(a.root, b.root));
  const lines = ['flowchart LR', `  clients([${mermaidLabel(labels.clients)}])`];
  if (drawn.length === 0) {
    lines.push(`  noservice[${mermaidLabel(labels.noService)}]`, '  clients --> noservice');
    return lines.join('\n');
  }
  const drawnRoots = new Set(drawn.map((s) => s.root));
  // Stores outside every drawn service (a root-level schema in a monorepo) are shared by all of them.
  const shared = [...new Set(model.databases
    .filter((d) => !drawnRoots.has(serviceOfFile(model.services, d.location.file)))
    .map(storeLabel))].sort(compareText);
  shared.forEach((label, k) => lines.push(`  db${k}[(${mermaidLabel(label)})]`));
  const sharedIds = shared.map((_, k) => `db${k}`);
  drawn.forEach((service, i) => lines.push(...serviceLines(model, service, `s${i}`, sharedIds, labels)));
  return lines.join('\n');
}
