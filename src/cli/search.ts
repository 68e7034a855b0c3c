// `habarshy search reindex`: analyzes every article again (after a change of the analysis, or to
// repair the index), in batches, each in its own transaction, with a progress bar.
import { migrate, openDatabase } from '../services/database.ts';
import { reindexAll } from '../search/indexer.ts';
import { UsageError, type Command } from './command.ts';
import { progressBar } from './progress.ts';

const HELP = `Usage:
  habarshy search reindex

Rebuilds the full-text search index from the articles: every article is analyzed again (word
forms, scripts, Chinese words) in batches of 500, each in its own transaction, and rows of
articles that no longer exist are removed. Readers can keep searching meanwhile.

Environment: DATABASE_URL (postgres://… or sqlite:FILE; default sqlite in DATA_DIR), DATA_DIR (default ./data).`;

export const searchCommand: Command = {
  summary: 'the full-text search index: reindex (rebuild it from the articles)',
  help: HELP,
  options: {},
  positionals: true,
  async run(_values, positionals, loadConfig) {
    if (positionals.length !== 1 || positionals[0] !== 'reindex') throw new UsageError(`expected reindex\n\n${HELP}`);
    const config = loadConfig();
    const handle = openDatabase(config.databaseUrl);
    try {
      await migrate(handle);
      let bar: ReturnType<typeof progressBar> | null = null;
      const n = await reindexAll(handle.db, (done, total) => {
        bar ??= progressBar(total, process.stderr);
        bar.update(done);
      });
      (bar as ReturnType<typeof progressBar> | null)?.done();
      process.stdout.write(`reindexed ${n} article(s)\n`);
      return 0;
    } finally {
      await handle.close();
    }
  },
};
