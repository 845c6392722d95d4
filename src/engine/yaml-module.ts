// The `yaml` package, loaded on first use. Only a YAML config file or a MoAI project needs it, and
// bundled into the CLI it was a quarter of the code every run compiles and evaluates, a rescan
// answered from the memo included. Loaded from node_modules (a dependency), not bundled.
import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');

const loadPackage = createRequire(import.meta.url);
let loaded: Yaml | undefined;

export function yaml(): Yaml {
  return (loaded ??= loadPackage('yaml') as Yaml);
}
