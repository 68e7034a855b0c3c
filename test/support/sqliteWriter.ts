// A second writer on a SQLite file, run as a child process (as `habarshy lexicon add` runs beside
// a server): transactions that read, hold the write lock a moment, then write. Prints the count of
// failed transactions as JSON.
import { connect } from '../../src/db/connect.ts';

const [url, count] = process.argv.slice(2);
const handle = connect(url!);
const pause = new Int32Array(new SharedArrayBuffer(4));
let failures = 0;
for (let i = 0; i < Number(count); i++) {
  try {
    await handle.db.transaction().execute(async (trx) => {
      await trx
        .selectFrom('lexicon')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst();
      Atomics.wait(pause, 0, 0, 3);
      await trx
        .insertInto('lexicon')
        .values({ scheme: 'kk-Latn-2018', word: `сөз${process.pid}x${i}`, spelling: `soz${i}`, created_at: new Date().toISOString() })
        .execute();
    });
  } catch (error) {
    failures += 1;
    process.stderr.write(`${(error as { code?: string }).code}: ${(error as Error).message}\n`);
  }
}
await handle.close();
process.stdout.write(JSON.stringify({ failures }));
