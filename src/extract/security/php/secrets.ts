// Hardcoded secrets in PHP: `'key' => 'literal'` in config arrays, `define('SECRET', '...')`,
// constants, properties and variables with secret names, `env('APP_KEY', 'literal')` /
// `getenv('X') ?: 'v'` defaults, keys passed to firebase/php-jwt `JWT::encode($p, 'k', 'HS256')`,
// `new Key('k', ...)`, lcobucci `InMemory::plainText('k')`, `hash_hmac(..., 'k')`, openssl_* and
// credential formats in any string.
import type { SecretCandidateFact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import type { Extractor } from '../../types.js';
import type { CallView, Node } from '../shared/dialect.js';
import { extractSecretsWith } from '../shared/secrets-engine.js';
import { phpDialect } from './dialect.js';

function phpKeySinks(call: CallView): (Node | undefined)[] {
  const path = call.path?.join('::') ?? '';
  if (/(^|::)JWT::(encode|decode|sign)$/.test(path) || path === 'JWT::encode' || path === 'JWT::decode') return [call.args[1]];
  if (call.isNew && call.name === 'Key') return [call.args[0]];
  if (/^InMemory::(plainText|base64Encoded|file)$/.test(path) && call.name !== 'file') return [call.args[0]];
  switch (call.name.toLowerCase()) {
    case 'hash_hmac':
    case 'hash_hmac_file':
      return [call.args[2]];
    case 'openssl_encrypt':
    case 'openssl_decrypt':
      return [call.args[2]];
    default:
      return [];
  }
}

export const phpSecrets: Extractor = {
  id: 'security/php/secrets',
  languages: ['php'],
  extract: (file: ParsedFile): SecretCandidateFact[] => extractSecretsWith(file, phpDialect, phpKeySinks),
};
