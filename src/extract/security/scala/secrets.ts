// Hardcoded secrets in Scala: literals in secret-named vals / vars, named arguments and
// `"k" -> v` pairs, `sys.env.getOrElse("X", "v")` defaults, keys passed to jwt-scala
// `Jwt.encode(claim, "k", alg)` / `JwtCirce.decode(token, "k", algs)`, `Algorithm.HMAC256("k")`,
// `new SecretKeySpec(...)`, and credential formats in any string.
import type { SecretCandidateFact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import type { Extractor } from '../../types.js';
import type { CallView, Node } from '../shared/dialect.js';
import { extractSecretsWith } from '../shared/secrets-engine.js';
import { scalaDialect } from './dialect.js';

function scalaKeySinks(call: CallView): (Node | undefined)[] {
  const owner = call.path?.[0] ?? '';
  if (/^Jwt[A-Za-z]*$/.test(owner) && /^(encode|decode|decodeRaw|decodeJson|decodeAll|isValid|validate)$/.test(call.name)) return [call.args[1]];
  if (/^HMAC(256|384|512)$/.test(call.name) || (call.isNew && call.name === 'SecretKeySpec')) return [call.args[0]];
  return [];
}

export const scalaSecrets: Extractor = {
  id: 'security/scala/secrets',
  languages: ['scala'],
  extract: (file: ParsedFile): SecretCandidateFact[] => extractSecretsWith(file, scalaDialect, scalaKeySinks),
};
