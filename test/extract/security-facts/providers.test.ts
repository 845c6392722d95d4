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
  ...'abposr'.split('').map((c) => `${rnd(`xox${c}-`, 12)}1`),
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

  it('skips ordinary text without trying the formats', () => {
    expect(CREDENTIAL_ANCHOR.test('select name, description from dcim_device where id = %s')).toBe(false);
    expect(matchProvider('Only administrators may change this setting.')).toBeUndefined();
  });
});
