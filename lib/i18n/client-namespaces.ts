// The catalogue namespaces that client components read through NextIntlClientProvider. Only these
// go into each page's HTML: the whole catalogue was about 90 KB of every Russian or Kazakh page,
// most of it words that only server components say. scripts/client-namespaces.test.ts fails when a
// client component reads a namespace missing here.
import type { Catalogue } from './catalogue';

export const CLIENT_NAMESPACES = [
  'Charts',
  'Compare',
  'Data',
  'DataTable',
  'ErrorView',
  'Layout',
  'MirrorScreen',
  'ConsistencyLoading',
  'Provenance',
  'Search',
  'Sources',
  'map',
  'overview',
  'partnerList',
] as const satisfies readonly (keyof Catalogue)[];

/** The part of a catalogue that client components need. */
export function clientMessages(catalogue: Catalogue): Pick<Catalogue, (typeof CLIENT_NAMESPACES)[number]> {
  return Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, catalogue[ns]])) as Pick<
    Catalogue,
    (typeof CLIENT_NAMESPACES)[number]
  >;
}
