// The words of the XLSX README, Flags and column descriptions, in any language, for the export
// writers and provenance builders (server code outside React). Column keys, sheet names, CSV and
// JSON never go through here: programs read them, and they stay English (docs/i18n.md, "Exports").
import { createTranslator } from 'use-intl/core';
import { perLocale } from './per-locale';
import en from './messages/en.json';
import kk from './messages/kk.json';
import ru from './messages/ru.json';

const MESSAGES = { en: en.Export, ru: ru.Export, kk: kk.Export };

/** The Export translator of a language; English by default. */
export const exportTexts = perLocale((locale) =>
  createTranslator({ locale, messages: { Export: MESSAGES[locale] }, namespace: 'Export' }),
);

export type ExportTexts = ReturnType<typeof exportTexts>;
