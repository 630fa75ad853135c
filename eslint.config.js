import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The web's feature folders, read from disk so a new feature is fenced in the day it appears.
 * See docs/architecture.md, "Web: feature boundaries".
 */
const WEB_SRC = './web/src';
const features = readdirSync(new URL(`${WEB_SRC}/features`, import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const webBoundaries = [
  // A feature imports shared code and its own folder, never another feature.
  ...features.map((feature) => ({
    target: `${WEB_SRC}/features/${feature}`,
    from: `${WEB_SRC}/features`,
    except: [`./${feature}`],
    message: 'A feature imports only shared code (shared/, lib/, components/, styles/) and its own folder: move what both need to web/src/shared.',
  })),
  // Features are composed by the routes (app/) and layouts, never the other way round.
  {
    target: `${WEB_SRC}/features`,
    from: [`${WEB_SRC}/app`, `${WEB_SRC}/layouts`],
    message: 'Features do not import routes or layouts: pass what they need as props.',
  },
  // Shared code knows no feature, route or layout.
  ...['shared', 'lib', 'components', 'styles'].map((dir) => ({
    target: `${WEB_SRC}/${dir}`,
    from: [`${WEB_SRC}/features`, `${WEB_SRC}/app`, `${WEB_SRC}/layouts`],
    message: 'Shared code imports only shared code.',
  })),
];

/** Query keys come from a `queryOptions()` factory in the endpoint's file (or a root in shared/query-keys.ts), never an inline array. */
const inlineQueryKeys = [
  {
    selector:
      "CallExpression:not([callee.name=/^(queryOptions|infiniteQueryOptions)$/]) > ObjectExpression > Property[key.name='queryKey'][value.type='ArrayExpression']",
    message: 'Build the key in the endpoint file with queryOptions()/infiniteQueryOptions() and use its .queryKey.',
  },
  {
    selector:
      "CallExpression[callee.property.name=/^(setQueryData|getQueryData|getQueryState|ensureQueryData|fetchQuery|prefetchQuery)$/] > ArrayExpression.arguments:first-child",
    message: "Use the endpoint's queryOptions(...).queryKey instead of an inline array.",
  },
];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'api/drizzle/**', '**/.screenshots/**', 'web/test/fixtures/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json', '.css'] })],
      // Which imported files import-x parses to follow their imports (no-cycle needs the .ts/.tsx ones).
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      // basePath: zones are relative to the repository, whatever directory ESLint runs from (tests run it from api/).
      'import-x/no-restricted-paths': ['error', { basePath: fileURLToPath(new URL('.', import.meta.url)), zones: webBoundaries }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-syntax': ['error', ...inlineQueryKeys],
    },
  },
);
