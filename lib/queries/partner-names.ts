// Every partner's names in the three languages, as parallel arrays for unnest(): the screens that
// sort partners by name sort by `places` (lib/i18n/collation.ts), and a name search matches the
// Russian and Kazakh names in every language, so that the export (English names) of a Russian
// page's search finds the page's rows.
import 'server-only';
import { z } from 'zod';
import { cachedQuery } from '@/lib/cache';
import { alphabeticalPlaces } from '@/lib/i18n/collation';
import type { Locale } from '@/lib/i18n/locales';
import { withPartnerNames } from '@/lib/i18n/partner-names';
import { sql } from '@/lib/sql';
import { runQuery } from './run-query';

export interface PartnerNames {
  codes: string[];
  /** In the language asked for. */
  names: string[];
  ru: string[];
  kk: string[];
  /** Each name's place in that language's alphabetical order. */
  places: number[];
}

// The partner table alone: the data screen's queries and its downloads read this first, and it
// must not wait on anything the observations' tables wait on.
async function partnersUncached() {
  return runQuery('partnerNames', {}, async () =>
    z
      .array(z.object({ code: z.string(), name: z.string(), nameRu: z.string().nullable() }))
      .parse(await sql`SELECT code, name, name_ru AS "nameRu" FROM partner ORDER BY code`),
  );
}
/** Every partner's code, English name and Russian name as the partner table holds them. */
export const getPartnerNameRows = cachedQuery('partnerNames.partners', partnersUncached);

export async function partnerNames(locale: Locale = 'en'): Promise<PartnerNames> {
  const all = await getPartnerNameRows();
  const codes = all.map((p) => p.code);
  const names = withPartnerNames(locale, all).map((p) => p.name);
  return {
    codes,
    names,
    places: alphabeticalPlaces(locale, names, codes),
    ru: withPartnerNames('ru', all).map((p) => p.name),
    kk: withPartnerNames('kk', all).map((p) => p.name),
  };
}
