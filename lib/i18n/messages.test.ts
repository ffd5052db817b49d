// The catalogues stay in step: every language has exactly the English keys, each message keeps the
// same placeholders and tags, and every plural covers the plural forms of its language.
import {
  isArgumentElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  parse,
  type MessageFormatElement,
} from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from './locales';
import chartTextsEn from './messages/chart-texts/en.json';
import chartTextsKk from './messages/chart-texts/kk.json';
import chartTextsRu from './messages/chart-texts/ru.json';
import dataParamsEn from './messages/data-params/en.json';
import dataParamsKk from './messages/data-params/kk.json';
import dataParamsRu from './messages/data-params/ru.json';
import en from './messages/en.json';
import kk from './messages/kk.json';
import mapEn from './messages/map/en.json';
import mapKk from './messages/map/kk.json';
import mapRu from './messages/map/ru.json';
import overviewEn from './messages/overview/en.json';
import overviewKk from './messages/overview/kk.json';
import overviewRu from './messages/overview/ru.json';
import partnerListEn from './messages/partner-list/en.json';
import partnerListKk from './messages/partner-list/kk.json';
import partnerListRu from './messages/partner-list/ru.json';
import ru from './messages/ru.json';

// As lib/i18n/catalogue.ts puts them together (some namespaces in files of their own).
const CATALOGUES: Record<Locale, unknown> = {
  en: {
    ...en,
    ChartTexts: chartTextsEn,
    overview: overviewEn,
    partnerList: partnerListEn,
    map: mapEn,
    dataParams: dataParamsEn,
  },
  ru: {
    ...ru,
    ChartTexts: chartTextsRu,
    overview: overviewRu,
    partnerList: partnerListRu,
    map: mapRu,
    dataParams: dataParamsRu,
  },
  kk: {
    ...kk,
    ChartTexts: chartTextsKk,
    overview: overviewKk,
    partnerList: partnerListKk,
    map: mapKk,
    dataParams: dataParamsKk,
  },
};

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

interface Shape {
  /** Placeholders with their kind: "count:plural", "label:argument". */
  args: Set<string>;
  tags: Set<string>;
  plurals: { name: string; categories: string[] }[];
}

function shapeOf(message: string): Shape {
  const shape: Shape = { args: new Set(), tags: new Set(), plurals: [] };
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (isArgumentElement(element)) shape.args.add(`${element.value}:argument`);
      else if (isPluralElement(element)) {
        shape.args.add(`${element.value}:plural`);
        shape.plurals.push({ name: element.value, categories: Object.keys(element.options) });
        for (const option of Object.values(element.options)) walk(option.value);
      } else if (isSelectElement(element)) {
        shape.args.add(`${element.value}:select:${Object.keys(element.options).sort().join('|')}`);
        for (const option of Object.values(element.options)) walk(option.value);
      } else if (isTagElement(element)) {
        shape.tags.add(element.value);
        walk(element.children);
      } else if ('value' in element && typeof element.value === 'string' && element.type !== 0) {
        // number, date and time arguments: {n, number}
        shape.args.add(`${element.value}:${element.type}`);
      }
    }
  };
  walk(parse(message));
  return shape;
}

const english = flatten(CATALOGUES.en as Tree);

describe('message catalogues', () => {
  it('has messages', () => {
    expect(english.size).toBeGreaterThan(20);
  });

  for (const locale of LOCALES) {
    const messages = flatten(CATALOGUES[locale] as Tree);

    it(`${locale}: has every English key and no other`, () => {
      const missing = [...english.keys()].filter((key) => !messages.has(key));
      const extra = [...messages.keys()].filter((key) => !english.has(key));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it(`${locale}: every message parses, with the English placeholders and tags`, () => {
      const differing: string[] = [];
      for (const [key, message] of messages) {
        const reference = english.get(key);
        if (reference === undefined) continue;
        const a = shapeOf(message);
        const b = shapeOf(reference);
        const same = (x: Set<string>, y: Set<string>) => x.size === y.size && [...x].every((v) => y.has(v));
        if (!same(a.args, b.args) || !same(a.tags, b.tags)) differing.push(key);
      }
      expect(differing).toEqual([]);
    });

    it(`${locale}: every plural has each plural form of the language`, () => {
      const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      const short: string[] = [];
      for (const [key, message] of messages) {
        for (const plural of shapeOf(message).plurals) {
          if (needed.some((category) => !plural.categories.includes(category))) short.push(`${key} (${plural.name})`);
        }
      }
      expect(short).toEqual([]);
    });

    it(`${locale}: no message is empty`, () => {
      const empty = [...messages].filter(([, message]) => message.trim() === '').map(([key]) => key);
      expect(empty).toEqual([]);
    });
  }
});

describe('the test itself', () => {
  it('sees a placeholder that differs', () => {
    expect(shapeOf('{count} rows').args).not.toEqual(shapeOf('{n} rows').args);
    expect([...shapeOf('see <a>x</a>').tags]).toEqual(['a']);
  });
});
