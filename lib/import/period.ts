// Turns the tidy layout's (year, period) pair into a period kind with start and end dates.
// Labels that carry no machine-readable dates keep null bounds rather than guessed ones.

export type PeriodKind = 'YEAR' | 'MONTH' | 'MONTHS_TO_DATE' | 'MULTI_YEAR' | 'STOCK_AT_DATE' | 'DATE';

export interface ParsedPeriod {
  kind: PeriodKind;
  start: string | null;
  end: string | null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthEnd = (year: number, month: number) => `${year}-${pad(month)}-${pad(lastDay(year, month))}`;
const isValidDate = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
};

/** Returns null when the label is not understood; the importer reports it with its line. */
export function parsePeriod(year: number | null, label: string): ParsedPeriod | null {
  const p = label.trim();
  if (p === 'signature year' && year === null) {
    // Not signed yet (an agreement under negotiation): a state as of the dataset's vintage.
    return { kind: 'STOCK_AT_DATE', start: null, end: null };
  }
  if (p === 'FY' || p === 'signature year') {
    return year === null ? null : { kind: 'YEAR', start: `${year}-01-01`, end: `${year}-12-31` };
  }
  if (p === 'end-of-year') {
    return year === null ? null : { kind: 'STOCK_AT_DATE', start: null, end: `${year}-12-31` };
  }
  if (p === 'H1' || p === 'H2') {
    if (year === null) return null;
    return p === 'H1'
      ? { kind: 'MONTHS_TO_DATE', start: `${year}-01-01`, end: `${year}-06-30` }
      : { kind: 'MONTHS_TO_DATE', start: `${year}-07-01`, end: `${year}-12-31` };
  }
  const toDate = /^Jan-(\w{3})$/.exec(p);
  if (toDate) {
    const month = MONTHS.indexOf(toDate[1] ?? '') + 1;
    if (month < 1 || year === null) return null;
    return { kind: 'MONTHS_TO_DATE', start: `${year}-01-01`, end: monthEnd(year, month) };
  }
  const monthly = /^(\d{4})-(\d{2})(?:\s|$)/.exec(p);
  const day = /^(\d{4})-(\d{2})-(\d{2})(?:\s|$)/.exec(p);
  if (day) {
    const iso = `${day[1]}-${day[2]}-${day[3]}`;
    return isValidDate(iso) ? { kind: 'DATE', start: iso, end: iso } : null;
  }
  if (monthly) {
    const y = Number(monthly[1]);
    const m = Number(monthly[2]);
    if (m < 1 || m > 12) return null;
    return { kind: 'MONTH', start: `${y}-${pad(m)}-01`, end: monthEnd(y, m) };
  }
  const range = /(\d{4})\s*-\s*(\d{4})/.exec(p);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (from > to) return null;
    return { kind: 'MULTI_YEAR', start: `${from}-01-01`, end: `${to}-12-31` };
  }
  if (/cumulative|years|since|over /i.test(p)) return { kind: 'MULTI_YEAR', start: null, end: null };
  if (/position|as of|stock/i.test(p)) return { kind: 'STOCK_AT_DATE', start: null, end: null };
  if (/^\d{4}\b/.test(p)) {
    const y = Number(p.slice(0, 4));
    return { kind: 'YEAR', start: `${y}-01-01`, end: `${y}-12-31` };
  }
  return null;
}

/** The natural-key component for a period: never null, unlike `year`. */
export const periodKey = (year: number | null, label: string) => `${year ?? ''}|${label}`;
