// Which variable, property and key names hold secrets. Pure string logic, no syntax.

/** Splits `jwtSecretKey`, `JWT_SECRET_KEY`, `jwt-secret.key` into lower-case words. */
export function nameWords(name: string): string[] {
  const last = name.split(/[.[\]'"]/).filter(Boolean).pop() ?? name;
  return last
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Key material: whatever literal such a name holds is the key itself. */
const STRONG = new Set([
  'secret', 'secrets', 'secretkey', 'secretorkey', 'secretorprivatekey', 'clientsecret', 'consumersecret', 'appsecret',
  'apisecret', 'jwtsecret', 'jwtkey', 'signingkey', 'signingsecret', 'sessionsecret', 'cookiesecret', 'authsecret',
  'apikey', 'apitoken', 'privatekey', 'encryptionkey', 'hmackey', 'hmacsecret', 'masterkey', 'accesskey', 'secretaccesskey',
  'awssecretaccesskey', 'accesskeyid', 'tokensecret', 'webhooksecret', 'cryptokey', 'cipherkey', 'aeskey',
]);

/** Words that make a name secret-bearing (passwords, tokens, credentials). */
const WEAK_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase', 'token', 'credential', 'credentials', 'auth']);

/** Trailing words that make the name *about* a secret rather than the secret itself. */
const META_WORDS = new Set([
  'url', 'uri', 'endpoint', 'path', 'file', 'filename', 'dir', 'name', 'type', 'field', 'label', 'placeholder',
  'header', 'prefix', 'suffix', 'length', 'len', 'min', 'max', 'expiry', 'expires', 'expiration', 'ttl', 'timeout',
  'regex', 're', 'pattern', 'policy', 'hint', 'message', 'msg', 'error', 'errors', 'id', 'ids', 'hash', 'hashed', 'validator',
  'algorithm', 'alg', 'algorithms', 'format', 'input', 'column', 'col', 'param', 'query', 'mode', 'count', 'enabled',
  'required', 'reset', 'strength', 'rules', 'rule', 'changed', 'at', 'date', 'time', 'version', 'location', 'env', 'var',
  'variable', 'title', 'text', 'description', 'help', 'route', 'link', 'template', 'confirm', 'confirmation', 'button', 'class',
  'style', 'icon', 'visible', 'show', 'hidden', 'size', 'limit', 'lifetime', 'age', 'store', 'storage', 'cookie', 'param',
  'keys', 'list', 'names', 'provider', 'service', 'manager', 'generator', 'helper', 'util', 'utils', 'schema', 'model',
  'field', 'selector', 'id', 'ref', 'source', 'scope', 'scopes', 'audience', 'issuer', 'kind', 'usage', 'event', 'events',
  'address', 'addr', 'contract', 'tooltip', 'advice', 'repeat', 'caption', 'prompt', 'status', 'state', 'flag', 'option',
]);

/** Leading words of UI-text keys: LABEL_PASSWORD, TITLE_FORGOT_PASSWORD, MANDATORY_PASSWORD, passwordPlaceholder. */
const UI_TEXT_FIRST_WORDS = new Set([
  'label', 'lbl', 'title', 'mandatory', 'show', 'hide', 'forgot', 'invalid', 'remove', 'initial', 'confirm', 'enter',
  'placeholder', 'tooltip', 'msg', 'message', 'error', 'err', 'hint', 'button', 'btn', 'heading', 'description', 'help',
  'prompt', 'caption', 'text', 'txt', 'i18n', 'warn', 'warning', 'info', 'success', 'notify', 'notification', 'missing',
  'wrong', 'incorrect', 'weak', 'strong', 'min', 'max', 'validate', 'validation', 'is', 'has', 'should', 'can', 'use', 'uses',
]);

/** Names that contain a secret word but name something else. */
const NOT_SECRET = new Set([
  'passport', 'bypass', 'compass', 'passthrough', 'passenger', 'tokenizer', 'tokens', 'author', 'authority', 'authorize',
  'authorization', 'authorized', 'authenticated', 'authentication', 'oauth', 'authmode', 'authtype', 'authors',
]);

export type NameStrength = 'strong' | 'weak';

/**
 * 'strong' for key-material names (secret, apiKey, SECRET_KEY, clientSecret), 'weak' for passwords,
 * tokens and credentials, undefined for names that do not hold secrets (tokenUrl, passwordField).
 */
export function secretNameStrength(name: string | undefined): NameStrength | undefined {
  if (!name) return undefined;
  const known = STRENGTHS.get(name);
  if (known !== undefined) return known || undefined;
  const strength = computeStrength(name);
  if (STRENGTHS.size >= MAX_REMEMBERED) STRENGTHS.clear();
  STRENGTHS.set(name, strength ?? '');
  return strength;
}

// The same names come up again and again (every `password=` keyword argument): a bounded cache of
// this pure function of one string ('' for "not a secret name").
const STRENGTHS = new Map<string, NameStrength | ''>();
const MAX_REMEMBERED = 20000;

function computeStrength(name: string): NameStrength | undefined {
  const words = nameWords(name);
  if (words.length === 0) return undefined;
  const lastWord = words[words.length - 1]!;
  if (UI_TEXT_FIRST_WORDS.has(words[0]!) && words.length > 1) return undefined;
  // A key-material name at the end wins over meta words: aws_access_key_id, client_secret
  for (let i = 0; i < words.length; i++) {
    if (STRONG.has(words.slice(i).join(''))) return 'strong';
  }
  if (META_WORDS.has(lastWord) && words.length > 1) return undefined;
  const compact = words.join('');
  if (NOT_SECRET.has(compact) || NOT_SECRET.has(lastWord)) return undefined;
  if (words.includes('secret') || words.includes('secrets')) return 'strong';
  if (words.some((w) => WEAK_WORDS.has(w))) {
    // 'passwordKey' / 'tokenKey' name a storage slot more often than key material.
    if (lastWord === 'key' && words.length > 1) return undefined;
    if (words.length === 1 && (lastWord === 'auth' || lastWord === 'pass')) return undefined;
    return 'weak';
  }
  return undefined;
}

export function isSecretName(name: string | undefined): boolean {
  return secretNameStrength(name) !== undefined;
}
