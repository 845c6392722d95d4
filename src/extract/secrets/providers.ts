// Known credential formats, recognised in ONE string value (a literal's value or a config value).
// Every pattern is linear: character classes with bounded or single quantifiers, no nesting.
import { isPlaceholder, shannonEntropy } from './placeholder.js';

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
  { detector: 'aws-access-key-id', pattern: /\b(AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA|A3T[A-Z0-9])[A-Z0-9]{16}\b/, confidence: 'high' },
  { detector: 'github-token', pattern: /\b(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}/, confidence: 'high' },
  { detector: 'github-token', pattern: /\bgithub_pat_[A-Za-z0-9_]{40,}/, confidence: 'high' },
  { detector: 'gitlab-token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/, confidence: 'high' },
  // xoxb bot, xoxp user, xoxa/xoxr app and refresh, xoxs session, xoxo legacy, xoxe rotating (refresh / config) tokens
  { detector: 'slack-token', pattern: /\bxox[abposre]-[A-Za-z0-9-]{10,}/, confidence: 'high', accept: hasDigitAndLetter },
  { detector: 'slack-webhook', pattern: /hooks\.slack\.com\/services\/T[A-Za-z0-9_]{6,}\/B[A-Za-z0-9_]{6,}\/[A-Za-z0-9_]{12,}/, confidence: 'high' },
  { detector: 'stripe-key', pattern: /\b[rs]k_live_[A-Za-z0-9]{16,}/, confidence: 'high' },
  { detector: 'stripe-key', pattern: /\b[rs]k_test_[A-Za-z0-9]{16,}/, confidence: 'low' },
  // Exactly 39 characters: a longer run of base64 text (`...=`) merely contains the prefix.
  { detector: 'google-api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_=+/-])/, confidence: 'high' },
  { detector: 'sendgrid-key', pattern: /\bSG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{30,50}/, confidence: 'high' },
  { detector: 'twilio-key', pattern: /\bSK[0-9a-fA-F]{32}\b/, confidence: 'medium', accept: hasDigitAndLetter },
  { detector: 'twilio-account-sid', pattern: /\bAC[0-9a-f]{32}\b/, confidence: 'low' },
  { detector: 'npm-token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/, confidence: 'high' },
  { detector: 'openai-key', pattern: /\bsk-(proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,}/, confidence: 'high', accept: hasDigitAndLetter },
  { detector: 'anthropic-key', pattern: /\bsk-ant-[A-Za-z0-9_-]{32,}/, confidence: 'high' },
  { detector: 'pypi-token', pattern: /\bpypi-AgE[A-Za-z0-9_-]{50,}/, confidence: 'high' },
  { detector: 'facebook-token', pattern: /\bEAA(CEdEose0cBA|AACZAVC6ygB|AAZAw4)[0-9A-Za-z]{20,}/, confidence: 'high' },
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
  { detector: 'kolide-key', pattern: /\bk2sk_v1_[0-9A-Za-z]{24}/, confidence: 'high' },
  // Microsoft Teams / Office 365 incoming webhooks: the URL alone lets anyone post into the channel.
  { detector: 'office-webhook', pattern: /\boutlook\.office(365)?\.com\/webhook(b2)?\/[0-9a-f]{8}-[0-9a-f-]{27}@/, confidence: 'high' },
  { detector: 'office-webhook', pattern: /\.webhook\.office\.com\/webhookb2\/[0-9a-f]{8}-[0-9a-f-]{27}@/, confidence: 'high' },
  { detector: 'gitlab-token', pattern: /\bgl(ptt|dt|rt|cbt|oas|ft|soat|imt|agent)-[A-Za-z0-9_-]{20,}/, confidence: 'high' },
  { detector: 'gitlab-token', pattern: /\bGR1348941[A-Za-z0-9_-]{20}/, confidence: 'high' },
  { detector: 'stripe-key', pattern: /\bwhsec_[A-Za-z0-9]{32,}/, confidence: 'high' },
  { detector: 'amazon-mws-token', pattern: /\bamzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/, confidence: 'high' },
  { detector: 'aws-appsync-key', pattern: /\bda2-[a-z0-9]{26}\b/, confidence: 'medium', accept: hasDigitAndLetter },
  { detector: 'artifactory-token', pattern: /\bAKCp[A-Za-z0-9]{10,}/, confidence: 'medium', accept: hasDigitAndLetter },
  { detector: 'artifactory-token', pattern: /\bcmVmdGtuOjAxOj[A-Za-z0-9]{40,}/, confidence: 'high' },
  { detector: 'onfido-token', pattern: /\bapi_live(_[a-z]{2})?\.[A-Za-z0-9_-]{11}\.[A-Za-z0-9_-]{32}/, confidence: 'high' },
  { detector: 'braintree-token', pattern: /\baccess_token\$production\$[0-9a-z]{16}\$[0-9a-z]{32}/, confidence: 'high' },
  { detector: 'huggingface-token', pattern: /\bhf_[A-Za-z]{34}\b/, confidence: 'high', accept: (m) => /[A-Z]/.test(m) && /[a-z]/.test(m.slice(3)) },
  { detector: 'databricks-token', pattern: /\bdapi[a-f0-9]{32}(-[0-9])?\b/, confidence: 'high', accept: hasDigitAndLetter },
  { detector: 'doppler-token', pattern: /\bdp\.(pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}\b/, confidence: 'high' },
  { detector: 'dynatrace-token', pattern: /\bdt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}\b/, confidence: 'high' },
  { detector: 'easypost-key', pattern: /\bEZ[AT]K[A-Za-z0-9]{54}\b/, confidence: 'high' },
  { detector: 'postman-key', pattern: /\bPMAK-[a-f0-9]{24}-[a-f0-9]{34}\b/, confidence: 'high' },
  { detector: 'pulumi-token', pattern: /\bpul-[a-f0-9]{40}\b/, confidence: 'high' },
  { detector: 'grafana-token', pattern: /\bglsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}\b/, confidence: 'high' },
  { detector: 'grafana-token', pattern: /\bglc_[A-Za-z0-9+/]{32,400}/, confidence: 'high', accept: hasDigitAndLetter },
  { detector: 'linear-key', pattern: /\blin_api_[A-Za-z0-9]{40}\b/, confidence: 'high' },
  { detector: 'sendinblue-key', pattern: /\bxkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}\b/, confidence: 'high' },
  { detector: 'shippo-token', pattern: /\bshippo_live_[a-f0-9]{40}\b/, confidence: 'high' },
  { detector: 'age-secret-key', pattern: /\bAGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}\b/, confidence: 'high' },
  { detector: 'atlassian-token', pattern: /\bATATT3[A-Za-z0-9_=-]{150,}/, confidence: 'high' },
  { detector: 'clojars-token', pattern: /\bCLOJARS_[a-z0-9]{60}\b/, confidence: 'high' },
  { detector: 'duffel-token', pattern: /\bduffel_live_[A-Za-z0-9_=-]{43}/, confidence: 'high' },
  { detector: 'flutterwave-key', pattern: /\bFLWSECK(_TEST)?-[a-h0-9]{32}-X\b/, confidence: 'high' },
  { detector: 'frameio-token', pattern: /\bfio-u-[A-Za-z0-9_=-]{64}/, confidence: 'high' },
  { detector: 'prefect-token', pattern: /\bpnu_[A-Za-z0-9]{36}\b/, confidence: 'high' },
  { detector: 'readme-key', pattern: /\brdme_[a-z0-9]{70}\b/, confidence: 'high' },
  { detector: 'rubygems-token', pattern: /\brubygems_[a-f0-9]{48}\b/, confidence: 'high' },
  { detector: 'scalingo-token', pattern: /\btk-us-[A-Za-z0-9_-]{48}\b/, confidence: 'high' },
  { detector: 'supabase-token', pattern: /\bsbp_[a-f0-9]{40}\b/, confidence: 'high' },
  { detector: 'sentry-token', pattern: /\bsntry[us]_[A-Za-z0-9+/=_-]{40,}/, confidence: 'high' },
  { detector: 'sonarqube-token', pattern: /\bsq[pua]_[a-f0-9]{40}\b/, confidence: 'high' },
  { detector: 'newrelic-key', pattern: /\bNR(II|AA|JS)-[a-f0-9A-Z]{19,32}\b/, confidence: 'medium' },
  { detector: 'contentful-token', pattern: /\bCFPAT-[A-Za-z0-9_-]{43}\b/, confidence: 'high' },
  { detector: 'plaid-token', pattern: /\baccess-(sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/, confidence: 'high' },
  { detector: 'typeform-token', pattern: /\btfp_[A-Za-z0-9_.=-]{59}/, confidence: 'high' },
  { detector: 'adobe-key', pattern: /\bp8e-[A-Za-z0-9]{32}\b/, confidence: 'high', accept: hasDigitAndLetter },
  { detector: 'openshift-token', pattern: /\bsha256~[A-Za-z0-9_-]{43}\b/, confidence: 'high' },
  { detector: 'vault-token', pattern: /\bhv[sb]\.[A-Za-z0-9_-]{90,300}/, confidence: 'high' },
  { detector: 'replicate-token', pattern: /\br8_[A-Za-z0-9]{37}\b/, confidence: 'high', accept: hasDigitAndLetter },
  { detector: 'groq-key', pattern: /\bgsk_[A-Za-z0-9]{52}\b/, confidence: 'high' },
  { detector: 'perplexity-key', pattern: /\bpplx-[a-f0-9]{48}\b/, confidence: 'high' },
  { detector: 'notion-token', pattern: /\bntn_[0-9]{11}[A-Za-z0-9]{35}\b/, confidence: 'high' },
  { detector: 'azure-storage-key', pattern: /\bAccountKey=[A-Za-z0-9+/]{86}==/, confidence: 'high' },
  { detector: 'azure-client-secret', pattern: /(?<![A-Za-z0-9_~.])[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/, confidence: 'high', accept: hasDigitAndLetter },
  { detector: 'zapier-webhook', pattern: /hooks\.zapier\.com\/hooks\/catch\/[0-9]{4,}\/[A-Za-z0-9]{5,}/, confidence: 'high' },
  { detector: 'discord-webhook', pattern: /discord(app)?\.com\/api\/webhooks\/[0-9]{17,20}\/[A-Za-z0-9_-]{60,}/, confidence: 'high' },
  { detector: 'bcrypt-hash', pattern: /\$2[aby]?\$[0-9]{2}\$[./A-Za-z0-9]{53}/, confidence: 'low' },
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
  // The user part may be a template (`https://{user}:pw@host`): the password is still written into the code.
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
  'xox[abposre]-', 'hooks\\.slack\\.com', '[rs]k_live_', '[rs]k_test_', 'AIza', 'SG\\.', 'SK[0-9a-f]', 'AC[0-9a-f]', 'npm_', 'sk-',
  'pypi-AgE', 'EAAA', 'sq0atp-', 'sq0csp-', 'xapp-', 'do[opr]_v1_', '-us[0-9]', 'key-', 'NRAK-', 'pscale_', 'shp(at|ca|pa|ss)_',
  ':AA', '\\.atlasv1\\.', 'A{22}', 'ya29\\.', 'k2sk_v1_', 'outlook\\.office', 'webhook\\.office\\.com', 'eyJ', '://', 'A3T', 'EAA',
  'gl(ptt|dt|rt|cbt|oas|ft|soat|imt|agent)-', 'GR1348941', 'whsec_', 'amzn\\.mws\\.', 'da2-', 'AKCp', 'cmVmdGtu', 'api_live', 'access_token\\$',
  'hf_', 'dapi', 'dp\\.', 'dt0c01\\.', 'EZ[AT]K', 'PMAK-', 'pul-', 'glsa_', 'glc_', 'lin_api_', 'xkeysib-', 'shippo_', 'AGE-SECRET-KEY-',
  'ATATT3', 'CLOJARS_', 'duffel_', 'FLWSECK', 'fio-u-', 'pnu_', 'rdme_', 'rubygems_', 'tk-us-', 'sbp_', 'sntry', 'sq[pua]_', 'NR(II|AA|JS)-',
  'CFPAT-', 'access-', 'tfp_', 'p8e-', 'sha256~', 'hv[sb]\\.', 'r8_', 'gsk_', 'pplx-', 'ntn_', 'AccountKey=', 'Q~', 'hooks\\.zapier',
  'discord', '\\$2[aby]?\\$',
].join('|'));

/** `?client_secret=…`, `&access_token=…`, `?api_key=…` in a URL: a credential passed in the query string. */
const URL_SECRET_PARAMETER = /[?&](client_secret|access_token|api_key|apikey|api-key|private_token|auth_token|secret|password)=([^&#\s"'`<>{}$%]{12,200})/i;

export function urlSecretParameter(value: string): { name: string; value: string; index: number } | undefined {
  if (!value.includes('://') || !value.includes('=')) return undefined;
  const m = URL_SECRET_PARAMETER.exec(value);
  if (!m) return undefined;
  const secret = m[2]!;
  // `?api_key=abc${key}`: the value goes on as a template or a format directive
  if (/[{}$%]/.test(value[m.index + m[0].length] ?? '')) return undefined;
  if (isPlaceholder(secret) || !/[0-9]/.test(secret) || !/[A-Za-z]/.test(secret) || shannonEntropy(secret) < 3) return undefined;
  return { name: m[1]!, value: secret, index: m.index + m[1]!.length + 2 };
}

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
  const param = urlSecretParameter(value);
  if (param) return { detector: 'url-secret-parameter', confidence: 'medium', match: param.value, index: param.index };
  return undefined;
}
