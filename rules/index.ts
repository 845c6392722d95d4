// The rule registry: one import per rule, sorted by id.
import type { Rule } from '../src/engine/define-rule.js';
import authEndpointWithoutRateLimit from './rate-limit/auth-endpoint-without-rate-limit.js';
import corsAllowsAnyOrigin from './cors/cors-allows-any-origin.js';
import corsPermissiveOriginRegex from './cors/cors-permissive-origin-regex.js';
import corsReflectsRequestOrigin from './cors/cors-reflects-request-origin.js';
import debugModeEnabled from './config/debug-mode-enabled.js';
import endpointWithoutMoaiTag from './untagged-endpoint/endpoint-without-moai-tag.js';
import endpointWithoutOpenapiTags from './untagged-endpoint/endpoint-without-openapi-tags.js';
import hardcodedSecret from './secrets/hardcoded-secret.js';
import invalidSuppression from './config/invalid-suppression.js';
import jwtHardcodedSigningKey from './jwt/jwt-hardcoded-signing-key.js';
import jwtNoneAlgorithmAccepted from './jwt/jwt-none-algorithm-accepted.js';
import jwtVerificationDisabled from './jwt/jwt-verification-disabled.js';
import jwtWithoutExpiry from './jwt/jwt-without-expiry.js';
import missingHealthEndpoint from './health/missing-health-endpoint.js';
import passwordHashNotArgon2id from './weak-password-hash/password-hash-not-argon2id.js';
import passwordHashWeakParameters from './weak-password-hash/password-hash-weak-parameters.js';
import passwordHashedWithFastHash from './weak-password-hash/password-hashed-with-fast-hash.js';
import sqlBuiltByConcatenation from './sqli/sql-built-by-concatenation.js';
import tlsVerificationDisabled from './config/tls-verification-disabled.js';
import unusedSuppression from './config/unused-suppression.js';
import weakHashForSecurity from './weak-hash/weak-hash-for-security.js';

export const RULES: readonly Rule<any>[] = [
  authEndpointWithoutRateLimit,
  corsAllowsAnyOrigin,
  corsPermissiveOriginRegex,
  corsReflectsRequestOrigin,
  debugModeEnabled,
  endpointWithoutMoaiTag,
  endpointWithoutOpenapiTags,
  hardcodedSecret,
  invalidSuppression,
  jwtHardcodedSigningKey,
  jwtNoneAlgorithmAccepted,
  jwtVerificationDisabled,
  jwtWithoutExpiry,
  missingHealthEndpoint,
  passwordHashNotArgon2id,
  passwordHashWeakParameters,
  passwordHashedWithFastHash,
  sqlBuiltByConcatenation,
  tlsVerificationDisabled,
  unusedSuppression,
  weakHashForSecurity,
];
