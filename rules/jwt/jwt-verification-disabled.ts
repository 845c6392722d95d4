import { defineRule } from '../../src/engine/define-rule.js';

export default defineRule({
  id: 'jwt-verification-disabled',
  title: 'JWT read without verifying its signature',
  category: 'jwt',
  cwe: ['CWE-347'],
  severity: 'error',
  securitySeverity: 8.1,
  recommended: true,
  description: "Finds JWT decoding with signature verification turned off (verify_signature False, verify=False, jwt-simple's noVerify) and, as warnings, tokens decoded without any verify call in the same function.",
  defaultOptions: {},
  *check({ model }) {
    for (const call of model.jwtCalls) {
      if (call.issues.includes('no-verify')) {
        yield {
          key: `${call.library}:no-verify`,
          location: call.location,
          message: `This ${call.library} ${call.operation} call turns signature verification off${call.detail ? ` (${call.detail.split('; ').find((d) => /verif/i.test(d)) ?? call.detail})` : ''}.`,
        };
      } else if (call.issues.includes('decode-only')) {
        yield {
          key: `${call.library}:decode-only`,
          location: call.location,
          message: `This ${call.library} call decodes a token without verifying its signature, and nothing in the same function verifies it.`,
          severity: 'warning',
        };
      }
    }
  },
});
