export { discover, MAX_FILE_BYTES, SKIPPED_DIRS, type Discovery, type DiscoverOptions } from './discover.js';
export { parseManifest, frameworksFromManifests, type Manifest } from './manifests.js';
