// Lint: typescript-eslint's recommended rules, plus the architecture's arrows: app → lib/data → lib/domain, with lib/db
// at the bottom (it knows no use case) and lib/startup above lib/data and lib/db. Each layer's patterns cover the
// '@/…' alias and relative paths alike ('**/lib/…'). ESLint applies one no-restricted-imports per file (the last
// matching block wins), so every folder below lists all of its own restrictions.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.next/',
      '.data/',
      'lib/generated/',
      'next-env.d.ts',
      'test-results/',
      'playwright-report/',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['lib/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['next', 'next/*', 'react', 'react-dom'], message: 'lib/domain is pure: no framework imports.' },
            {
              group: [
                '**/lib/generated/**',
                '@prisma/*',
                'pg',
                '**/lib/db/**',
                '**/lib/data/**',
                '../db/**',
                '../data/**',
                '../../db/**',
                '../../data/**',
              ],
              message: 'lib/domain is pure: no database access.',
            },
            { group: ['node:*', 'fs', 'path'], message: 'lib/domain is pure: no I/O.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Pass the time in as an argument.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Pass the time in as an argument.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Pass a seed in.',
        },
      ],
    },
  },
  {
    files: ['lib/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/lib/data/**',
                '**/lib/auth/**',
                '**/lib/jobs/**',
                '**/lib/api/**',
                '**/lib/content/**',
                '../data/**',
                '../../data/**',
                '../auth/**',
                '../../auth/**',
                '../jobs/**',
                '../../jobs/**',
                '../api/**',
                '../../api/**',
                '../content/**',
                '../../content/**',
              ],
              message: 'lib/db is the bottom layer: connections, migrations, SQL. Use cases live in lib/data.',
            },
            {
              group: ['**/lib/startup/**', '**/app/**', '../startup/**'],
              message: 'lib/db cannot import the layers above it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/data/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/app/**',
                '**/lib/api/**',
                '**/lib/jobs/**',
                '**/lib/startup/**',
                '../api/**',
                '../../api/**',
                '../jobs/**',
                '../../jobs/**',
                '../startup/**',
                '../../startup/**',
              ],
              message: 'lib/data is below app, lib/api, lib/jobs and lib/startup: they call it, never the reverse.',
            },
            {
              group: [
                '**/lib/auth/config',
                '**/lib/auth/session',
                '../auth/config',
                '../auth/session',
                '../../auth/config',
                '../../auth/session',
              ],
              message: 'lib/auth/config and lib/auth/session call lib/data; lib/data takes the Actor they make.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['app/**/*.ts', 'app/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/lib/db/**', '**/lib/generated/prisma/client', '@prisma/*'],
              message: 'Pages and routes reach the database only through lib/data.',
            },
            {
              group: ['**/*.internal'],
              message:
                'A *.internal module takes raw ids and checks nothing: call the lib/data entry point that takes an Actor.',
            },
            {
              // What a request needs of lib/auth: the Actor (session), the Auth.js handlers and sign-in/out (config),
              // who is calling (request-client) and where a redirect may go (safe-redirect). Passwords and the
              // throttle stay behind lib/data's checked entry points.
              group: [
                '**/lib/auth/**',
                '!**/lib/auth/session',
                '!**/lib/auth/config',
                '!**/lib/auth/request-client',
                '!**/lib/auth/safe-redirect',
              ],
              message:
                'Pages and actions use lib/auth/session, config, request-client and safe-redirect, nothing else of lib/auth.',
            },
            {
              // Requesting background work is a checked entry point (it takes an Actor); the queue itself is not.
              group: ['**/lib/jobs/**', '!**/lib/jobs/requests'],
              message: 'Pages and actions request background work through lib/jobs/requests only.',
            },
            { group: ['**/lib/startup/**'], message: 'Start-up runs in the launcher, not in a request.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message:
            'Use the request clock: await requestNow() from lib/clock (a browser measures elapsed time with performance.now()).',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Use the request clock: await requestNow() from lib/clock.',
        },
      ],
    },
  },
);
