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
 * Foreign direct investment by concept, one table per concept: gross inflows, net flows, stocks and
 * cumulative sums measure different things and are never put on one axis or added up.
 */
export function InvestmentSection({ partnerName, figures, rates }: InvestmentSectionProps) {
  const groups = groupByConcept(figures);
  return (
    <section aria-labelledby="investment-heading" className="space-y-3" data-testid="investment-section">
      <h2 id="investment-heading" className="text-lg font-semibold">
        Investment from {partnerName}
      </h2>
      <p className="max-w-3xl text-sm text-muted-foreground">
        Foreign direct investment in Kazakhstan as quoted by officials and the press; there is no official series by
        partner here. The concepts are incompatible, so each has its own table: never compare a gross inflow with a
        stock or a cumulative sum.
      </p>
      <div className="space-y-4">
        {FDI_CONCEPTS.map((concept) => (
          <div
            key={concept.code}
            className="space-y-2 rounded-lg border border-border bg-card p-4"
            data-testid={`fdi-${concept.code}`}
          >
            <h3 className="text-base font-semibold">{concept.label}</h3>
            <p className="text-xs text-muted-foreground">{concept.explanation}</p>
            <NewsFiguresTable
              figures={groups[concept.code]}
              rates={rates}
              showPartner={false}
              showIndicator={false}
              caption={`${concept.label} of foreign direct investment from ${partnerName}`}
              emptyMessage="No figure of this kind."
            />
          </div>
        ))}
      </div>
    </section>
  );
}
