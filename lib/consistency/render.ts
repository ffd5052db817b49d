// A report's words in one language: every TextArg of its checks rendered through the
// ConsistencyItems catalogue. Pure; the page calls it with its language, the integration tests with
// English, so that both read the items alike.
import { isAsWritten, renderArg, type ItemTexts, type TextArg } from './text';
import type { CheckItem, CheckValue, ConsistencyCheck, ConsistencyReport } from './types';

/** A rendered value, and whether its note is the database's English (shown with lang="en"). */
export type RenderedValue = CheckValue<string> & { noteAsWritten: boolean };
export type RenderedItem = Omit<CheckItem<string>, 'values'> & { values: RenderedValue[] };
export type RenderedCheck = Omit<ConsistencyCheck<string>, 'items'> & { items: RenderedItem[] };
export type RenderedReport = Omit<ConsistencyReport<string>, 'checks'> & { checks: RenderedCheck[] };

const say = (arg: TextArg, texts: ItemTexts) => String(renderArg(arg, texts));

function renderValue(value: CheckValue, texts: ItemTexts): RenderedValue {
  return {
    ...value,
    role: say(value.role, texts),
    label: say(value.label, texts),
    period: say(value.period, texts),
    note: value.note === null ? null : say(value.note, texts),
    noteAsWritten: isAsWritten(value.note),
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
