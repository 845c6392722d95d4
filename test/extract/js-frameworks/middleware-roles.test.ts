import { describe, expect, it } from 'vitest';
import { middlewareRole } from '../../../src/extract/javascript/middleware-roles.js';

describe('javascript/middleware-roles', () => {
  it.each([
    ['auth.required', 'auth'], ['auth.optional', 'optional-auth'], ['optionalAuth', 'optional-auth'],
    ['passport.authenticate', 'auth'], ['isAuthenticated', 'auth'], ['requireUser', 'auth'], ['verifyToken', 'auth'],
    ['jwt', 'auth'], ['expressjwt', 'auth'], ['security.isAuthorized', 'auth'], ['security.denyAll', 'auth'],
    ['JwtAuthGuard', 'auth'], ['RolesGuard', 'auth'], ['protect', 'auth'], ['ensureLoggedIn', 'auth'],
    ['cors', 'cors'], ['rateLimit', 'rate-limit'], ['limiter', 'rate-limit'], ['ThrottlerGuard', 'rate-limit'],
    ['helmet.frameguard', 'other'], ['authRouter', 'other'], ['authController', 'other'], ['login', 'other'],
    ['passport.initialize', 'other'], ['security.updateAuthenticatedUsers', 'other'], ['verify.jwtChallenges', 'other'],
    ['express.json', 'other'], ['morgan', 'other'],
  ])('%s -> %s', (name, role) => {
    expect(middlewareRole(name)).toBe(role);
  });
});
