// A report's words in one language: every TextArg of its checks rendered through the
// ConsistencyItems catalogue. Pure; the page calls it with its language, the integration tests with
// English, so that both read the items alike.
import { isAsWritten, renderArg, type ItemTexts, type TextArg } from './text';
import type { CheckItem, CheckValue, ConsistencyCheck, ConsistencyReport } from './types';

/** A piece of a note, and whether it is the database's English (shown with lang="en"). */
export interface NotePart {
  text: string;
  asWritten: boolean;
}

/** A rendered value: its note whole, and in pieces for the page to mark the database's English. */
export type RenderedValue = CheckValue<string> & { noteParts: NotePart[] };
export type RenderedItem = Omit<CheckItem<string>, 'values'> & { values: RenderedValue[] };
export type RenderedCheck = Omit<ConsistencyCheck<string>, 'items'> & { items: RenderedItem[] };
export type RenderedReport = Omit<ConsistencyReport<string>, 'checks'> & { checks: RenderedCheck[] };

const say = (arg: TextArg, texts: ItemTexts) => String(renderArg(arg, texts));

/** Sentences joined by spaces come apart, so that an editor's note among them can be marked. */
function noteParts(arg: TextArg, texts: ItemTexts): NotePart[] {
  if (typeof arg === 'object' && 'kind' in arg && arg.kind === 'list' && arg.separator === ' ')
    return arg.items.flatMap((item) => noteParts(item, texts));
  return [{ text: say(arg, texts), asWritten: isAsWritten(arg) }];
}

function renderValue(value: CheckValue, texts: ItemTexts): RenderedValue {
  return {
    ...value,
    role: say(value.role, texts),
    label: say(value.label, texts),
    period: say(value.period, texts),
    note: value.note === null ? null : say(value.note, texts),
    noteParts: value.note === null ? [] : noteParts(value.note, texts),
  };
}

function renderItem(item: CheckItem, texts: ItemTexts): RenderedItem {
  return {
    ...item,
    title: say(item.title, texts),
    explanation: say(item.explanation, texts),
    values: item.values.map((value) => renderValue(value, texts)),
    ranges: item.ranges.map((range) => ({ ...range, label: say(range.label, texts) })),
  };
}

export function renderCheck(check: ConsistencyCheck, texts: ItemTexts): RenderedCheck {
  return {
    ...check,
    stats: check.stats.map((s) => ({ ...s, label: say(s.label, texts) })),
    items: check.items.map((item) => renderItem(item, texts)),
  };
}

export function renderReport(report: ConsistencyReport, texts: ItemTexts): RenderedReport {
  return { ...report, checks: report.checks.map((check) => renderCheck(check, texts)) };
}
