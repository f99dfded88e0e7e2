import { defineConfig } from 'prisma/config';

// The CLI here is used only for `prisma generate` (migrations run through scripts/db/migrate.ts, see STACK notes).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
