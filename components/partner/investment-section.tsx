import { useLocale, useTranslations } from 'next-intl';
import type { UsdPerEurRate } from '@/lib/charts/currency';
import { FDI_CONCEPTS, groupByConcept } from '@/lib/charts/partner-profile';
import type { NewsFigure } from '@/lib/queries/news-figures';
import { NewsFiguresTable } from '@/components/news/news-figures-table';

interface InvestmentSectionProps {
  partnerName: string;
  figures: readonly NewsFigure[];
  rates: readonly UsdPerEurRate[];
}

/**
 * Foreign direct investment by concept, one table per concept that has figures: gross inflows, net
 * flows, stocks and cumulative sums measure different things and are never put on one axis or
 * added up. Concepts without a figure are named in one line instead of empty boxes.
 */
export function InvestmentSection({ partnerName, figures, rates }: InvestmentSectionProps) {
  const groups = groupByConcept(figures);
  const present = FDI_CONCEPTS.filter((c) => groups[c.code].length > 0);
  const missing = FDI_CONCEPTS.filter((c) => groups[c.code].length === 0);
  const t = useTranslations('Profile.investment');
  const locale = useLocale();
  return (
    <div className="space-y-4" data-testid="investment-concepts">
      <p className="max-w-3xl text-sm text-muted-foreground">{t('intro')}</p>
      {present.map((concept) => (
        <div
          key={concept.code}
          className="space-y-2 rounded-lg border border-border bg-card p-4"
          data-testid={`fdi-${concept.code}`}
        >
          <h3 className="text-base font-semibold">{t(`concept.${concept.code}.label`)}</h3>
          <p className="text-xs text-muted-foreground">{t(`concept.${concept.code}.explanation`)}</p>
          <NewsFiguresTable
            figures={groups[concept.code]}
            rates={rates}
            showPartner={false}
            showIndicator={false}
            caption={t('caption', { concept: t(`concept.${concept.code}.label`), partner: partnerName })}
          />
        </div>
      ))}
      {missing.length > 0 ? (
        <p className="text-xs text-muted-foreground" data-testid="fdi-missing">
          {t('missing', {
            partner: partnerName,
            list: missing.map((c) => t(`concept.${c.code}.label`).toLocaleLowerCase(locale)).join(', '),
          })}
        </p>
      ) : null}
    </div>
  );
}
