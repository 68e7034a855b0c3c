// Wire ingest: polls RSS 2.0 / Atom sources and turns each new item into a draft article in the
// source's edition and section, with a localized source line ("… cites {name} — {link}").
// Hostile input is contained: http(s) only, 10 s timeout, a 5 MB cap enforced while streaming,
// documents declaring entities (billion laughs) refused, malformed XML refused; a failing source
// gets `last_error` and the other sources go on. Item text is extracted from HTML: no markup ever
// reaches a body, which is plain paragraphs validated by parseBody.
import type { Db } from '../db/connect.ts';
import { WRITTEN_EDITIONS, type WrittenEditionCode } from '../editions/editions.ts';
import { WRITTEN_STRINGS } from '../editions/strings/all.ts';
import { fill } from '../editions/uiStrings.ts';
import { BODY_VERSION, paragraph, parseBody } from '../content/body.ts';
import { stripBidiControls } from '../content/text.ts';
import { newPublicId } from '../content/ids.ts';
import { makeSlug } from '../content/slug.ts';
import { activeSources, insertIngestedDraft, itemSeen, publicIdTaken, recordPoll, type SourceRow } from '../store/ingest.ts';
import { cut, FeedError, fetchFeed, parseFeed, type FeedItem } from './feedReader.ts';

export { FETCH_TIMEOUT_MS, MAX_FEED_BYTES, FeedError, htmlToParagraphs, parseFeed, fetchFeed, type FeedItem } from './feedReader.ts';

const MAX_LEAD = 600;
const MAX_PARAGRAPHS = 300;
const MAX_PARAGRAPH = 10_000;

export interface IngestOptions {
  readonly clock?: () => Date;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly log?: (msg: string, err?: unknown) => void;
}

export interface PollResult {
  readonly sourceId: number;
  readonly imported: number;
  readonly error: string | null;
}

function isWritten(edition: string): edition is WrittenEditionCode {
  return (WRITTEN_EDITIONS as readonly string[]).includes(edition);
}

/** The draft's source line in the edition's language: "Habarshy cites Reuters — https://…". */
export function sourceLine(edition: WrittenEditionCode, name: string, link: string | null): string {
  const strings = WRITTEN_STRINGS[edition];
  const source = stripBidiControls(name);
  return fill(strings.sourceCites, { site: strings.siteName, source: link ? `${source} — ${link}` : source });
}

async function importItem(db: Db, source: SourceRow & { edition: WrittenEditionCode }, item: FeedItem, now: string): Promise<boolean> {
  const body = parseBody({
    version: BODY_VERSION,
    blocks: item.paragraphs.slice(0, MAX_PARAGRAPHS).map((p) => paragraph(cut(p, MAX_PARAGRAPH))),
  });
  const lead = cut(stripBidiControls(item.summary.join(' ') || item.paragraphs[0] || ''), MAX_LEAD);
  try {
    return await db.transaction().execute(async (trx) => {
      if (await itemSeen(trx, source.id, item.guid, item.link)) return false;
      let publicId = newPublicId();
      for (let i = 0; await publicIdTaken(trx, publicId); i++) {
        if (i > 20) throw new Error('no free public id');
        publicId = newPublicId();
      }
      await insertIngestedDraft(
        trx,
        {
          public_id: publicId,
          edition: source.edition,
          section_id: source.section_id,
          status: 'draft',
          slug: makeSlug(item.title),
          headline: item.title,
          lead,
          body: JSON.stringify(body),
          body_version: BODY_VERSION,
          source_line: sourceLine(source.edition, source.name, item.link),
          hero_asset_id: null,
          published_at: null,
          updated_at: null,
          created_at: now,
          modified_at: now,
          revision: 1,
        },
        { source_id: source.id, guid: item.guid, link: item.link, seen_at: now },
      );
      return true;
    });
  } catch (err) {
    // Another process imported the same item a moment ago (unique guid or link): not new after all.
    if (await itemSeen(db, source.id, item.guid, item.link)) return false;
    throw err;
  }
}

/** Polls one source now: imports its new items and records the outcome on the source. */
export async function pollSource(db: Db, source: SourceRow, opts: IngestOptions = {}): Promise<PollResult> {
  const clock = opts.clock ?? (() => new Date());
  let imported = 0;
  let error: string | null = null;
  try {
    const edition = source.edition;
    if (!isWritten(edition)) throw new FeedError(`edition "${edition}" takes no drafts (written editions: ${WRITTEN_EDITIONS.join(', ')})`);
    const items = parseFeed(await fetchFeed(source.url, opts));
    const now = clock().toISOString();
    // Oldest first, so the drafts' order follows the wire's.
    for (const item of [...items].reverse()) {
      if (await importItem(db, { ...source, edition }, item, now)) imported++;
    }
  } catch (err) {
    error = (err instanceof FeedError ? err.message : `import failed: ${(err as Error).message}`).slice(0, 500);
    opts.log?.(`ingest source ${source.id} (${source.url}): ${error}`, err instanceof FeedError ? undefined : err);
  }
  await recordPoll(db, source.id, clock().toISOString(), error);
  return { sourceId: source.id, imported, error };
}

/** Polls every active source whose interval has passed since its last poll, one after another. */
export async function pollDueSources(db: Db, opts: IngestOptions = {}): Promise<PollResult[]> {
  const clock = opts.clock ?? (() => new Date());
  const now = clock().getTime();
  const due = (await activeSources(db)).filter(
    (s) => s.last_polled_at === null || Date.parse(s.last_polled_at) + s.poll_seconds * 1000 <= now,
  );
  const results: PollResult[] = [];
  for (const source of due) results.push(await pollSource(db, source, opts));
  return results;
}

// The operator's commands (`habarshy sources …`) have no rule beyond the SQL: the store's own.
export { addSource, listSources, removeSource, sectionIdBySlug, sectionSlugs } from '../store/ingest.ts';
