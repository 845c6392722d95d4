// Static web resources of a JVM service: every file under <module>/src/main/resources/META-INF/resources/
// is served as GET /<relative path> (Quarkus, and servlet containers for web-fragment JARs); an
// index.html also answers at its directory ('/admin/'). Only files discovery reads reach extractors.
import type { Fact } from '../../core/facts.js';
import { locationOfLine } from '../../languages/location.js';
import type { Extractor } from '../types.js';

const ROOT = 'src/main/resources/META-INF/resources/';

export function staticResourcePaths(path: string): string[] {
  const at = path.indexOf(ROOT);
  if (at < 0 || !(at === 0 || path[at - 1] === '/')) return [];
  const rel = path.slice(at + ROOT.length);
  if (!rel || rel.split('/').some((s) => s.startsWith('.'))) return [];
  const out = [`/${rel}`];
  const base = rel.slice(rel.lastIndexOf('/') + 1);
  if (base === 'index.html') out.unshift(`/${rel.slice(0, rel.length - base.length)}`);
  return out;
}

export const jvmStaticResources: Extractor = {
  id: 'jvm/static-resources',
  languages: ['text', 'javascript', 'typescript'],
  extract(file) {
    const paths = staticResourcePaths(file.path);
    if (paths.length === 0) return [];
    const location = locationOfLine(file.path, file.text, 1);
    return paths.map((path): Fact => ({ kind: 'route', framework: 'quarkus', method: 'GET', path, location, origin: 'generated', handler: { name: 'static resource' } }));
  },
};
