// `habarshy export --edition CODE`: an edition's published articles as IPTC ninjs, one JSON object
// per line, for archives and partners. Every item is made exactly as /api/v1/ninjs/{edition}/{id}
// makes it (ApiService → toNinjs), page by page: the edition is never held in memory.
import { openDatabase } from '../services/database.ts';
import fs from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { contentEdition, EDITION_CODES, isEditionCode, type EditionCode } from '../editions/editions.ts';
import { ApiService } from '../services/apiContent.ts';
import { loadLexicons } from '../services/container.ts';
import { EditionTexts } from '../services/editionText.ts';
import { editionHosts } from '../services/hosts.ts';
import { NINJS_VERSIONS, toNinjs, type NinjsVersion } from '../services/ninjs.ts';
import { SectionsCache } from '../services/sectionsCache.ts';
import { countPublished } from '../services/apiContent.ts';
import { renderBody } from '../web/api/renderBody.tsx';
import { UsageError, type Command } from './command.ts';
import { progressBar } from './progress.ts';

const PAGE = 50;

const HELP = `Usage: habarshy export --edition CODE [--out FILE] [--ninjs 2.2|3.1] [--since DATE] [--until DATE]

Writes the published articles of one edition as IPTC ninjs, one JSON object per line (JSON Lines),
newest first, exactly as the API's /api/v1/ninjs/{edition}/{id} gives them. Derived editions (qz,
tote, uz-latn) come out converted, with their overrides. Streams page by page; a progress bar is
drawn on standard error when it is a terminal.
  --edition CODE   ${EDITION_CODES.join(', ')}
  --out FILE       write to FILE instead of standard output
  --ninjs V        ninjs version: 2.2 (default) or 3.1
  --since DATE     only articles published at or after DATE (ISO 8601, e.g. 2026-01-01)
  --until DATE     only articles published before DATE

Environment: DATABASE_URL, DATA_DIR, BASE_URL (the URLs in the items), EDITION_HOSTS, TZ_DISPLAY.`;

export interface ExportQuery {
  readonly edition: EditionCode;
  readonly version: NinjsVersion;
  readonly since?: string;
  readonly until?: string;
}

/** The edition's ninjs items, one page of full articles at a time. */
export async function* ninjsItems(api: ApiService, publisher: string, q: ExportQuery): AsyncGenerator<Record<string, unknown>> {
  let cursor: string | null | undefined;
  do {
    const page = await api.fullArticles({
      edition: q.edition,
      limit: PAGE,
      ...(q.since !== undefined ? { since: q.since } : {}),
      ...(q.until !== undefined ? { until: q.until } : {}),
      ...(cursor ? { cursor } : {}),
    });
    for (const article of page.data.items) yield toNinjs(article, q.version, { publisher });
    cursor = page.data.cursor;
  } while (cursor);
}

function dateOption(value: string | boolean | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (
    typeof value !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) ||
    Number.isNaN(Date.parse(value))
  ) {
    throw new UsageError(`--${name} takes an ISO 8601 date or time (e.g. 2026-01-01 or 2026-01-01T00:00:00+05:00), got "${String(value)}"`);
  }
  return new Date(value).toISOString();
}

/** Lines to a stream with backpressure; when the reader goes away (`| head`), writing stops quietly. */
function lineWriter(out: Writable): { readonly gone: boolean; write(text: string): Promise<void> } {
  let gone = false;
  let failure: Error | null = null;
  out.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') gone = true;
    else failure = err;
  });
  return {
    get gone() {
      if (failure) throw failure;
      return gone;
    },
    async write(text) {
      if (out.write(text)) return;
      await new Promise<void>((resolve) => {
        const done = () => {
          out.off('drain', done).off('close', done);
          resolve();
        };
        out.on('drain', done).on('close', done);
      });
    },
  };
}

export const exportCommand: Command = {
  summary: "write an edition's articles as ninjs JSON lines (archives, partners)",
  help: HELP,
  options: {
    edition: { type: 'string' },
    out: { type: 'string' },
    ninjs: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
  },
  async run(values, _p, loadConfig) {
    const edition = values['edition'];
    if (typeof edition !== 'string' || !isEditionCode(edition))
      throw new UsageError(`--edition is required: one of ${EDITION_CODES.join(', ')}`);
    const version = (values['ninjs'] ?? '2.2') as NinjsVersion;
    if (!NINJS_VERSIONS.includes(version))
      throw new UsageError(`--ninjs is ${NINJS_VERSIONS.join(' or ')}, got "${String(values['ninjs'])}"`);
    const since = dateOption(values['since'], 'since');
    const until = dateOption(values['until'], 'until');
    if (since !== undefined && until !== undefined && since >= until) throw new UsageError('--since must be earlier than --until');
    const outFile = typeof values['out'] === 'string' ? values['out'] : undefined;

    const config = loadConfig();
    const handle = openDatabase(config.databaseUrl, { poolSize: 2 });
    try {
      // One instant for the whole export: what was visible when it began, however long it runs.
      const startedAt = new Date();
      const sections = new SectionsCache(handle.db);
      await sections.load();
      const texts = new EditionTexts(config.timeZone, await loadLexicons(handle));
      const api = new ApiService({
        db: handle.db,
        texts,
        sections,
        clock: () => startedAt,
        hosts: editionHosts(config.baseUrl, config.editionHosts),
        timeZone: config.timeZone,
        apiBase: config.baseUrl,
        renderBody,
      });
      const total = await countPublished(handle.db, {
        edition: contentEdition(edition),
        now: startedAt.toISOString(),
        ...(since !== undefined ? { from: since } : {}),
        ...(until !== undefined ? { to: until } : {}),
      });
      const out: Writable = outFile ? fs.createWriteStream(outFile) : process.stdout;
      const bar = progressBar(Math.max(total, 1), process.stderr);
      const writer = lineWriter(out);
      let done = 0;
      for await (const item of ninjsItems(api, texts.get(edition).strings.siteName, {
        edition,
        version,
        ...(since ? { since } : {}),
        ...(until ? { until } : {}),
      })) {
        if (writer.gone) break;
        await writer.write(`${JSON.stringify(item)}\n`);
        done += 1;
        bar.update(done);
      }
      if (writer.gone) return 0;
      bar.done();
      if (outFile) {
        out.end();
        await once(out, 'finish');
        process.stderr.write(`exported ${done} ${edition} articles to ${outFile}\n`);
      }
      return 0;
    } finally {
      await handle.close();
    }
  },
};
