// Rate-limit shapes met while measuring finding precision on real repositories (issue #4).
import { describe, expect, it } from 'vitest';
import { phpRateLimits } from '../../../src/extract/security/php/rate-limit.js';
import { rateLimitLines } from './parse.js';

describe('security/php/rate-limit: login-throttling traits', () => {
  it('emits an applied limiter for a controller using ThrottlesLogins or AuthenticatesUsers, not for other traits', async () => {
    expect(await rateLimitLines(phpRateLimits, 'app/Http/Controllers/Auth/LoginController.php', [
      '<?php',
      'namespace App\\Http\\Controllers\\Auth;',
      'use Illuminate\\Foundation\\Auth\\AuthenticatesUsers;',
      'class LoginController extends Controller',
      '{',
      '    use AuthenticatesUsers;',
      '}',
      'class ProfileController extends Controller',
      '{',
      '    use ValidatesRequests;',
      '}',
    ])).toEqual(['6 laravel-throttles-logins true -']);
  });
});
