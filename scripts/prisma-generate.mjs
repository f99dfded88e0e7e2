#!/usr/bin/env node
// `prisma generate` never runs the schema engine, but the CLI insists on finding one before it starts and would try
// to download it (impossible offline). Any existing file satisfies the check; see ../shared/STACK.md.
import { spawnSync } from 'node:child_process';

const r = spawnSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  },
});
process.exit(r.status ?? 1);
