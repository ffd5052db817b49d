// A tiny inline SVG line of turnover over the years, drawn on the server or the client alike (no
// chart library: a polyline per run of consecutive years, so a missing year is a gap, never a dip).
import type { useTranslations } from 'next-intl';
import { formatUsdMillions, formatYear } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';

interface SparklineProps {
  points: readonly { year: number; valueUsdMn: number }[];
  fromYear: number;
  toYear: number;
  width?: number;
  height?: number;
  /** The partner list's words, and the language of the amounts in the label. */
  t: ReturnType<typeof useTranslations<'partnerList'>>;
  locale: Locale;
}

export function Sparkline({ points, fromYear, toYear, width = 96, height = 24, t, locale }: SparklineProps) {
  if (points.length < 2)
    return <span className="text-xs text-muted-foreground">{points.length === 1 ? t('spark.oneYear') : '–'}</span>;
  const values = points.map((p) => p.valueUsdMn);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = Math.max(1, toYear - fromYear);
  const x = (year: number) => ((year - fromYear) / span) * (width - 2) + 1;
  const y = (value: number) => (max === min ? height / 2 : height - 1 - ((value - min) / (max - min)) * (height - 2));

  const runs: { year: number; valueUsdMn: number }[][] = [];
  for (const point of points) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && point.year === last.year + 1) run.push(point);
    else runs.push([point]);
  }
  const first = points[0];
  const last = points.at(-1);
  const label =
    first && last
      ? t('spark.label', {
          from: formatYear(first.year),
          to: formatYear(last.year),
          first: formatUsdMillions(first.valueUsdMn, locale),
          last: formatUsdMillions(last.valueUsdMn, locale),
          min: formatUsdMillions(min, locale),
          max: formatUsdMillions(max, locale),
          gaps: runs.length > 1 ? 'yes' : 'no',
        })
      : '';

  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      className="overflow-visible text-accent"
    >
      <title>{label}</title>
      {runs.map((run) =>
        run.length === 1 ? (
          <circle
            key={run[0]?.year}
            cx={x(run[0]?.year ?? fromYear)}
            cy={y(run[0]?.valueUsdMn ?? min)}
            r="1.5"
            fill="currentColor"
          />
        ) : (
          <polyline
            key={run[0]?.year}
            points={run.map((p) => `${x(p.year).toFixed(1)},${y(p.valueUsdMn).toFixed(1)}`).join(' ')}
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinejoin="round"
            strokeLinecap="round"
          />
        ),
      )}
      {last ? <circle cx={x(last.year)} cy={y(last.valueUsdMn)} r="2" fill="currentColor" /> : null}
    </svg>
  );
}
