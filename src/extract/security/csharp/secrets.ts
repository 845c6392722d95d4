// Hardcoded secrets in C#: literals in secret-named constants, fields, properties, locals and
// initializers, `Environment.GetEnvironmentVariable("X") ?? "v"` / `config["Jwt:Key"] ?? "v"`
// defaults, keys of `new SymmetricSecurityKey(Encoding.UTF8.GetBytes("k"))` and `new HMACSHA256(...)`,
// and credential formats in any string.
import type { SecretCandidateFact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import type { Extractor } from '../../types.js';
import type { CallView, Node } from '../shared/dialect.js';
import { extractSecretsWith } from '../shared/secrets-engine.js';
import { csharpDialect } from './dialect.js';

function csKeySinks(call: CallView): (Node | undefined)[] {
  if (call.isNew && /^(SymmetricSecurityKey|HMACSHA1|HMACSHA256|HMACSHA384|HMACSHA512|HMACMD5|HMACSHA3_256|HMACSHA3_512|HmacSha256|SecretKeySpec)$/.test(call.name)) return [call.args[0]];
  if (call.name === 'HashData' && /^HMAC/.test(call.path?.[0] ?? '')) return [call.args[0]];
  return [];
}

export const csharpSecrets: Extractor = {
  id: 'security/csharp/secrets',
  languages: ['csharp'],
  extract: (file: ParsedFile): SecretCandidateFact[] => extractSecretsWith(file, csharpDialect, csKeySinks),
};
