import { formatTimestampUtc } from '@/lib/format';
import { describeItemCounts } from '@/lib/consistency/labels';
import { CHECK_OUTCOMES, type CheckOutcome, type ConsistencyReport } from '@/lib/consistency/types';
import { OutcomeBadge } from './outcome-badge';

const OUTCOME_MEANINGS: Record<CheckOutcome, string> = {
  fail: 'figures that must agree disagree beyond their tolerance',
  review: 'a difference or a possible break for a person to judge',
  not_checkable: 'a figure needed for the comparison is not stored',
  pass: 'the figures agree within their tolerance',
  info: 'figures listed side by side, nothing to pass or fail',
};

/** Counts of checks by outcome, then every check with its outcome, linked to its section. */
export function ConsistencySummary({ report }: { report: ConsistencyReport }) {
  return (
    <section aria-labelledby="summary-heading" data-testid="consistency-summary" className="space-y-4">
      <h2 id="summary-heading" className="text-lg font-semibold">
        Summary
      </h2>
      <p className="text-sm text-muted-foreground">
        {report.checks.length} checks ran against the database when this page loaded (
        {formatTimestampUtc(report.checkedAt)}).
      </p>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {CHECK_OUTCOMES.map((outcome) => (
          <div key={outcome} className="rounded-lg border border-border bg-card p-3">
            <dt className="space-y-1">
              <OutcomeBadge outcome={outcome} />
              <span className="block text-xs text-muted-foreground">{OUTCOME_MEANINGS[outcome]}</span>
            </dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`summary-count-${outcome}`}>
              {report.counts[outcome]}{' '}
              <span className="text-sm font-normal text-muted-foreground">
                {report.counts[outcome] === 1 ? 'check' : 'checks'}
              </span>
            </dd>
          </div>
        ))}
      </dl>
      <nav aria-label="Checks on this page">
        <ol className="divide-y divide-border rounded-lg border border-border bg-card text-sm">
          {report.checks.map((check) => (
            <li key={check.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-3 py-2">
              <a href={`#${check.id}`} className="font-medium underline-offset-4 hover:underline">
                {check.title}
              </a>
              <span className="flex flex-wrap items-center gap-2">
                <span className="text-xs text-muted-foreground">{describeItemCounts(check.itemCounts)}</span>
                <OutcomeBadge outcome={check.outcome} />
              </span>
            </li>
          ))}
        </ol>
      </nav>
    </section>
  );
}
