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
  // Laravel APP_KEY, mobile / open-platform `appKey`, `app_key`: the application's encryption or API key
  'appkey',
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
  // `passAs: 'header'`, `tokenIn: 'query'`: where a credential travels, not the credential
  'as', 'in', 'via',
  // `authMechanism: 'SCRAM-SHA-256'`, `auth_method: 'password'`: which kind of credential, not one
  'mechanism', 'mechanisms', 'method', 'methods', 'strategy', 'scheme', 'backend', 'plugin', 'protocol', 'realm', 'flow',
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
  // CSRF / XSRF tokens are per-session values; their names label headers, cookies and form fields
  if (words.includes('csrf') || words.includes('xsrf')) return undefined;
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

/** Services whose credentials are often stored under the service's name alone (`SONARQUBE=…`, `API_SNYK=…`). */
const SERVICES = [
  'heroku', 'snyk', 'sauce', 'saucelabs', 'sonar', 'sonarqube', 'sonarcloud', 'hockeyapp', 'hockey', 'softlayer', 'codeclimate',
  'facebook', 'datadog', 'newrelic', 'circleci', 'travis', 'bitbucket', 'pagerduty', 'algolia', 'mapbox', 'twilio', 'sendgrid',
  'mailgun', 'mailchimp', 'stripe', 'slack', 'github', 'gitlab', 'dropbox', 'okta', 'auth0', 'cloudflare', 'digitalocean', 'linode',
  'netlify', 'vercel', 'rollbar', 'bugsnag', 'honeybadger', 'mixpanel', 'amplitude', 'intercom', 'zendesk', 'shopify', 'hubspot',
  'salesforce', 'twitter', 'discord', 'telegram', 'openai', 'pusher', 'contentful', 'airtable', 'asana', 'atlassian', 'jira',
  'artifactory', 'jfrog', 'coveralls', 'codecov', 'browserstack', 'lambdatest', 'segment', 'sentry', 'nexmo', 'vonage', 'plaid',
  'square', 'paypal', 'braintree', 'postmark', 'sparkpost', 'mandrill', 'onesignal', 'firebase',
];

/** Trailing words naming something other than the credential: `SENTRY_RELEASE`, `SNYK_ORG_ID`, `HEROKU_APP_NAME`. */
const SERVICE_META = new Set([
  'release', 'commit', 'sha', 'version', 'hash', 'checksum', 'digest', 'build', 'revision', 'project', 'org', 'organization',
  'team', 'user', 'username', 'account', 'region', 'zone', 'environment', 'app', 'application', 'site', 'host', 'domain',
  'channel', 'bucket', 'cluster', 'namespace', 'workspace', 'space', 'index', 'table', 'dataset', 'queue', 'topic', 'tenant',
  'email', 'number', 'phone', 'sid', 'public', 'publishable', 'pub', 'client', 'sender', 'from', 'to', 'image', 'color', 'dsn',
]);

/** True for a name that names a credentialed service and nothing more specific (`SONARQUBE`, `api_snyk`, `hockeyapp_key`). */
export function isServiceName(name: string | undefined): boolean {
  if (!name) return false;
  const known = SERVICE_NAMES.get(name);
  if (known !== undefined) return known;
  const result = computeIsServiceName(name);
  if (SERVICE_NAMES.size >= MAX_REMEMBERED) SERVICE_NAMES.clear();
  SERVICE_NAMES.set(name, result);
  return result;
}

/** Same bounded cache as STRENGTHS: catalogs and configs repeat their keys file after file. */
const SERVICE_NAMES = new Map<string, boolean>();

function computeIsServiceName(name: string): boolean {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  if (words.length === 0) return false;
  const last = words[words.length - 1]!;
  if (SERVICE_META.has(last) || (META_WORDS.has(last) && words.length > 1)) return false;
  // `snyktoken`, `SoftLayerApiKey`: the service name may be glued to other words
  const joined = words.join('');
  return SERVICES.some((service) => joined.includes(service));
}
