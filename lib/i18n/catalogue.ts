// A language's whole catalogue. Namespaces that code outside React reads (ChartTexts through
// chart-texts.ts, overview through overview-texts.ts) live in files of their own, because client
// code imports those modules too: importing the whole catalogues there put all three languages
// into the browser's first-load JavaScript (35 KB gzipped).
import type chartTextsEn from './messages/chart-texts/en.json';
import type en from './messages/en.json';
import type overviewEn from './messages/overview/en.json';
import type { Locale } from './locales';

export type Catalogue = typeof en & { ChartTexts: typeof chartTextsEn; overview: typeof overviewEn };

export async function loadCatalogue(locale: Locale): Promise<Catalogue> {
  const [main, chartTexts, overview] = await Promise.all([
    import(`./messages/${locale}.json`) as Promise<{ default: typeof en }>,
    import(`./messages/chart-texts/${locale}.json`) as Promise<{ default: typeof chartTextsEn }>,
    import(`./messages/overview/${locale}.json`) as Promise<{ default: typeof overviewEn }>,
  ]);
  return { ...main.default, ChartTexts: chartTexts.default, overview: overview.default };
}
