import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/** An import rule for the files of one layer: what they may not import (values; types may cross). */
function forbid(files, groups, why) {
  return {
    files,
    ignores: ['**/*.test.ts', '**/*.int.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: groups, allowTypeImports: true, message: why }] },
      ],
    },
  };
}

function layerRules() {
  const upper = ['@/app/*', '@/components/*'];
  const data = ['@/lib/loaders/*', '@/lib/queries/*', '@/lib/sql', '@/lib/db', '@/lib/cache'];
  const writers = ['@/lib/import/*', '@/lib/export/*'];
  // Each file matches one entry: a later entry would replace an earlier one's list for the same rule.
  return [
    forbid(
      ['components/**'],
      ['@/lib/loaders/*', '@/lib/queries/*', '@/lib/sql', '@/lib/db', '@/lib/import/*'],
      'Components get their data from the page: load it in lib/loaders.',
    ),
    forbid(['lib/loaders/**'], upper, 'Loaders return plain data; the page composes components.'),
    forbid(
      ['lib/queries/**', 'lib/consistency/checks/**'],
      [...upper, '@/lib/loaders/*', '@/lib/charts/*', ...writers],
      'Queries read and return plain rows; shaping belongs to lib/charts, called by loaders and components.',
    ),
    forbid(
      ['lib/import/**'],
      [...upper, '@/lib/loaders/*', '@/lib/queries/*', '@/lib/export/*', '../*'],
      'Import and export share the tidy layout through lib/tidy, not each other (and import through @/).',
    ),
    forbid(
      ['lib/export/**'],
      [...upper, '@/lib/loaders/*', '@/lib/import/*', '../*'],
      'Import and export share the tidy layout through lib/tidy, not each other (and import through @/).',
    ),
    forbid(
      ['lib/charts/**', 'lib/consistency/*.ts', 'lib/format.ts', 'lib/tidy/**', 'lib/constants.ts'],
      [...upper, ...data, ...writers],
      'Shaping, formats and constants sit below every layer: pure functions of their inputs.',
    ),
    forbid(
      ['lib/search-params/**', 'lib/validations/**'],
      [...upper, ...data, ...writers, '@/lib/charts/*'],
      'URL vocabulary sits below every layer, shaping included.',
    ),
  ];
}

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Unused bindings are allowed when prefixed with "_" (e.g. fields dropped by destructuring).
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      // The 404 catch-all app/[locale]/[...rest] (docs/i18n.md) matches every address, so this rule
      // took plain links to the API's files (/api/sources/…) for page links; pages are linked with
      // <Link> by review and the e2e navigation tests.
      '@next/next/no-html-link-for-pages': 'off',
    },
  },
  // Layers point one way (docs/architecture.md): routes → components → loaders → queries → database,
  // with shaping, formats and URL vocabulary below them all. Type-only imports may cross a layer:
  // a component names the shape of the data it is given.
  ...layerRules(),
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.int.test.ts', 'e2e/**', 'scripts/**'],
    rules: { 'import/no-cycle': ['error', { ignoreExternal: true }] },
  },
  globalIgnores([
    '.next/**',
    'out/**',
    'build/**',
    'next-env.d.ts',
    'node_modules/**',
    'lib/generated/**',
    '.data/**',
    'test-results/**',
    'playwright-report/**',
  ]),
]);
