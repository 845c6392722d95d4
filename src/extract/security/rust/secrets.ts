// Hardcoded secrets in Rust: literals in secret-named consts, statics, lets and struct fields,
// `env::var("X").unwrap_or("v".into())` defaults, keys of jsonwebtoken `EncodingKey::from_secret(b"k")`
// / `DecodingKey::from_secret`, `Hmac::new_from_slice(b"k")`, cookie `Key::from(b"...")`, and
// credential formats in any string.
import type { SecretCandidateFact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import type { Extractor } from '../../types.js';
import type { CallView, Node } from '../shared/dialect.js';
import { extractSecretsWith } from '../shared/secrets-engine.js';
import { rustDialect } from './dialect.js';

function rustKeySinks(call: CallView): (Node | undefined)[] {
  const path = call.path ?? [];
  const owner = path[path.length - 2] ?? '';
  if (/^(EncodingKey|DecodingKey)$/.test(owner) && /^from_(secret|base64_secret)$/.test(call.name)) return [call.args[0]];
  if (/^(new_from_slice|new_varkey)$/.test(call.name) && /^Hmac/.test(owner)) return [call.args[0]];
  if (owner === 'Key' && /^(from|derive_from|from_master)$/.test(call.name)) return [call.args[0]];
  return [];
}

export const rustSecrets: Extractor = {
  id: 'security/rust/secrets',
  languages: ['rust'],
  extract: (file: ParsedFile): SecretCandidateFact[] => extractSecretsWith(file, rustDialect, rustKeySinks),
};
