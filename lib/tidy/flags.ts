// The tidy layout's flag vocabulary (see docs/import.md) and what each flag implies.
export type Qualifier = 'EXACT' | 'ABOUT' | 'AT_LEAST' | 'MORE_THAN' | 'NEARLY' | 'ESTIMATE';
export type Derivation = 'PUBLISHED' | 'DERIVED' | 'INFERRED';

interface FlagMeaning {
  qualifier: Qualifier;
  estimate: boolean;
  derivation: Derivation;
  description: string;
}

export const FLAGS: Record<string, FlagMeaning> = {
  '': { qualifier: 'EXACT', estimate: false, derivation: 'PUBLISHED', description: 'As published' },
  e: {
    qualifier: 'ESTIMATE',
    estimate: true,
    derivation: 'PUBLISHED',
    description: 'Estimate by the source (IMF "e", SDMX status E)',
  },
  derived: {
    qualifier: 'EXACT',
    estimate: false,
    derivation: 'DERIVED',
    description: 'Computed from other rows (e.g. export + import)',
  },
  'derived+e': {
    qualifier: 'ESTIMATE',
    estimate: true,
    derivation: 'DERIVED',
    description: 'Computed from rows that include an estimate',
  },
  derived_sum: { qualifier: 'EXACT', estimate: false, derivation: 'DERIVED', description: 'Sum of member rows' },
  derived_count: { qualifier: 'EXACT', estimate: false, derivation: 'DERIVED', description: 'Count of other rows' },
  inferred: {
    qualifier: 'EXACT',
    estimate: false,
    derivation: 'INFERRED',
    description: 'Implied by the source, not stated',
  },
  rounded: { qualifier: 'ABOUT', estimate: false, derivation: 'PUBLISHED', description: 'Rounded as published' },
  approximate: { qualifier: 'ABOUT', estimate: false, derivation: 'PUBLISHED', description: '"About"' },
  lower_bound: { qualifier: 'MORE_THAN', estimate: false, derivation: 'PUBLISHED', description: '"More than"' },
  upper_approximate: { qualifier: 'NEARLY', estimate: false, derivation: 'PUBLISHED', description: '"Nearly"' },
  partner_statistics: {
    qualifier: 'EXACT',
    estimate: false,
    derivation: 'PUBLISHED',
    description: "The partner's own statistics",
  },
  'partner_statistics?': {
    qualifier: 'EXACT',
    estimate: false,
    derivation: 'PUBLISHED',
    description: "Probably the partner's statistics (not stated)",
  },
  event: { qualifier: 'EXACT', estimate: false, derivation: 'PUBLISHED', description: 'Figure announced at an event' },
  base_treaty: { qualifier: 'EXACT', estimate: false, derivation: 'PUBLISHED', description: 'DESTA base treaty' },
  negotiation: {
    qualifier: 'EXACT',
    estimate: false,
    derivation: 'PUBLISHED',
    description: 'DESTA: under negotiation',
  },
};

export const QUALIFIERS: readonly Qualifier[] = ['EXACT', 'ABOUT', 'AT_LEAST', 'MORE_THAN', 'NEARLY', 'ESTIMATE'];
export const DERIVATIONS: readonly Derivation[] = ['PUBLISHED', 'DERIVED', 'INFERRED'];
