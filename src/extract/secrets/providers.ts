// Known credential formats, recognised in ONE string value (a literal's value or a config value).
// Every pattern is linear: character classes with bounded or single quantifiers, no nesting.

export type Confidence = 'high' | 'medium' | 'low';

export interface ProviderFormat {
  detector: string;
  pattern: RegExp;
  confidence: Confidence;
  /** Extra check on the matched text (e.g. mixed character classes). */
  accept?: (match: string) => boolean;
}

const hasDigitAndLetter = (s: string): boolean => /[0-9]/.test(s) && /[A-Za-z]/.test(s);

export const PROVIDER_FORMATS: readonly ProviderFormat[] = [
  { detector: 'private-key', pattern: /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----/, confidence: 'high' },
  { detector: 'aws-access-key-id', pattern: /\b(AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b/, confidence: 'high' },
  { detector: 'github-token', pattern: /\b(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}/, confidence: 'high' },
  { detector: 'github-token', pattern: /\bgithub_pat_[A-Za-z0-9_]{40,}/, confidence: 'high' },
  { detector: 'gitlab-token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/, confidence: 'high' },
  { detector: 'slack-token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/, confidence: 'high', accept: hasDigitAndLetter },
  { detector: 'slack-webhook', pattern: /hooks\.slack\.com\/services\/T[A-Za-z0-9_]{6,}\/B[A-Za-z0-9_]{6,}\/[A-Za-z0-9_]{12,}/, confidence: 'high' },
  { detector: 'stripe-key', pattern: /\b[rs]k_live_[A-Za-z0-9]{16,}/, confidence: 'high' },
  { detector: 'stripe-key', pattern: /\b[rs]k_test_[A-Za-z0-9]{16,}/, confidence: 'low' },
  { detector: 'google-api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}/, confidence: 'high' },
  { detector: 'sendgrid-key', pattern: /\bSG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{30,50}/, confidence: 'high' },
  { detector: 'twilio-key', pattern: /\bSK[0-9a-f]{32}\b/, confidence: 'medium' },
  { detector: 'twilio-account-sid', pattern: /\bAC[0-9a-f]{32}\b/, confidence: 'low' },
  { detector: 'npm-token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/, confidence: 'high' },
  { detector: 'openai-key', pattern: /\bsk-(proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,}/, confidence: 'high', accept: hasDigitAndLetter },
  { detector: 'anthropic-key', pattern: /\bsk-ant-[A-Za-z0-9_-]{32,}/, confidence: 'high' },
  { detector: 'pypi-token', pattern: /\bpypi-AgE[A-Za-z0-9_-]{50,}/, confidence: 'high' },
  { detector: 'square-token', pattern: /\b(EAAA|sq0atp-|sq0csp-)[A-Za-z0-9_-]{22,}/, confidence: 'high' },
  { detector: 'slack-token', pattern: /\bxapp-[0-9]-[A-Za-z0-9-]{20,}/, confidence: 'high' },
  { detector: 'digitalocean-token', pattern: /\bdo[opr]_v1_[a-f0-9]{64}\b/, confidence: 'high' },
  { detector: 'mailchimp-key', pattern: /\b[0-9a-f]{32}-us[0-9]{1,2}\b/, confidence: 'high' },
  { detector: 'mailgun-key', pattern: /\bkey-[0-9a-f]{32}\b/, confidence: 'medium' },
  { detector: 'newrelic-key', pattern: /\bNRAK-[A-Z0-9]{27}\b/, confidence: 'high' },
  { detector: 'planetscale-token', pattern: /\bpscale_(pw|tkn|oauth)_[A-Za-z0-9_.-]{32,64}/, confidence: 'high' },
  { detector: 'shopify-token', pattern: /\bshp(at|ca|pa|ss)_[a-fA-F0-9]{32}\b/, confidence: 'high' },
  { detector: 'telegram-bot-token', pattern: /\b[0-9]{8,10}:AA[0-9A-Za-z_-]{33}\b/, confidence: 'high' },
  { detector: 'terraform-token', pattern: /\b[a-z0-9]{14}\.atlasv1\.[a-z0-9_=-]{60,70}/, confidence: 'high' },
  { detector: 'twitter-bearer-token', pattern: /\bA{22}[A-Za-z0-9%]{30,}/, confidence: 'high' },
  { detector: 'google-oauth-token', pattern: /\bya29\.[0-9A-Za-z_-]{20,}/, confidence: 'high' },
  { detector: 'jwt', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/, confidence: 'medium' },
];

/** `scheme://user:password@host`: the password part, when it is a real one. */
const URI_CREDENTIALS = /\b([a-z][a-z0-9+.-]{1,20}):\/\/([^\s:@/'"`]{1,100}):([^\s@/'"`]{1,200})@[^\s/@'"`]/i;

const URI_PASSWORD_PLACEHOLDER = /^(\*+|•+|x+|\.+|password|pass|passwd|pwd|secret|<[^>]*>|\$\{[^}]*\}|\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|%s|%\([a-z_]+\)s|:)$/i;

export interface UriCredentials {
  scheme: string;
  user: string;
  password: string;
  index: number;
  length: number;
}

/** Credentials written into a connection URI, unless the password is a placeholder. */
export function uriCredentials(value: string): UriCredentials | undefined {
  const m = URI_CREDENTIALS.exec(value);
  if (!m) return undefined;
  const [, scheme, user, password] = m as unknown as [string, string, string, string];
  if (URI_PASSWORD_PLACEHOLDER.test(password) || password.includes('{') || password.includes('$')) return undefined;
  if (user.includes('{') || user.includes('$')) return undefined;
  if (/example|changeme|your[-_]|placeholder|dummy/i.test(password)) return undefined;
  return { scheme: scheme!, user: user!, password: password!, index: m.index, length: m[0].length };
}

/**
 * Necessary condition for any match below, tried first because most strings and lines hold no
 * credential: one literal each format cannot match without (`-----BEGIN `, the AWS prefixes,
 * `gh?_`, `sk-`, `eyJ`, `:AA`, `://` for URI credentials, ...). Keep it in step with
 * PROVIDER_FORMATS (test/extract/secrets checks every format against it).
 */
export const CREDENTIAL_ANCHOR = new RegExp([
  '-----BEGIN ', 'AKIA', 'ASIA', 'AGPA', 'AIDA', 'AROA', 'ANPA', 'ANVA', 'AIPA', 'gh[pousr]_', 'github_pat_', 'glpat-',
  'xox[abposr]-', 'hooks\\.slack\\.com', '[rs]k_live_', '[rs]k_test_', 'AIza', 'SG\\.', 'SK[0-9a-f]', 'AC[0-9a-f]', 'npm_', 'sk-',
  'pypi-AgE', 'EAAA', 'sq0atp-', 'sq0csp-', 'xapp-', 'do[opr]_v1_', '-us[0-9]', 'key-', 'NRAK-', 'pscale_', 'shp(at|ca|pa|ss)_',
  ':AA', '\\.atlasv1\\.', 'A{22}', 'ya29\\.', 'eyJ', '://',
].join('|'));

export interface ProviderMatch {
  detector: string;
  confidence: Confidence;
  /** The matched credential text (for redaction). */
  match: string;
  index: number;
}

/** The first known credential format found in a value. */
export function matchProvider(value: string): ProviderMatch | undefined {
  if (!CREDENTIAL_ANCHOR.test(value)) return undefined;
  for (const format of PROVIDER_FORMATS) {
    const m = format.pattern.exec(value);
    if (!m) continue;
    if (format.accept && !format.accept(m[0])) continue;
    if (/EXAMPLE|example|XXXXXXXX|xxxxxxxx/.test(m[0]) && format.detector !== 'private-key') continue;
    return { detector: format.detector, confidence: format.confidence, match: m[0], index: m.index };
  }
  const uri = uriCredentials(value);
  if (uri) return { detector: 'uri-credentials', confidence: 'medium', match: uri.password, index: uri.index };
  return undefined;
}
