import type {
  ConfigIssueFact, CorsConfigFact, DatabaseFact, HashCallFact, HttpMethod, JwtCallFact, MiddlewareRef,
  MoaiTagFact, RateLimitFact, SecretCandidateFact, SqlCallFact,
} from '../core/facts.js';
import type { LanguageId, Location } from '../core/types.js';

export type AuthState = 'required' | 'optional' | 'none' | 'unknown';

export interface Endpoint {
  method: HttpMethod;
  /** Fully resolved: every global, mount, router and class prefix applied; parameters as {name}; no trailing slash but '/'. */
  path: string;
  /** Where the route is declared (call, decorator, annotation). */
  location: Location;
  framework: string;
  service: string; // service root
  handler?: { name: string; location?: Location };
  /** Middleware, guards and dependencies that run before the handler, outermost first. */
  middleware: MiddlewareRef[];
  auth: AuthState;
  openapiTags: string[];
  moaiTags: string[];
  origin: 'route' | 'generated';
}

export interface ServiceFramework {
  id: string;
  version: string | null;
}

export interface Service {
  root: string; // '' for the repository root, else a repo-relative directory
  languages: LanguageId[];
  frameworks: ServiceFramework[];
  /** Where the service boots (app creation / listen), when found. */
  entry?: Location;
  /** True when the service serves HTTP (a web framework or endpoints were found). */
  isHttp: boolean;
}

export interface PathFact {
  path: string;
  location: Location;
  service: string;
}

export interface ProjectModel {
  services: Service[];
  endpoints: Endpoint[];
  /** Files served by static-file mounts (`GET /public/logo.png`), one per file, apart from `endpoints`. */
  staticFiles: Endpoint[];
  health: PathFact[];
  metrics: PathFact[];
  cors: CorsConfigFact[];
  /** Hash calls whose purpose is passwords (including verify calls), in source order. */
  passwordHashing: HashCallFact[];
  /** Every hash call (passwords and others). */
  hashCalls: HashCallFact[];
  sqlCalls: SqlCallFact[];
  jwtCalls: JwtCallFact[];
  secrets: SecretCandidateFact[];
  rateLimits: RateLimitFact[];
  databases: DatabaseFact[];
  configIssues: ConfigIssueFact[];
  moaiTags: MoaiTagFact[];
  /** The repository follows MoAI-ADK conventions (a .moai/ directory or any @SPEC: TAG). */
  usesMoai: boolean;
}
