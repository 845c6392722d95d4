// Hardcoded secrets in Go: literals held by secret-named constants, variables, struct fields and
// map keys; env helpers with a literal default (`getEnv("JWT_SECRET", "dev")`); constants passed
// as JWT / HMAC / cookie-store / cipher keys (`SignedString([]byte("k"))`, `hmac.New(h, key)`,
// keys returned by a jwt.Parse key function); credential formats in any string literal.
import type { SecretCandidateFact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import type { Extractor } from '../../types.js';
import type { CallView, Node } from '../shared/dialect.js';
import { named } from '../shared/dialect.js';
import { extractSecretsWith } from '../shared/secrets-engine.js';
import { goDialect, goPath } from './dialect.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

/** `return []byte("k"), nil` statements of a key function literal (not of nested functions). */
function returnedKeys(fn: Node | undefined): Node[] {
  if (!fn || fn.type !== 'func_literal') return [];
  const out: Node[] = [];
  const visit = (node: Node) => {
    for (const child of named(node)) {
      if (child.type === 'func_literal') continue;
      if (child.type === 'return_statement') {
        const first = named(named(child)[0])[0] ?? named(child)[0];
        if (first) out.push(first);
        continue;
      }
      visit(child);
    }
  };
  visit(fn);
  return out;
}

function goKeySinks(call: CallView): (Node | undefined)[] {
  const path = call.path?.join('.') ?? '';
  switch (call.name) {
    case 'SignedString':
      return call.receiver ? [call.args[0]] : [];
    case 'Parse':
    case 'ParseWithClaims':
      return /(^|\.)(jwt|jwtgo|jwtv\d|jwt_go)\./i.test(`${path}.`) || /jwt/i.test(call.path?.[0] ?? '') ? returnedKeys(call.args[call.args.length - 1]) : [];
    case 'NewCookieStore':
    case 'NewFilesystemStore':
    case 'NewStore':
      return /^(sessions|cookie|memstore|redistore)\./.test(path) || path === 'sessions.NewCookieStore' ? call.args.filter((a) => a.type !== 'identifier' || a.text !== 'nil') : [];
    case 'New':
      if (path === 'hmac.New') return [call.args[1]];
      if (path === 'jwtauth.New') return [call.args[1]];
      if (path === 'securecookie.New') return call.args;
      return [];
    case 'NewCipher':
      return path === 'aes.NewCipher' || path === 'des.NewCipher' ? [call.args[0]] : [];
    case 'JWT':
      return path === 'middleware.JWT' ? [call.args[0]] : [];
    default:
      return [];
  }
}

export function extractGoSecrets(file: ParsedFile): SecretCandidateFact[] {
  return extractSecretsWith(file, {
    ...goDialect,
    slots: (node) => {
      const slots = goDialect.slots(node);
      // gin-jwt: &jwt.GinJWTMiddleware{ Key: []byte("secret key") }
      if (node.type === 'keyed_element' && slots[0]?.name === 'Key') {
        const literal = node.parent?.parent;
        const type = literal?.type === 'composite_literal' ? goPath(fieldOf(literal, 'type')) : undefined;
        if (type && /JWT|Jwt|Session|Cookie/.test(type[type.length - 1]!)) return [{ ...slots[0], isKey: true }];
      }
      return slots;
    },
  }, goKeySinks);
}

export const goSecrets: Extractor = {
  id: 'security/go/secrets',
  languages: ['go'],
  extract: extractGoSecrets,
};
