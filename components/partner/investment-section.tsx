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
  return (
    <div className="space-y-4" data-testid="investment-concepts">
      <p className="max-w-3xl text-sm text-muted-foreground">
        Foreign direct investment in Kazakhstan as quoted by officials and the press. The concepts are incompatible, so
        each has its own table: never compare a gross inflow with a stock or a cumulative sum.
      </p>
      {present.map((concept) => (
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
          />
        </div>
      ))}
      {missing.length > 0 ? (
        <p className="text-xs text-muted-foreground" data-testid="fdi-missing">
          No figure of these kinds for {partnerName}: {missing.map((c) => c.label.toLowerCase()).join(', ')}.
        </p>
      ) : null}
    </div>
  );
}
