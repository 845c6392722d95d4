// MoAI-ADK conventions (src/engine/moai.ts): SPEC-IDs, the configured language, the report path.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MoaiTagFact } from '../../src/core/facts.js';
import {
  configuredLanguage, detectSpecId, moaiReportPath, normaliseSpecId, readMoaiContext, reportLanguage, specIdOf, specStatus,
} from '../../src/engine/moai.js';
import { at } from './sample-result.js';

const FIXTURE = join(import.meta.dirname, '..', '..', 'fixtures', 'apps', 'moai-korean');
const tag = (value: string): MoaiTagFact => ({ kind: 'moai-tag', tag: value, location: at('src/a.ts', 1) });

describe('SPEC-IDs', () => {
  it('accepts SPEC-<WORD>(-<WORD>)*-<3 digits>, with or without the SPEC- prefix', () => {
    expect(normaliseSpecId('SPEC-AUTH-001')).toBe('SPEC-AUTH-001');
    expect(normaliseSpecId('AUTH-001')).toBe('SPEC-AUTH-001');
    expect(normaliseSpecId('SPEC-USER-PROFILE2-123')).toBe('SPEC-USER-PROFILE2-123');
    for (const bad of ['SPEC-auth-001', 'SPEC-AUTH-01', 'SPEC-AUTH-0001', 'SPEC-001', 'SPEC-1AUTH-001', 'AUTH', '']) {
      expect(normaliseSpecId(bad), bad).toBeUndefined();
    }
  });

  it('reads the id and status of a SPEC document', () => {
    const doc = '---\nid: AUTH-002\nstatus: Completed\n---\n\n# @SPEC:AUTH-002\n';
    expect(specStatus(doc)).toBe('completed');
    expect(specStatus('# no front matter')).toBeNull();
    expect(specStatus('---\n: [broken\n---\n')).toBeNull();
    expect(specIdOf('SPEC-AUTH-001', doc)).toBe('SPEC-AUTH-001');
    expect(specIdOf('SPEC-draft', doc)).toBe('SPEC-AUTH-002');
    expect(specIdOf('SPEC-draft', undefined)).toBeUndefined();
  });

  it('takes the one active SPEC, else the one @SPEC TAG of the code, else none', () => {
    const specs = (...list: [string, string | null][]) => ({ specs: list.map(([id, status]) => ({ id, status })) });
    expect(detectSpecId(specs(['SPEC-AUTH-001', 'active'], ['SPEC-OLD-001', 'completed']), [])).toBe('SPEC-AUTH-001');
    expect(detectSpecId(specs(['SPEC-AUTH-001', null]), [tag('@SPEC:OTHER-001')])).toBe('SPEC-AUTH-001');
    expect(detectSpecId(specs(['SPEC-A-001', 'draft'], ['SPEC-B-001', 'active']), [tag('@SPEC:B-001'), tag('@API:A-001')])).toBe('SPEC-B-001');
    expect(detectSpecId(specs(['SPEC-A-001', 'draft'], ['SPEC-B-001', 'active']), [])).toBeUndefined();
    expect(detectSpecId(undefined, [tag('@SPEC:AUTH-001'), tag('@SPEC:AUTH-001')])).toBe('SPEC-AUTH-001');
    expect(detectSpecId(undefined, [tag('@SPEC:AUTH-001'), tag('@SPEC:PAY-001')])).toBeUndefined();
    expect(detectSpecId(undefined, [tag('@SPEC:NOT-A-SPEC')])).toBeUndefined();
  });

  it('puts the report under .moai/docs', () => {
    expect(moaiReportPath('SPEC-AUTH-001')).toBe('.moai/docs/backend-architecture-SPEC-AUTH-001.md');
    expect(moaiReportPath(undefined)).toBe('.moai/docs/backend-architecture.md');
  });
});

describe('report language', () => {
  it('prefers language.documentation, then conversation_language, in MoAI reading order', () => {
    expect(configuredLanguage([
      { path: '.moai/config.json', text: '{"language": {"documentation": "en"}}' },
      { path: '.moai/config/sections/language.yaml', text: 'language:\n  conversation_language: ko\n' },
    ])).toEqual({ language: 'en', source: '.moai/config.json' });
    expect(configuredLanguage([
      { path: '.moai/config.json', text: '{"language": {"conversation_language": "en"}}' },
      { path: '.moai/config/sections/language.yaml', text: 'language:\n  conversation_language: ko\n' },
    ])).toEqual({ language: 'ko', source: '.moai/config/sections/language.yaml' });
    expect(configuredLanguage([{ path: '.moai/config/config.yaml', text: 'conversation_language: ko\n' }])?.language).toBe('ko');
    expect(configuredLanguage([{ path: '.moai/config/config.yaml', text: 'language: [unclosed\n' }])).toBeUndefined();
    expect(configuredLanguage([])).toBeUndefined();
  });

  it('maps configured values to a report language, English by default', () => {
    expect(['ko', 'KO', 'ko-KR', 'ko_KR', 'korean', '한국어'].map(reportLanguage)).toEqual(['ko', 'ko', 'ko', 'ko', 'ko', 'ko']);
    expect(['en', 'english', 'ja', '', undefined].map(reportLanguage)).toEqual(['en', 'en', 'en', 'en', 'en']);
  });

  it('reads the Korean fixture: one active SPEC and language ko', () => {
    expect(readMoaiContext(FIXTURE)).toEqual({
      specs: [{ id: 'SPEC-AUTH-001', status: 'active' }],
      language: 'ko',
      languageSource: '.moai/config/config.yaml',
    });
    expect(readMoaiContext(join(FIXTURE, 'src'))).toEqual({ specs: [] });
  });
});
