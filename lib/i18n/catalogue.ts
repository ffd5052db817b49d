// A language's whole catalogue. The words shaping code writes (ChartTexts) live in files of their
// own, because lib/i18n/chart-texts.ts is imported by client code too: importing the whole
// catalogues there put all three languages into the browser's first-load JavaScript (35 KB gzipped).
import type chartTextsEn from './messages/chart-texts/en.json';
import type en from './messages/en.json';
import type { Locale } from './locales';

export type Catalogue = typeof en & { ChartTexts: typeof chartTextsEn };

export async function loadCatalogue(locale: Locale): Promise<Catalogue> {
  const [main, chartTexts] = await Promise.all([
    import(`./messages/${locale}.json`) as Promise<{ default: typeof en }>,
    import(`./messages/chart-texts/${locale}.json`) as Promise<{ default: typeof chartTextsEn }>,
  ]);
  return { ...main.default, ChartTexts: chartTexts.default };
}
