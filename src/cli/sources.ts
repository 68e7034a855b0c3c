// `habarshy sources add|list|remove`: the wire feeds the scheduler polls into draft articles.
import { migrate, openDatabase } from '../services/database.ts';
import { WRITTEN_EDITIONS } from '../editions/editions.ts';
import { addSource, listSources, removeSource, sectionIdBySlug, sectionSlugs } from '../services/ingest.ts';
import { UsageError, type Command } from './command.ts';

const HELP = `Usage:
  habarshy sources add --url URL --edition EDITION --section SLUG [--every SECONDS] [--name NAME]
  habarshy sources list
  habarshy sources remove ID

Each new item of an RSS or Atom source becomes a draft article in the edition and section given,
with the source line "… cites NAME — original link".
  --url       the feed (http or https)
  --edition   a written edition: ${WRITTEN_EDITIONS.join(', ')}
  --section   the section's slug in that edition (e.g. politics)
  --every     poll interval in seconds (30-86400, default 300)
  --name      the source's name in the source line (default: the feed's host)

Environment: DATABASE_URL (postgres://… or sqlite:FILE; default sqlite in DATA_DIR), DATA_DIR (default ./data).`;

export const sourcesCommand: Command = {
  summary: 'manage wire-ingest feeds (RSS/Atom → draft articles): add | list | remove',
  help: HELP,
  options: {
    url: { type: 'string' },
    edition: { type: 'string' },
    section: { type: 'string' },
    every: { type: 'string' },
    name: { type: 'string' },
  },
  positionals: true,
  async run(values, positionals, loadConfig) {
    const [action, ...rest] = positionals;
    const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string).trim() : undefined);
    let add: { url: string; edition: string; section: string; every: number; name: string } | undefined;
    if (action === 'add' && rest.length === 0) {
      let url: URL | undefined;
      try {
        url = new URL(str('url') ?? '');
      } catch {
        url = undefined;
      }
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new UsageError('--url must be an http(s) URL');
      const edition = str('edition') ?? '';
      if (!(WRITTEN_EDITIONS as readonly string[]).includes(edition))
        throw new UsageError(`--edition must be a written edition: ${WRITTEN_EDITIONS.join(', ')}`);
      const section = str('section');
      if (!section) throw new UsageError('--section SLUG is required');
      const every = str('every') ?? '300';
      if (!/^\d{1,5}$/.test(every) || Number(every) < 30 || Number(every) > 86_400)
        throw new UsageError('--every takes seconds from 30 to 86400');
      const name = str('name') || url.hostname;
      if (name.length > 200) throw new UsageError('--name is at most 200 characters');
      add = { url: url.toString(), edition, section, every: Number(every), name };
    } else if (action === 'remove' && rest.length === 1) {
      if (!/^\d{1,9}$/.test(rest[0] ?? '')) throw new UsageError(`expected a source id (a number), got "${rest[0] ?? ''}"`);
    } else if (!(action === 'list' && rest.length === 0)) {
      throw new UsageError(`expected add, list or remove with their arguments\n\n${HELP}`);
    }

    const config = loadConfig();
    const handle = openDatabase(config.databaseUrl);
    try {
      await migrate(handle);
      const out = (line: string) => process.stdout.write(`${line}\n`);
      if (add) {
        const sectionId = await sectionIdBySlug(handle.db, add.edition, add.section);
        if (sectionId === undefined) throw new UsageError(`no section "${add.section}" in edition ${add.edition}`);
        const id = await addSource(handle.db, {
          url: add.url,
          edition: add.edition,
          section_id: sectionId,
          poll_seconds: add.every,
          name: add.name,
        });
        out(`added source ${id}: ${add.name} ${add.url} → ${add.edition}/${add.section}, every ${add.every} s`);
        return 0;
      }
      if (action === 'list') {
        const sources = await listSources(handle.db);
        const slugs = await sectionSlugs(handle.db, [...new Set(sources.map((s) => s.section_id))]);
        const slugOf = (id: number, edition: string) => slugs.find((x) => x.section_id === id && x.edition === edition)?.slug ?? String(id);
        out(['id', 'name', 'url', 'edition', 'section', 'every', 'last_polled', 'last_error'].join('\t'));
        for (const s of sources) {
          out(
            [
              s.id,
              s.name,
              s.url,
              s.edition,
              slugOf(s.section_id, s.edition),
              `${s.poll_seconds}s`,
              s.last_polled_at ?? 'never',
              s.last_error ?? '',
            ].join('\t'),
          );
        }
        return 0;
      }
      const id = Number(rest[0]);
      const removed = await removeSource(handle.db, id);
      out(removed ? `removed source ${id} (its drafts stay)` : `no source ${id}`);
      return removed ? 0 : 1;
    } finally {
      await handle.close();
    }
  },
};
