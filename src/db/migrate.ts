// Runs the frozen migrations in src/db/migrations/ (listed here so bundlers and tests see them).
import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { Db } from './connect.ts';
import * as m0001 from './migrations/0001_initial.ts';
import * as m0002 from './migrations/0002_api_keys.ts';
import * as m0003 from './migrations/0003_distribution.ts';
import * as m0004 from './migrations/0004_newsroom.ts';
import * as m0008 from './migrations/0008_search.ts';

const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_api_keys': m0002,
  '0003_distribution': m0003,
  '0004_newsroom': m0004,
  '0008_search': m0008,
};

function migrator(db: Db): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
}

function check(result: MigrationResultSet): string[] {
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return (result.results ?? []).map((r) => `${r.direction === 'Up' ? 'applied' : 'reverted'} ${r.migrationName}`);
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  return check(await migrator(db).migrateToLatest());
}

export async function migrateDown(db: Db): Promise<string[]> {
  return check(await migrator(db).migrateDown());
}

export async function migrateAllDown(db: Db): Promise<string[]> {
  const done: string[] = [];
  for (;;) {
    const step = await migrateDown(db);
    if (step.length === 0) return done;
    done.push(...step);
  }
}
