// The consistency checks in Russian and Kazakh (docs/i18n.md): /ru/consistency and /kk/consistency,
// with the checks' prose and every item's title, roles, labels, notes and statistics from the
// catalogues (ConsistencyItems), numbers and amounts in the language's format, and the links that
// stay in the language. Expected words come from the catalogues; the figures' source ids from the data.
import { readFileSync } from 'node:fs';
import { expectAlternates, interfaceText, LOCALE_AMOUNT, openInLanguage } from './fixtures/i18n';
import { expect, test } from './fixtures/test';

const plain = (text: string) => text.replaceAll('\u00a0', ' ');

// Read as files: Playwright loads specs as ES modules, which import JSON only with an attribute.
const read = <T>(file: string) =>
  JSON.parse(readFileSync(new URL(`../lib/i18n/messages/${file}`, import.meta.url), 'utf8')) as T;
type Catalogue = typeof import('../lib/i18n/messages/en.json');
type ChartTexts = typeof import('../lib/i18n/messages/chart-texts/en.json');
const ru = read<Catalogue>('ru.json');
const kk = read<Catalogue>('kk.json');
const chartTextsRu = read<ChartTexts>('chart-texts/ru.json');
const chartTextsKk = read<ChartTexts>('chart-texts/kk.json');

const SCREENS = [
  {
    lang: 'ru',
    catalogue: ru,
    customsUnion: chartTextsRu.breakLabels['kaz-2010-customs-union'],
    // 27 is "many" in Russian: "из 27 членов".
    members: '27 из 27 членов',
    amountWords: 'млн долл. США',
  },
  {
    lang: 'kk',
    catalogue: kk,
    customsUnion: chartTextsKk.breakLabels['kaz-2010-customs-union'],
    members: '27 мүшенің 27',
    amountWords: 'млн АҚШ доллары',
  },
] as const;

for (const screen of SCREENS) {
  const { Consistency: words, ConsistencyItems: items } = screen.catalogue;

  test(`/${screen.lang}/consistency is in its language throughout`, async ({ page }) => {
    await openInLanguage(page, `/${screen.lang}/consistency?items=all`, {
      lang: screen.lang,
      heading: words.heading,
      nav: screen.catalogue.Layout.nav.consistency,
    });
    await expectAlternates(page, '/consistency');
    await expect(page.getByTestId('consistency-summary')).toContainText(words.summary.heading);

    // The world total the screens show for 2020 is the bureau's, in the language's amounts.
    const world = page.getByTestId('check-world-total');
    await expect(world.getByTestId('check-world-total-tolerance')).toContainText(words.section.tolerance.trim());
    const shown = world
      .getByTestId('check-item')
      .filter({ hasText: `AGG_WORLD: ${items.indicators.turnover}` })
      .filter({ hasText: '2020' })
      .getByRole('row', { name: new RegExp(items.roles.shownOfficial.replace(/[()]/g, '\\$&')) });
    await expect(shown).toContainText('bns_312101_via_makenerzhan');
    await expect(shown).toContainText(LOCALE_AMOUNT);
    expect(plain(await shown.innerText())).toContain(screen.amountWords);

    // The 2010 customs union: a known break, named in the language.
    const breaks = page.getByTestId('check-series-breaks');
    await expect(breaks.getByTestId('check-item').filter({ hasText: screen.customsUnion })).toHaveAttribute(
      'data-outcome',
      'info',
    );

    // The EU-27 rows against their members: the count agrees with its number.
    await expect(page.getByTestId('check-eu27-members-sum').getByTestId('check-item').first()).toContainText(
      screen.members,
    );
  });

  test(`/${screen.lang}/consistency: showing fewer items stays in the language`, async ({ page }) => {
    await page.goto(`/${screen.lang}/consistency?items=all`);
    const section = page.getByTestId('check-same-figure');
    await section.getByRole('link', { name: words.table.showFewer }).click();
    await expect(page).toHaveURL(new RegExp(`/${screen.lang}/consistency#same-figure$`));
    await expect(page.locator('html')).toHaveAttribute('lang', screen.lang);
    await expect(
      page.getByTestId('check-same-figure').locator(`a[href="/${screen.lang}/consistency?items=all#same-figure"]`),
    ).toBeVisible();
  });
}

test('Russian and Kazakh consistency pages have no English word of the interface left', async ({ page }) => {
  test.setTimeout(120_000);
  for (const path of ['/ru/consistency?items=all', '/kk/consistency?items=all']) {
    await page.goto(path);
    await expect(page.getByTestId('consistency-summary')).toBeVisible();
    const text = await interfaceText(page);
    for (const word of [
      'Consistency',
      'Tolerance',
      'Why it matters',
      'Difference',
      'shown on the screens',
      'official series',
      'known break',
      'Kazakhstan',
      'turnover',
      'exports',
      'imports',
      'million',
      'figure',
      'stated',
      'Show ',
      'FY 20',
      'Jan-',
      ' the ',
      ' of ',
      ' and ',
    ]) {
      expect(text, `${path}: ${word}`).not.toContain(word);
    }
  }
});
