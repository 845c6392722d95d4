import { describe, expect, it } from 'vitest';
import { CREDENTIAL_ANCHOR, matchProvider, PROVIDER_FORMATS } from '../../../src/extract/secrets/providers.js';

// Synthetic values built at run time so that no credential-shaped literal sits in the source.
const ALNUM = 'aB3dE5gH7jK9mN1pQ2rS4tU6vW8xY0z';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const HEX = '0123456789abcdef';
const rnd = (prefix: string, n: number, alphabet = ALNUM) =>
  prefix + Array.from({ length: n }, (_, i) => alphabet[(i * 7 + 3) % alphabet.length]).join('');

/** One or more values of every provider format. */
const SAMPLES: string[] = [
  `-----BEGIN RSA PRIVATE KEY-----\n${rnd('', 64)}`,
  ...['AKIA', 'ASIA', 'AGPA', 'AIDA', 'AROA', 'ANPA', 'ANVA', 'AIPA'].map((p) => rnd(p, 16, UPPER)),
  ...['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'].map((p) => rnd(p, 36)),
  rnd('github_pat_', 40),
  rnd('glpat-', 20),
  ...'abposre'.split('').map((c) => `${rnd(`xox${c}-`, 12)}1`),
  `https://hooks.slack.com/services/${rnd('T', 8)}/${rnd('B', 8)}/${rnd('', 16)}`,
  ...['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_'].map((p) => rnd(p, 24)),
  rnd('AIza', 35),
  `${rnd('SG.', 20)}.${rnd('', 40)}`,
  rnd('SK', 32, HEX),
  rnd('AC', 32, HEX),
  rnd('npm_', 36),
  rnd('sk-', 40),
  rnd('sk-proj-', 40),
  rnd('sk-ant-', 40),
  rnd('pypi-AgE', 60),
  ...['EAAA', 'sq0atp-', 'sq0csp-'].map((p) => rnd(p, 30)),
  rnd('xapp-1-', 24),
  ...['doo_v1_', 'dop_v1_', 'dor_v1_'].map((p) => rnd(p, 64, HEX)),
  `${rnd('', 32, HEX)}-us12`,
  rnd('key-', 32, HEX),
  rnd('NRAK-', 27, UPPER),
  ...['pscale_pw_', 'pscale_tkn_', 'pscale_oauth_'].map((p) => rnd(p, 40)),
  ...['shpat_', 'shpca_', 'shppa_', 'shpss_'].map((p) => rnd(p, 32, HEX)),
  rnd('123456789:AA', 33),
  `${rnd('', 14, HEX)}.atlasv1.${rnd('', 64, HEX)}`,
  rnd('A'.repeat(22), 40),
  rnd('ya29.', 30),
  rnd('k2sk_v1_', 24),
  rnd('A3T1', 16, UPPER),
  rnd('SK', 32, HEX.toUpperCase()),
  rnd('EAACEdEose0cBA', 40),
  ...['glptt-', 'gldt-', 'glrt-', 'GR1348941'].map((p) => rnd(p, 20)),
  rnd('whsec_', 32),
  `amzn.mws.${rnd('', 8, HEX)}-${rnd('', 4, HEX)}-${rnd('', 4, HEX)}-${rnd('', 4, HEX)}-${rnd('', 12, HEX)}`,
  rnd('da2-', 26, 'abcdefghijklmnopqrstuvwxyz0123456789'),
  rnd('AKCp', 69),
  rnd('cmVmdGtuOjAxOj', 50),
  `api_live.${rnd('', 11)}.${rnd('', 32)}`,
  `access_token$production$${rnd('', 16, HEX)}$${rnd('', 32, HEX)}`,
  rnd('hf_', 34, 'aBcDeFgHiJkLmNoPqRsTuVwXyZ'),
  rnd('dapi', 32, HEX),
  rnd('dp.pt.', 43),
  `dt0c01.${rnd('', 24, UPPER)}.${rnd('', 64, UPPER)}`,
  rnd('EZAK', 54),
  `PMAK-${rnd('', 24, HEX)}-${rnd('', 34, HEX)}`,
  rnd('pul-', 40, HEX),
  `glsa_${rnd('', 32)}_${rnd('', 8, HEX)}`,
  rnd('glc_', 40),
  rnd('lin_api_', 40),
  `xkeysib-${rnd('', 64, HEX)}-${rnd('', 16)}`,
  rnd('shippo_live_', 40, HEX),
  rnd('AGE-SECRET-KEY-1', 58, 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L'),
  rnd('ATATT3', 186),
  rnd('CLOJARS_', 60, 'abcdefghijklmnopqrstuvwxyz0123456789'),
  rnd('duffel_live_', 43),
  `FLWSECK_TEST-${rnd('', 32, 'abcdefgh0123456789')}-X`,
  rnd('fio-u-', 64),
  rnd('pnu_', 36),
  rnd('rdme_', 70, 'abcdefghijklmnopqrstuvwxyz0123456789'),
  rnd('rubygems_', 48, HEX),
  rnd('tk-us-', 48),
  rnd('sbp_', 40, HEX),
  rnd('sntryu_', 64, HEX),
  rnd('sqp_', 40, HEX),
  rnd('NRJS-', 19, HEX),
  rnd('CFPAT-', 43),
  `access-sandbox-${rnd('', 8, HEX)}-${rnd('', 4, HEX)}-${rnd('', 4, HEX)}-${rnd('', 4, HEX)}-${rnd('', 12, HEX)}`,
  rnd('tfp_', 59),
  rnd('p8e-', 32),
  rnd('sha256~', 43),
  rnd('hvs.', 95),
  rnd('r8_', 37),
  rnd('gsk_', 52),
  rnd('pplx-', 48, HEX),
  `ntn_${rnd('', 11, '0123456789')}${rnd('', 35)}`,
  `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${rnd('', 86)}==;`,
  `${rnd('', 3)}8Q~${rnd('', 34)}`,
  `https://hooks.zapier.com/hooks/catch/123456/${rnd('', 6)}/`,
  `https://discord.com/api/webhooks/${rnd('', 18, '0123456789')}/${rnd('', 68)}`,
  `$2b$10$${rnd('', 53)}`,
  `https://outlook.office.com/webhook/${rnd('', 8, HEX)}-${rnd('', 4, HEX)}-${rnd('', 4, HEX)}-${rnd('', 4, HEX)}-${rnd('', 12, HEX)}@`,
  `https://acme.webhook.office.com/webhookb2/${rnd('', 8, HEX)}-${rnd('', 4, HEX)}-${rnd('', 4, HEX)}-${rnd('', 4, HEX)}-${rnd('', 12, HEX)}@${rnd('', 8, HEX)}`,
  `${rnd('eyJ', 20)}.${rnd('eyJ', 30)}.${rnd('', 30)}`,
  `postgres://app:${rnd('', 12)}@db:5432/app`,
];

describe('provider formats', () => {
  it('has a sample for every format', () => {
    for (const format of PROVIDER_FORMATS) {
      expect(SAMPLES.some((s) => format.pattern.test(s)), format.pattern.source).toBe(true);
    }
  });

  it('never skips a value a format matches (the anchor is a necessary condition)', () => {
    for (const sample of SAMPLES) {
      expect(CREDENTIAL_ANCHOR.test(sample), sample).toBe(true);
      expect(matchProvider(`token = "${sample}"`), sample).toBeDefined();
    }
  });

  it('does not take a longer base64 run that starts like a key for the key', () => {
    const key = rnd('AIza', 35);
    expect(matchProvider(`url?key=${key}&x=1`)?.detector).toBe('google-api-key');
    expect(matchProvider(`${key}s=`)).toBeUndefined();
    expect(matchProvider(`${key}==`)).toBeUndefined();
  });

  it('reads secret query parameters of URLs, not templates or placeholders', () => {
    expect(matchProvider(`https://graph.example.org/oauth/access_token?client_id=1&client_secret=${rnd('', 32, HEX)}&grant_type=x`)?.detector).toBe('url-secret-parameter');
    expect(matchProvider('https://api.test/v1?api_key=${API_KEY}&q=1')).toBeUndefined();
    expect(matchProvider(`https://api.test/v1?api_key=abcdefghijkl\${key}`)).toBeUndefined();
    expect(matchProvider('https://api.test/v1?access_token=YOUR_ACCESS_TOKEN')).toBeUndefined();
  });

  it('reads URI passwords whatever the user part is', () => {
    expect(matchProvider(`https://{user}:${rnd('', 10)}+@git.example.org/`)?.detector).toBe('uri-credentials');
    expect(matchProvider('https://{user}:{password}@git.example.org/')).toBeUndefined();
    expect(matchProvider('https://${USER}:${PASS}@git.example.org/')).toBeUndefined();
  });

  it('skips ordinary text without trying the formats', () => {
    expect(CREDENTIAL_ANCHOR.test('select name, description from dcim_device where id = %s')).toBe(false);
    expect(matchProvider('Only administrators may change this setting.')).toBeUndefined();
  });
});
