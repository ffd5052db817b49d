import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { IgnoredParamsNotice } from '@/components/layout/ignored-params-notice';
import { WideSection } from '@/components/layout/wide-section';
import { MirrorSection } from '@/components/mirror/mirror-section';
import { MirrorToolbar } from '@/components/mirror/mirror-toolbar';
import { mirrorMinSizeLabels } from '@/components/mirror/mirror-toolbar-labels';
import { SourceCredit } from '@/components/provenance/source-credit';
import { languageMetadata, localizedHref } from '@/lib/i18n/paths';
import { loadMirror } from '@/lib/loaders/mirror';
import type { RawSearchParams } from '@/lib/search-params/shared';

/** The command that adds a newer IMF release: a command line, the same in every language. */
const IMPORT_COMMAND = 'npm run import -- DOTS_<country>.xlsx --source-id <id>';

export async function generateMetadata(): Promise<Metadata> {
  const [t, locale] = await Promise.all([getTranslations('MirrorScreen'), getLocale()]);
  return { title: t('title'), description: t('description'), ...languageMetadata(locale, '/mirror') };
}

export default async function MirrorPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const [locale, t, tBar] = await Promise.all([
    getLocale(),
    getTranslations('MirrorScreen'),
    getTranslations('MirrorScreen.toolbar'),
  ]);
  const { params, ignored, years, gaps, sources } = await loadMirror(await searchParams, locale);
  return (
    <WideSection className="space-y-5">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">{t('heading')}</h1>
        <p className="max-w-3xl text-sm text-muted-foreground">
          {t.rich('intro', {
            // The dataset's title, as published (docs/i18n.md, citations).
            cite: (chunks) => (
              <cite className="not-italic" lang="en">
                {chunks}
              </cite>
            ),
          })}
        </p>
        <p className="max-w-3xl text-sm" data-testid="mirror-coverage">
          {t.rich('coverage', {
            first: String(gaps.firstYear ?? '—'),
            last: String(gaps.lastYear ?? '—'),
            command: IMPORT_COMMAND,
            code: (chunks) => (
              <code className="text-xs" lang="en">
                {chunks}
              </code>
            ),
            link: (chunks) => (
              <Link className="underline" href={localizedHref(locale, '/sources')}>
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>
      <IgnoredParamsNotice ignored={ignored} />
      <MirrorToolbar params={params} years={years} minSizeLabels={mirrorMinSizeLabels(tBar, locale)} />
      <MirrorSection gaps={gaps} params={params} />
      <p className="text-xs text-muted-foreground">
        {t('notes')} <SourceCredit sources={sources} />
      </p>
    </WideSection>
  );
}
