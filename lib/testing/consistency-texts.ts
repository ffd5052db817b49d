// The consistency checks' words in a language, for tests: the catalogues' ConsistencyItems, as the
// page renders them, so that a test reads the sentence a reader reads.
import { createTranslator } from 'next-intl';
import { renderCheck, type RenderedCheck } from '@/lib/consistency/render';
import { renderArg, type ItemTexts, type TextArg } from '@/lib/consistency/text';
import type { ConsistencyCheck } from '@/lib/consistency/types';
import type { Locale } from '@/lib/i18n/locales';
import en from '@/lib/i18n/messages/en.json';
import kk from '@/lib/i18n/messages/kk.json';
import ru from '@/lib/i18n/messages/ru.json';

const MESSAGES = { en, ru, kk };

export function itemTexts(locale: Locale): ItemTexts {
  const t = createTranslator({ locale, messages: MESSAGES[locale] as typeof en, namespace: 'ConsistencyItems' });
  return { locale, t, has: (key) => t.has(key) };
}

/** A check's words as the page of `locale` says them. */
export const renderedIn = (check: ConsistencyCheck, locale: Locale): RenderedCheck =>
  renderCheck(check, itemTexts(locale));

/** The check as the English page reads it: every title, role, label and note in words. */
export const inEnglish = (check: ConsistencyCheck): RenderedCheck => renderedIn(check, 'en');

/** One text as `locale` says it (English by default). */
export const say = (arg: TextArg | null | undefined, locale: Locale = 'en'): string | undefined =>
  arg === null || arg === undefined ? undefined : String(renderArg(arg, itemTexts(locale)));
