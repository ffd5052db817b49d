// The bundled catalogues are precompiled (next.config.js): next-intl's loader turns each ICU message
// into icu-minify's array form, and the bundle formats it with use-intl's format-only formatter.
// Unit tests and scripts read the plain JSON with the full formatter (intl-messageformat). This
// runs the loader itself on every catalogue file and formats every message both ways, with every
// plural form, every select option (and one the message does not list) and every tag, so the two
// paths cannot drift apart unnoticed: a page and a unit test of its words say the same.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  isArgumentElement,
  isDateElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  isTimeElement,
  parse,
  type MessageFormatElement,
} from '@formatjs/icu-messageformat-parser';
import catalogLoader from 'next-intl/extractor/catalogLoader';
import type { ReactNode } from 'react';
import { _createCache, _createIntlFormatters } from 'use-intl/core';
import formatMessage from 'use-intl/format-message';
import formatPrecompiled from 'use-intl/format-message/format-only';
import { describe, expect, it } from 'vitest';

const MESSAGES_DIR = path.join(import.meta.dirname, 'messages');
const FILES = readdirSync(MESSAGES_DIR, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.json'))
  .sort();

type LoaderContext = ThisParameterType<typeof catalogLoader>;

/** What the bundler's module for `file` exports: next-intl's loader, as next.config.js configures it. */
function precompile(file: string): Promise<unknown> {
  const source = readFileSync(file, 'utf8');
  return new Promise((resolve, reject) => {
    const context = {
      getOptions: () => ({ messages: { format: 'json', precompile: true } }),
      async: () => (error: Error | null, result?: string) => {
        if (error) return reject(error);
        const literal = /^export default JSON\.parse\((.*)\);$/s.exec(result ?? '')?.[1];
        if (literal === undefined) return reject(new Error(`Unexpected loader output for ${file}`));
        resolve(JSON.parse(JSON.parse(literal) as string));
      },
      resourcePath: file,
      rootContext: process.cwd(),
    };
    catalogLoader.call(context as unknown as LoaderContext, source);
  });
}

type Tree = { [key: string]: unknown };

function leaves(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) return out.set(prefix, tree);
  for (const [key, value] of Object.entries(tree as Tree)) {
    const id = prefix ? `${prefix}.${key}` : key;
    const isBranch = value !== null && typeof value === 'object' && !Array.isArray(value);
    if (isBranch) for (const [k, v] of leaves(value, id)) out.set(k, v);
    else out.set(id, value);
  }
  return out;
}

type Value = string | number | Date | ((chunks: ReactNode) => string);

// Both formatters hand a tag its chunks as an array.
const text = (chunks: ReactNode) => (Array.isArray(chunks) ? chunks.join('') : String(chunks));

/** Each argument's sample values (the first is its value while another argument varies). */
function samples(elements: MessageFormatElement[], out = new Map<string, Value[]>()): Map<string, Value[]> {
  for (const el of elements) {
    if (isArgumentElement(el)) out.set(el.value, [`«${el.value}»`]);
    else if (isNumberElement(el)) out.set(el.value, [1234.5, 0, -0.25]);
    else if (isDateElement(el) || isTimeElement(el)) out.set(el.value, [new Date(Date.UTC(2024, 2, 5, 14, 30))]);
    else if (isPluralElement(el)) {
      // Every CLDR category of English, Russian and Kazakh, fractions included.
      out.set(el.value, [1, 0, 2, 3, 5, 11, 12, 21, 22, 25, 101, 1.5]);
      for (const option of Object.values(el.options)) samples(option.value, out);
    } else if (isSelectElement(el)) {
      out.set(el.value, [...Object.keys(el.options).filter((k) => k !== 'other'), 'unlisted']);
      for (const option of Object.values(el.options)) samples(option.value, out);
    } else if (isTagElement(el)) {
      const tag = el.value;
      out.set(tag, [(chunks) => `<${tag}>${text(chunks)}</${tag}>`]);
      samples(el.children, out);
    }
  }
  return out;
}

/** The baseline values, then each argument through each of its samples. */
function variants(message: string): Record<string, Value>[] {
  const all = samples(parse(message));
  const base = Object.fromEntries([...all].map(([name, values]) => [name, values[0] as Value]));
  const out = [base];
  for (const [name, values] of all) for (const value of values.slice(1)) out.push({ ...base, [name]: value });
  return out;
}

function options(locale: string) {
  const cache = _createCache();
  return { cache, formatters: _createIntlFormatters(cache), locale, timeZone: 'UTC' };
}

describe('precompiled catalogues', () => {
  it('finds the catalogue files', () => {
    expect(FILES).toContain('en.json');
    expect(FILES).toContain(path.join('chart-texts', 'kk.json'));
  });

  it.each(FILES)('%s: every message formats as the plain catalogue does', async (file) => {
    const locale = path.basename(file, '.json');
    const plain = leaves(JSON.parse(readFileSync(path.join(MESSAGES_DIR, file), 'utf8')));
    const compiled = leaves(await precompile(path.join(MESSAGES_DIR, file)));
    expect([...compiled.keys()]).toEqual([...plain.keys()]);

    const reference = options(locale);
    const precompiled = options(locale);
    const differences: { key: string; values: Record<string, Value>; plain: unknown; precompiled: unknown }[] = [];
    let formatted = 0;
    for (const [key, message] of plain) {
      if (typeof message !== 'string') throw new Error(`${file}: ${key} is not a string`);
      for (const values of variants(message)) {
        const want = formatMessage(key, message, values, reference);
        const got = formatPrecompiled(key, compiled.get(key) as never, values, precompiled);
        formatted += 1;
        if (JSON.stringify(got) !== JSON.stringify(want))
          differences.push({ key, values, plain: want, precompiled: got });
      }
    }
    expect(formatted).toBeGreaterThanOrEqual(plain.size);
    expect(differences).toEqual([]);
  });
});
