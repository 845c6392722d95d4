// The report's languages. English is the fallback for anything else.
import { en, type Messages } from './en.js';
import { ko } from './ko.js';

export type ReportLanguage = 'en' | 'ko';
export type { Messages };

const MESSAGES: Record<ReportLanguage, Messages> = { en, ko };

export const REPORT_LANGUAGES = Object.keys(MESSAGES).sort() as ReportLanguage[];

export function messagesFor(lang: string | undefined): { lang: ReportLanguage; msg: Messages } {
  const key = (lang ?? '').toLowerCase();
  return key === 'ko' ? { lang: 'ko', msg: ko } : { lang: 'en', msg: en };
}
