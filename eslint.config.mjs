// Lint: typescript-eslint's recommended rules, plus the architecture's arrows (app → lib/data → lib/domain).
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
              group: ['@/lib/generated/*', '@prisma/*', 'pg', '@/lib/db/*', '@/lib/data/*'],
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
    files: ['app/**/*.ts', 'app/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/lib/db/*', '@/lib/generated/prisma/client', '@prisma/*'],
              message: 'Pages and routes reach the database only through lib/data.',
            },
          ],
        },
      ],
    },
  },
);
