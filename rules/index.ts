// The rule registry: one import per rule, sorted by id.
import type { Rule } from '../src/engine/define-rule.js';
import endpointWithoutMoaiTag from './untagged-endpoint/endpoint-without-moai-tag.js';
import endpointWithoutOpenapiTags from './untagged-endpoint/endpoint-without-openapi-tags.js';
import missingHealthEndpoint from './health/missing-health-endpoint.js';

export const RULES: readonly Rule<any>[] = [
  endpointWithoutMoaiTag,
  endpointWithoutOpenapiTags,
  missingHealthEndpoint,
];
