// A language's whole catalogue. Namespaces that code outside React reads (ChartTexts, overview,
// partnerList, map, dataParams, each through its lib/i18n/*-texts.ts) live in files of their own,
// so that those modules load only their words. Client code imported them once, and the whole
// catalogues there put all three languages into the browser's first-load JavaScript (35 KB
// gzipped); now it may not import them at all (scripts/client-namespaces.test.ts).
import type chartTextsEn from './messages/chart-texts/en.json';
import type dataParamsEn from './messages/data-params/en.json';
import type en from './messages/en.json';
import type mapEn from './messages/map/en.json';
import type overviewEn from './messages/overview/en.json';
import type partnerListEn from './messages/partner-list/en.json';
import type { Locale } from './locales';

export type Catalogue = typeof en & {
  ChartTexts: typeof chartTextsEn;
  overview: typeof overviewEn;
  partnerList: typeof partnerListEn;
  map: typeof mapEn;
  dataParams: typeof dataParamsEn;
};

export async function loadCatalogue(locale: Locale): Promise<Catalogue> {
  const [main, chartTexts, overview, partnerList, map, dataParams] = await Promise.all([
    import(`./messages/${locale}.json`) as Promise<{ default: typeof en }>,
    import(`./messages/chart-texts/${locale}.json`) as Promise<{ default: typeof chartTextsEn }>,
    import(`./messages/overview/${locale}.json`) as Promise<{ default: typeof overviewEn }>,
    import(`./messages/partner-list/${locale}.json`) as Promise<{ default: typeof partnerListEn }>,
    import(`./messages/map/${locale}.json`) as Promise<{ default: typeof mapEn }>,
    import(`./messages/data-params/${locale}.json`) as Promise<{ default: typeof dataParamsEn }>,
  ]);
  return {
    ...main.default,
    ChartTexts: chartTexts.default,
    overview: overview.default,
    partnerList: partnerList.default,
    map: map.default,
    dataParams: dataParams.default,
  };
}
