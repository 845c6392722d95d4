import { describe, expect, it } from 'vitest';
import { classifyPythonMiddleware } from '../../../src/extract/python/middleware-roles.js';

describe('classifyPythonMiddleware', () => {
  it('recognises authentication by name', () => {
    for (const name of ['Depends(get_current_user)', 'login_required', 'jwt_required()', 'auth.login_required', 'IsAuthenticated',
      'Depends(oauth2_scheme)', 'Security(api_key_header)', 'require_auth', 'Depends(get_current_user_authorizer())', 'IsAdminUser']) {
      expect(classifyPythonMiddleware(name), name).toBe('auth');
    }
  });

  it('recognises optional authentication', () => {
    for (const name of ['Depends(get_current_user_optional)', 'Depends(get_current_user_authorizer(required=False))',
      'Depends(HTTPBearer(auto_error=False))', 'IsAuthenticatedOrReadOnly']) {
      expect(classifyPythonMiddleware(name), name).toBe('optional-auth');
    }
  });

  it('keeps unrelated dependencies, rate limits and CORS apart', () => {
    expect(classifyPythonMiddleware('Depends(get_db)')).toBe('other');
    expect(classifyPythonMiddleware('Depends(get_author_by_slug)')).toBe('other');
    expect(classifyPythonMiddleware('AllowAny')).toBe('other');
    expect(classifyPythonMiddleware('csrf_exempt')).toBe('other');
    expect(classifyPythonMiddleware('limiter.limit("5/minute")')).toBe('rate-limit');
    expect(classifyPythonMiddleware('cross_origin()')).toBe('cors');
    expect(classifyPythonMiddleware('cors_enabled')).toBe('cors');
  });
});
