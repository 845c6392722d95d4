// C# JWT facts (Microsoft.IdentityModel / System.IdentityModel.Tokens.Jwt):
// TokenValidationParameters with ValidateLifetime / RequireExpirationTime = false (no-expiry),
// RequireSignedTokens = false (unsigned tokens accepted), a SignatureValidator that skips the check
// (no-verify), IssuerSigningKey / SymmetricSecurityKey built from a literal (hardcoded-key),
// ReadJwtToken / ReadToken without a ValidateToken in the same method (decode-only), and
// new JwtSecurityToken(...) / SecurityTokenDescriptor without or with a long expiry.
import type { Fact, JwtCallFact, JwtIssue } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { loc, walk } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { constNumber, evalConst } from '../core/const-eval.js';
import { callView, type Node } from '../core/expr.js';
import { hardcodedText } from '../core/keys.js';
import { FileValues } from '../core/values.js';
import { csharpLang, named } from './lang.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

const LIBRARY = 'microsoft-identitymodel';
const ONE_DAY = 86400;

export const csharpJwtCalls: Extractor = {
  id: 'csharp/jwt-calls',
  languages: ['csharp'],
  keywords: ['TokenValidationParameters', 'Validate', 'RequireSignedTokens', 'RequireExpirationTime', 'ReadJwtToken', 'ReadToken', 'JwtSecurityToken', 'SecurityTokenDescriptor', 'SymmetricSecurityKey', 'SignatureValidator'],
  extract(file: ParsedFile): Fact[] {
    if (file.tree.kind !== 'tree-sitter') return [];
    const values = new FileValues(csharpLang, file.tree.tree.rootNode);
    const facts: Fact[] = [];
    const add = (node: Node, operation: JwtCallFact['operation'], issue: JwtIssue, detail: string) =>
      facts.push({ kind: 'jwt-call', library: LIBRARY, operation, issues: [issue], detail, location: loc(file.path, node) });
    walk(values.root, (node) => {
      if (node.type === 'assignment_expression') settingIssue(values, node, add);
      return undefined;
    });
    for (const call of values.calls) {
      const view = callView(csharpLang, call);
      if (!view) continue;
      if (!view.isNew && (view.method === 'ReadJwtToken' || view.method === 'ReadToken' || view.method === 'ReadJsonWebToken')) {
        const scope = values.scopeNodeOf(call);
        const verified = values.calls.some((c) => c.startIndex >= scope.startIndex && c.endIndex <= scope.endIndex
          && /^(ValidateToken|ValidateTokenAsync|ValidateJwtToken)$/.test(callView(csharpLang, c)?.method ?? ''));
        if (!verified) add(call, 'decode', 'decode-only', `${view.method} without ValidateToken`);
        continue;
      }
      if (view.isNew && view.method === 'JwtSecurityToken') {
        // JwtSecurityToken(issuer, audience, claims, notBefore, expires, signingCredentials)
        if (view.args.length === 1 && view.named.size === 0) continue; // parsing a token string
        const expires = view.named.get('expires') ?? view.args[4];
        if (!expires || /^null$/.test(expires.text)) add(call, 'sign', 'no-expiry', 'JwtSecurityToken without expires');
        else {
          const seconds = addedSeconds(values, expires);
          if (seconds !== undefined && seconds > ONE_DAY) add(call, 'sign', 'long-expiry', `expires ${Math.round(seconds / ONE_DAY)} days ahead`);
        }
        continue;
      }
      if (view.isNew && view.method === 'SymmetricSecurityKey') {
        const key = view.args[0];
        const inValidation = ancestorCreation(call, 'TokenValidationParameters');
        const hard = key ? hardcodedText(values, key) : undefined;
        if (hard) add(call, inValidation ? 'verify' : 'sign', 'hardcoded-key', hard === 'fallback' ? 'literal fallback signing key' : 'literal signing key');
      }
    }
    return facts;
  },
};

function ancestorCreation(node: Node, type: string): boolean {
  for (let cur = node.parent; cur; cur = cur.parent) {
    if (cur.type === 'object_creation_expression' && fieldOf(cur, 'type')?.text === type) return true;
    if (cur.type === 'method_declaration') return false;
  }
  return false;
}

type Add = (node: Node, operation: JwtCallFact['operation'], issue: JwtIssue, detail: string) => void;

/** `ValidateLifetime = false` in an initializer or as `parameters.ValidateLifetime = false`. */
function settingIssue(values: FileValues, node: Node, add: Add): void {
  const left = fieldOf(node, 'left');
  const right = fieldOf(node, 'right');
  if (!left || !right) return;
  const prop = left.type === 'identifier' ? left.text : left.type === 'member_access_expression' ? fieldOf(left, 'name')?.text : undefined;
  if (!prop) return;
  const inInitializer = node.parent?.type === 'initializer_expression';
  const owner = inInitializer ? node.parent?.parent : undefined;
  const ownerType = fieldOf(owner, 'type')?.text ?? '';
  if (inInitializer && ownerType && !/TokenValidationParameters|SecurityTokenDescriptor|JwtBearerOptions/.test(ownerType)) return;
  const isFalse = evalConst(values, right) === false;
  switch (prop) {
    case 'ValidateLifetime':
    case 'RequireExpirationTime':
      if (isFalse) add(node, 'verify', 'no-expiry', `${prop} = false`);
      return;
    case 'RequireSignedTokens':
      if (isFalse) add(node, 'verify', 'none-algorithm', 'RequireSignedTokens = false');
      return;
    case 'SignatureValidator': {
      // (token, parameters) => new JwtSecurityToken(token): the signature is never checked
      const body = fieldOf(right, 'body');
      const returned = body && (body.type === 'object_creation_expression' ? body : named(body).find((c) => c.type === 'return_statement') ? named(named(body).find((c) => c.type === 'return_statement'))[0] : undefined);
      if (returned?.type === 'object_creation_expression' && /JwtSecurityToken|JsonWebToken/.test(fieldOf(returned, 'type')?.text ?? '')) add(node, 'verify', 'no-verify', 'SignatureValidator returns the token unchecked');
      return;
    }
    case 'IssuerSigningKey':
    case 'TokenDecryptionKey': {
      const created = callView(csharpLang, right);
      if (created?.isNew && created.method === 'SymmetricSecurityKey') return; // reported at the key creation
      return;
    }
    case 'Expires': {
      if (!inInitializer || !/SecurityTokenDescriptor/.test(ownerType)) return;
      const seconds = addedSeconds(values, right);
      if (seconds !== undefined && seconds > ONE_DAY) add(node, 'sign', 'long-expiry', `Expires ${Math.round(seconds / ONE_DAY)} days ahead`);
      return;
    }
    default:
      return;
  }
}

const UNIT: Record<string, number> = { AddSeconds: 1, AddMinutes: 60, AddHours: 3600, AddDays: 86400, AddMonths: 2592000, AddYears: 31536000 };

/** `DateTime.UtcNow.AddDays(30)` -> seconds added to now. */
function addedSeconds(values: FileValues, node: Node): number | undefined {
  const view = callView(csharpLang, node);
  if (!view || !(view.method in UNIT)) return undefined;
  const n = constNumber(values, view.args[0]);
  return n === undefined ? undefined : n * UNIT[view.method]!;
}
