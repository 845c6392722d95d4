// Hardcoded secrets in Java and Kotlin: literals in secret-named fields, constants, locals and
// properties, `@Value("${jwt.secret:fallback}")` defaults, env lookups with a literal default,
// constants passed as JWT / HMAC keys (java-jwt `Algorithm.HMAC256("k")`, jjwt `signWith(alg, "k")`,
// `Keys.hmacShaKeyFor`, `new SecretKeySpec`, nimbus `MACSigner`), and credential formats in any literal.
import type { SecretCandidateFact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import type { Extractor } from '../../types.js';
import type { CallView, Node } from '../shared/dialect.js';
import { extractSecretsWith } from '../shared/secrets-engine.js';
import { javaDialect, kotlinDialect } from './dialect.js';

export function jvmKeySinks(call: CallView): (Node | undefined)[] {
  const name = call.name;
  if (/^HMAC(256|384|512)$/.test(name)) return [call.args[0]];
  if (name === 'signWith' || name === 'setSigningKey' || name === 'verifyWith' || name === 'decryptWith' || name === 'encryptWith') {
    // signWith(SignatureAlgorithm.HS256, "k"), signWith("k".getBytes(), ...), setSigningKey("k")
    return call.args.filter((a) => !/SignatureAlgorithm|Jwts\.SIG|MacAlgorithm/.test(a.text));
  }
  if (name === 'hmacShaKeyFor' || name === 'MACSigner' || name === 'MACVerifier' || name === 'MacSigner' || name === 'SecretKeySpec') return [call.args[0]];
  if (name === 'HmacUtils' && call.isNew) return [call.args[1]];
  if (/^hmacSha(1|256|384|512)(Hex)?$/.test(name) && call.path?.[0] === 'HmacUtils') return [call.args[0]];
  return [];
}

export const javaSecrets: Extractor = {
  id: 'security/java/secrets',
  languages: ['java'],
  extract: (file: ParsedFile): SecretCandidateFact[] => extractSecretsWith(file, javaDialect, jvmKeySinks),
};

export const kotlinSecrets: Extractor = {
  id: 'security/kotlin/secrets',
  languages: ['kotlin'],
  extract: (file: ParsedFile): SecretCandidateFact[] => extractSecretsWith(file, kotlinDialect, jvmKeySinks),
};
