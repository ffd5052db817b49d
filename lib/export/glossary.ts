// What each flag, qualifier and derivation in an export means: the XLSX Flags sheet. Built from
// the importer's own vocabulary (lib/tidy/flags.ts), so a new flag is explained the day it is
// accepted.
import { DERIVATIONS, FLAGS, QUALIFIERS } from '@/lib/tidy/flags';
import { ESTIMATE_MARK, QUALIFIER_DISPLAY } from '@/lib/qualifiers';
import type { ExportGlossaryEntry } from './types';

const DERIVATION_MEANINGS: Record<(typeof DERIVATIONS)[number], string> = {
  PUBLISHED: 'Published by the source as such.',
  DERIVED:
    'Computed for this dataset from other published rows (e.g. turnover = exports + imports); see derivation_note.',
  INFERRED: 'Implied by the source but not stated (e.g. a count read from a list).',
};

/** The tidy layout's flags, the qualifiers and the derivations, one entry per value. */
export const OBSERVATION_GLOSSARY: readonly ExportGlossaryEntry[] = [
  ...Object.entries(FLAGS).map(([value, meaning]) => ({ field: 'flag', value, meaning: `${meaning.description}.` })),
  ...QUALIFIERS.map((q) => {
    const display = QUALIFIER_DISPLAY[q];
    const shown =
      q === 'ESTIMATE'
        ? ` Shown on screen with “${ESTIMATE_MARK}” after the number.`
        : display.symbol
          ? ` Shown on screen as “${display.symbol}” before the number.`
          : '';
    return { field: 'qualifier', value: q, meaning: `${display.label}.${shown}` };
  }),
  ...DERIVATIONS.map((d) => ({ field: 'derivation', value: d, meaning: DERIVATION_MEANINGS[d] })),
  {
    field: 'scale',
    value: '1, 1e3, 1e6, 1e9',
    meaning:
      'Multiply value by it to get the amount in unit (CSV/JSON write the power of ten as text; the XLSX Data sheet as a number).',
  },
  {
    field: 'reporter_code',
    value: '',
    meaning: 'Empty: the source does not say whose statistics the figure is (reporter "unspecified").',
  },
  {
    field: 'reporter_code',
    value: 'not KAZ',
    meaning:
      'Mirror data: the partner’s own statistics of its trade with Kazakhstan. Never add it to Kazakhstan-reported figures.',
  },
];
