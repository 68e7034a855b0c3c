// The subcommands of `habarshy`. Each has a summary, a help text, its options and run().
import { analyze, migrate, openDatabase } from '../services/database.ts';
import { createInterface } from 'node:readline';
import { seedDemo } from '../services/demoSeed.ts';
import { seedBulk } from '../services/demoArchive.ts';
import { AuthService } from '../services/newsroom/auth.ts';
import { listLexicon, lexiconFor, removeLexicon, upsertLexicon } from '../services/newsroom/lexicon.ts';
import { createConverter, SUPPORTED_PAIRS, UnsupportedConversionError } from '../script/converter.ts';
import type { Scheme, ScriptTag } from '../script/types.ts';
import { UsageError, type Command } from './command.ts';
import { progressBar } from './progress.ts';
import { sourcesCommand } from './sources.ts';
import { webhooksCommand } from './webhooks.ts';
import { apikeyCommand } from './apikey.ts';
import { userCommand } from './users.ts';
import { mediaCommand } from './media.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { exportCommand } from './export.ts';
import { doctorCommand } from './doctor.ts';
import { searchCommand } from './search.ts';

const ENV_HELP = 'Environment: DATABASE_URL (postgres://… or sqlite:FILE; default sqlite in DATA_DIR), DATA_DIR (default ./data).';

export const COMMANDS: Record<string, Command> = {
  serve: {
    summary: 'run the site (migrates, and fills an empty database with the demo content)',
    help: `Usage: habarshy serve\n\nStarts the web server. On first start it creates DATA_DIR, migrates the database and\nfills it with the demo content.\n\nEnvironment: HOST (default 127.0.0.1), PORT (3000), DATA_DIR (./data), DATABASE_URL,\nTZ_DISPLAY (Asia/Almaty), BASE_URL (http://localhost:PORT), DEFAULT_EDITION (kz), PAGE_CACHE (on),\nWORKERS (1; auto: one process per core), TRUST_PROXY (off), EDGE_PURGE_URL, METRICS_TOKEN or METRICS_PORT;\nthe full list is in the README.`,
    options: {},
    async run(_v, _p, loadConfig) {
      const config = loadConfig();
      const { startServer } = await import('../main.ts');
      await startServer(config);
      return -1;
    },
  },

  migrate: {
    summary: 'bring the database schema up to date (or --down one step, --reset all)',
    help: `Usage: habarshy migrate [--down | --reset]\n\n  --down    revert the latest migration\n  --reset   revert every migration (drops all tables)\n\n${ENV_HELP}`,
    options: { down: { type: 'boolean' }, reset: { type: 'boolean' } },
    async run(values, _p, loadConfig) {
      const config = loadConfig();
      const handle = openDatabase(config.databaseUrl);
      try {
        const done = await migrate(handle, values['reset'] ? 'reset' : values['down'] ? 'down' : 'latest');
        process.stdout.write(done.length ? `${done.join('\n')}\n` : 'nothing to do: the schema is up to date\n');
        return 0;
      } finally {
        await handle.close();
      }
    },
  },

  seed: {
    summary: 'fill the database with the demo content; --articles N adds N generated articles',
    help: `Usage: habarshy seed [--articles N]\n\nWithout options: migrates and fills an empty database with the demo newsroom (sections, tags,\nauthors, photos, 300+ articles in five desks).\n  --articles N   also add N generated articles for scale work (bulk inserts, progress bar)\n\n${ENV_HELP}`,
    options: { articles: { type: 'string' } },
    async run(values, _p, loadConfig) {
      const config = loadConfig();
      const raw = values['articles'];
      if (raw !== undefined && (typeof raw !== 'string' || !/^\d{1,7}$/.test(raw)))
        throw new UsageError('--articles takes a whole number up to 9999999');
      const handle = openDatabase(config.databaseUrl);
      try {
        await migrate(handle);
        const demo = await seedDemo(handle, { dataDir: config.dataDir, now: new Date() });
        process.stdout.write(
          demo
            ? `demo content: ${demo.articles} articles, ${demo.stories} stories, ${demo.images} photos\n`
            : 'demo content: already there\n',
        );
        const admin = demo ? await new AuthService(handle.db, () => new Date()).ensureDemoAdmin() : null;
        if (admin)
          process.stdout.write(`newsroom demo admin: ${admin.email}, password ${admin.password} (shown once; change it at first login)\n`);
        const count = raw === undefined ? 0 : Number(raw);
        if (count > 0) {
          const started = Date.now();
          const bar = progressBar(count, process.stderr);
          // Each phase's time (load, index builds, statistics), to see where a slow seed goes.
          let phaseStarted = started;
          const took = () => {
            const s = ((Date.now() - phaseStarted) / 1000).toFixed(1);
            phaseStarted = Date.now();
            return s;
          };
          await seedBulk(handle, count, {
            now: new Date(),
            onProgress: bar.update,
            onPhase: (phase) => {
              if (phase === 'indexes') bar.done();
              process.stderr.write(
                phase === 'indexes'
                  ? `loaded in ${took()} s; building indexes…\n`
                  : `indexes built in ${took()} s; gathering statistics (ANALYZE)…\n`,
              );
            },
          });
          process.stdout.write(
            `added ${count} generated articles in ${((Date.now() - started) / 1000).toFixed(1)} s (statistics ${took()} s)\n`,
          );
        }
        // Planner statistics of the loaded tables (without them SQLite picks the wrong indexes);
        // seedBulk gathers them itself at the end of its load.
        if (demo && count === 0) await analyze(handle);
        return 0;
      } finally {
        await handle.close();
      }
    },
  },

  convert: {
    summary: 'convert text between scripts (stdin → stdout, one line per line)',
    help: `Usage: habarshy convert --from TAG --to TAG [--scheme SCHEME]\n\nReads standard input and writes exactly one converted line per input line, UTF-8.\nUses the lexicon of the configured database when there is one.\n\nPairs and schemes:\n${SUPPORTED_PAIRS.map((p) => `  --from ${p.from} --to ${p.to}   schemes: ${p.schemes.join(', ')} (default ${p.defaultScheme})`).join('\n')}`,
    options: { from: { type: 'string' }, to: { type: 'string' }, scheme: { type: 'string' } },
    async run(values, _p, loadConfig) {
      const from = values['from'];
      const to = values['to'];
      if (typeof from !== 'string' || typeof to !== 'string') throw new UsageError('--from and --to are required (see --help)');
      const scheme = typeof values['scheme'] === 'string' ? values['scheme'] : undefined;
      let lexicon: Map<string, string> | undefined;
      let converter;
      try {
        converter = createConverter({ from: from as ScriptTag, to: to as ScriptTag, ...(scheme ? { scheme: scheme as Scheme } : {}) });
      } catch (error) {
        if (error instanceof UnsupportedConversionError) throw new UsageError(error.message);
        throw error;
      }
      const config = loadConfig();
      const handle = openDatabase(config.databaseUrl);
      try {
        lexicon = await lexiconFor(handle.db, converter.scheme).catch(() => undefined);
      } finally {
        await handle.close();
      }
      if (lexicon && lexicon.size > 0)
        converter = createConverter({ from: from as ScriptTag, to: to as ScriptTag, scheme: converter.scheme, lexicon });
      const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of rl) process.stdout.write(`${converter.convert(line)}\n`);
      return 0;
    },
  },

  lexicon: {
    summary: "manage the converters' word exceptions: add | remove | list",
    help: `Usage:\n  habarshy lexicon add --scheme SCHEME WORD SPELLING\n  habarshy lexicon remove --scheme SCHEME WORD\n  habarshy lexicon list [--scheme SCHEME]\n\nWORD is the Cyrillic source word, SPELLING its spelling in the scheme; both are stored in lower\ncase and applied with the case of the text. Schemes: ${[...new Set(SUPPORTED_PAIRS.flatMap((p) => p.schemes))].join(', ')}.\n\n${ENV_HELP}`,
    options: { scheme: { type: 'string' } },
    positionals: true,
    async run(values, positionals, loadConfig) {
      const [action, word, spelling] = positionals;
      const scheme = typeof values['scheme'] === 'string' ? values['scheme'] : undefined;
      const schemes = new Set<string>(SUPPORTED_PAIRS.flatMap((p) => p.schemes));
      if (scheme !== undefined && !schemes.has(scheme))
        throw new UsageError(`unknown scheme "${scheme}"; valid: ${[...schemes].join(', ')}`);
      const config = loadConfig();
      const handle = openDatabase(config.databaseUrl);
      try {
        await migrate(handle);
        const now = new Date().toISOString();
        if (action === 'list' && positionals.length === 1) {
          for (const e of await listLexicon(handle.db, scheme)) process.stdout.write(`${e.scheme}\t${e.word}\t${e.spelling}\n`);
          return 0;
        }
        if (action === 'add' && scheme && word && spelling && positionals.length === 3) {
          await upsertLexicon(
            handle.db,
            [{ scheme, word: word.normalize('NFC').toLowerCase(), spelling: spelling.normalize('NFC').toLowerCase() }],
            now,
          );
          process.stdout.write(`added ${scheme}: ${word} → ${spelling}\n`);
          return 0;
        }
        if (action === 'remove' && scheme && word && positionals.length === 2) {
          const removed = await removeLexicon(handle.db, scheme, word.normalize('NFC').toLowerCase());
          process.stdout.write(removed ? `removed ${scheme}: ${word}\n` : `not in the lexicon: ${scheme}: ${word}\n`);
          return removed ? 0 : 1;
        }
        throw new UsageError(`expected add, remove or list with their arguments\n\n${COMMANDS['lexicon']!.help}`);
      } finally {
        await handle.close();
      }
    },
  },

  webhooks: webhooksCommand,
  sources: sourcesCommand,
  apikey: apikeyCommand,
  user: userCommand,
  media: mediaCommand,
  backup: backupCommand,
  restore: restoreCommand,
  export: exportCommand,
  doctor: doctorCommand,
  search: searchCommand,
};
