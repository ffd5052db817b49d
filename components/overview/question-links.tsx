import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { localizedHref } from '@/lib/i18n/paths';

interface Question {
  id: string;
  /** Its question and answer in the catalogues (overview.questions.<key>). */
  key: 'euChinaRussia' | 'fastestGrowth' | 'statisticsDisagree';
  href: string;
}

/**
 * The questions the dashboard is built to answer, each one click from the overview, landing on
 * the view that answers it with its sources.
 */
const QUESTIONS: readonly Question[] = [
  { id: 'eu-china-russia', key: 'euChinaRussia', href: '/compare?partners=AGG_EU,CHN,RUS&from=2000' },
  { id: 'fastest-growth', key: 'fastestGrowth', href: '/partners?sort=cagr:desc' },
  { id: 'statistics-disagree', key: 'statisticsDisagree', href: '/mirror' },
];

/** Each link opens its screen in the page's language where that screen is translated, in English otherwise. */
export function QuestionLinks() {
  const t = useTranslations('overview.questions');
  const locale = useLocale();
  return (
    <nav aria-labelledby="questions-heading" className="space-y-2" data-testid="question-links">
      <h2 id="questions-heading" className="text-sm font-semibold text-muted-foreground">
        {t('heading')}
      </h2>
      <ul className="grid gap-3 md:grid-cols-3">
        {QUESTIONS.map((q) => (
          <li key={q.id}>
            <Link
              href={localizedHref(locale, q.href)}
              data-testid={`question-${q.id}`}
              className="block h-full rounded-lg border border-border bg-card p-3 hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
            >
              <span className="block font-medium text-accent underline-offset-2">{t(`${q.key}.question`)}</span>
              <span className="mt-1 block text-sm text-muted-foreground">{t(`${q.key}.answer`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
