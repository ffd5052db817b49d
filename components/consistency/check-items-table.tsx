import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { selectVisibleItems } from '@/lib/consistency/outcome';
import type { RenderedCheck, RenderedItem, RenderedValue } from '@/lib/consistency/render';
import type { Qualifier } from '@/lib/consistency/types';
import {
  formatAsPublished,
  formatQuantity,
  formatRelativeDifference,
  formatSignedQuantity,
  MISSING,
} from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { localizedHref } from '@/lib/i18n/paths';
import { consistencyItemsHref, DEFAULT_OTHER_ITEMS_PER_CHECK } from '@/lib/search-params/consistency';
import { OutcomeBadge } from './outcome-badge';

/** Qualifiers with a word in the catalogue (Consistency.table.qualifiers); an exact figure has none. */
const LABELLED_QUALIFIERS = new Set<Qualifier>(['ABOUT', 'NEARLY', 'MORE_THAN', 'AT_LEAST', 'ESTIMATE']);
type LabelledQualifier = 'ABOUT' | 'NEARLY' | 'MORE_THAN' | 'AT_LEAST' | 'ESTIMATE';
const isLabelled = (qualifier: Qualifier | null): qualifier is LabelledQualifier =>
  qualifier !== null && LABELLED_QUALIFIERS.has(qualifier);

type Column = 'figure' | 'value' | 'period' | 'source' | 'relative' | 'note';

const RIGHT_ALIGNED = new Set<Column>(['value', 'relative']);

type Texts = ReturnType<typeof useTranslations<'Consistency'>>;

const CURRENCIES = new Set(['USD', 'EUR']);

/** The published digits are worth showing only where they differ from the absolute value shown. */
const showsPublished = (value: RenderedValue) =>
  value.published !== null && (value.published.scale !== 0 || CURRENCIES.has(value.unit));

// Cell styles are set once on the table (hundreds of rows: per-cell classes would weigh more than the data).
const TABLE_CLASSES = [
  'w-full border-collapse text-sm',
  '[&_td]:px-3 [&_td]:py-1.5 [&_td]:align-top',
  '[&_tbody_th]:px-3 [&_tbody_th]:py-1.5 [&_tbody_th]:text-left [&_tbody_th]:align-top [&_tbody_th]:font-normal',
  '[&_.num]:text-right [&_.num]:tabular-nums',
  '[&_.sub]:block [&_.sub]:text-xs [&_.sub]:text-muted-foreground',
].join(' ');

/**
 * Every item of a check as a group of rows: a header row with the item's outcome, difference and
 * explanation, then one row per figure with its value (converted to an absolute amount, the
 * published digits beside it), period, source and note. Failing items come first and are never
 * left out; long lists of passes and information show their first items, with a link to all.
 */
export function CheckItemsTable({ check, showAllItems }: { check: RenderedCheck; showAllItems: boolean }) {
  const t = useTranslations('Consistency');
  const locale = useLocale();
  const title = t(`checks.${check.id}.title`);
  // The comparison column only where the check compares figures with a preferred one.
  const compares = check.items.some((item) => item.values.some((value) => value.relativeToReference !== null));
  const columns: Column[] = [
    'figure',
    'value',
    'period',
    'source',
    ...(compares ? (['relative'] as const) : []),
    'note',
  ];
  const items = selectVisibleItems(check.items, showAllItems, DEFAULT_OTHER_ITEMS_PER_CHECK);
  const hidden = check.items.length - items.length;
  const canCollapse = selectVisibleItems(check.items, false, DEFAULT_OTHER_ITEMS_PER_CHECK).length < check.items.length;

  return (
    <div className="space-y-2">
      {/* Focusable so that keyboard users can scroll it; the header stays in view while it scrolls. */}
      <div
        role="region"
        aria-label={t('table.region', { title })}
        tabIndex={0}
        className="max-h-[40rem] overflow-auto rounded-lg border border-border bg-card focus-visible:outline-2 focus-visible:outline-accent"
        data-testid={`check-${check.id}-items`}
      >
        <table className={TABLE_CLASSES}>
          <caption className="sr-only">{t('table.caption', { title })}</caption>
          <thead className="sticky top-0 z-10 bg-card">
            <tr>
              {columns.map((column) => (
                <th
                  key={column}
                  scope="col"
                  className={`bg-card px-3 py-2 font-semibold whitespace-nowrap shadow-[inset_0_-1px_0_var(--color-border)] ${RIGHT_ALIGNED.has(column) ? 'text-right' : 'text-left'}`}
                >
                  {t(`table.columns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          {items.length === 0 ? (
            <tbody>
              <tr>
                <td colSpan={columns.length} className="py-8 text-muted-foreground">
                  <span className="sticky left-3">{t('table.empty')}</span>
                </td>
              </tr>
            </tbody>
          ) : (
            items.map((item) => <ItemRows key={item.key} item={item} columns={columns} t={t} locale={locale} />)
          )}
        </table>
      </div>
      {canCollapse ? (
        <p className="text-sm text-muted-foreground">
          {hidden > 0 ? `${t('table.showing', { shown: items.length, total: check.items.length })} ` : null}
          <Link
            href={localizedHref(locale, consistencyItemsHref(check.id, hidden > 0))}
            className="font-medium text-foreground underline underline-offset-2 hover:text-accent"
          >
            {hidden > 0 ? t('table.showAll', { total: check.items.length }) : t('table.showFewer')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

interface ItemRowsProps {
  item: RenderedItem;
  columns: readonly Column[];
  t: Texts;
  locale: Locale;
}

function ItemRows({ item, columns, t, locale }: ItemRowsProps) {
  const compares = columns.includes('relative');
  return (
    <tbody
      data-testid="check-item"
      data-outcome={item.outcome}
      className="border-t-2 border-border first-of-type:border-t-0"
    >
      <tr className="bg-muted/60">
        <th scope="rowgroup" colSpan={columns.length} className="py-2!">
          {/* Sticky and no wider than the screen, so the text stays readable while the figures scroll sideways. */}
          <div className="sticky left-3 max-w-[calc(100vw-4rem)] space-y-1 sm:max-w-4xl">
            <p className="flex flex-wrap items-center gap-2">
              <OutcomeBadge outcome={item.outcome} />
              <span className="font-semibold">{item.title}</span>
            </p>
            {item.difference ? (
              <p>
                {t('table.difference')}{' '}
                <strong className="tabular-nums">
                  {formatSignedQuantity(item.difference.value, item.difference.unit, locale)}
                </strong>
                {item.difference.relative !== null && item.difference.unit !== 'ratio' ? (
                  <span className="tabular-nums"> ({formatRelativeDifference(item.difference.relative, locale)})</span>
                ) : null}
              </p>
            ) : null}
            {item.ranges.map((range) => (
              <p key={range.label}>
                {range.label}:{' '}
                <span className="tabular-nums">
                  {t('table.range', {
                    low: formatQuantity(range.low, range.unit, locale),
                    high:
                      range.high === null ? t('table.noUpperLimit') : formatQuantity(range.high, range.unit, locale),
                  })}
                </span>
              </p>
            ))}
            <p className="text-muted-foreground">{item.explanation}</p>
          </div>
        </th>
      </tr>
      {item.values.map((value, index) => (
        <ValueRow key={`${value.role}-${index}`} value={value} compares={compares} t={t} locale={locale} />
      ))}
    </tbody>
  );
}

interface ValueRowProps {
  value: RenderedValue;
  compares: boolean;
  t: Texts;
  locale: Locale;
}

function ValueRow({ value, compares, t, locale }: ValueRowProps) {
  const qualifier = isLabelled(value.qualifier) ? t(`table.qualifiers.${value.qualifier}`) : null;
  const derivation =
    value.derivation && value.derivation !== 'PUBLISHED' ? t(`table.derivations.${value.derivation}`) : null;
  return (
    <tr className={`border-t border-border ${value.preferred ? 'bg-info/40' : ''}`}>
      <th scope="row" className="min-w-36 sm:min-w-48">
        <span className="sub font-medium tracking-wide uppercase">{value.role}</span>
        {value.label}
      </th>
      <td className="num min-w-40 sm:min-w-52">
        <span className="whitespace-nowrap">{formatQuantity(value.value, value.unit, locale)}</span>
        {showsPublished(value) && value.published ? (
          <span className="sub">
            {t('table.asPublished', {
              value: formatAsPublished(value.published.value, value.published.scale, value.unit, locale),
            })}
          </span>
        ) : null}
        {qualifier || derivation ? (
          <span className="sub">{[qualifier, derivation].filter(Boolean).join(', ')}</span>
        ) : null}
      </td>
      <td className="whitespace-nowrap">{value.period}</td>
      <td className="min-w-60">
        {value.sourceIds.length === 0
          ? MISSING
          : value.sourceIds.map((id) => (
              <a
                key={id}
                href="/api/sources"
                className="block font-mono text-xs break-all underline underline-offset-2 hover:text-accent"
              >
                {id}
              </a>
            ))}
      </td>
      {compares ? (
        <td className="num whitespace-nowrap">
          {value.relativeToReference === null ? (
            <span className="text-muted-foreground">{MISSING}</span>
          ) : (
            formatRelativeDifference(value.relativeToReference, locale)
          )}
        </td>
      ) : null}
      <td className="min-w-60 text-xs text-muted-foreground">
        {value.noteParts.map((part, index) => (
          // An editor's note or a source's flag is the database's English: marked, so that screen readers switch voice.
          <span key={index} lang={part.asWritten ? 'en' : undefined}>
            {index > 0 ? ' ' : null}
            {part.text}
          </span>
        ))}
      </td>
    </tr>
  );
}
