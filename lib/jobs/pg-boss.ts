/** pg-boss is a CommonJS package with a default export; this is the one place that knows. */
import PgBossModule from 'pg-boss';

export const PgBoss = PgBossModule;
export type PgBoss = PgBossModule;
