// The generated archive for scale work (`habarshy seed --bulk`, the bench): articles recombined from
// the demo desks' sentences, loaded the bulk way, with compact revisions the newsroom expands.
import { sql } from 'kysely';
import type { DbHandle } from '../db/connect.ts';
import { WRITTEN_EDITIONS, type WrittenEditionCode } from '../editions/editions.ts';
import { BODY_VERSION, parseBody } from '../content/body.ts';
import { makeSlug } from '../content/slug.ts';
import { analyze, EDITION_LANGUAGE, type Language } from '../search/analyze.ts';
import { assetIds, bulkLoad, copyRows, existingPublicIds, idsByKey, insertMany, isEmpty, maxId, resetIdentity } from '../store/bulk.ts';
import type { NewArticle } from '../db/tables.ts';
import { loadDemoContent, prng, uniqueId } from './demoSeed.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The sentences generated articles are made of, per edition, in a fixed order (revisions refer to them by index). */
interface Pool {
  headlines: string[];
  leads: string[];
  paragraphs: string[];
  sources: string[];
}

let poolsPromise: Promise<Record<WrittenEditionCode, Pool>> | null = null;
function generatorPools(): Promise<Record<WrittenEditionCode, Pool>> {
  poolsPromise ??= loadDemoContent().then(
    (content) =>
      Object.fromEntries(
        WRITTEN_EDITIONS.map((e) => {
          const stories = Object.values(content[e].stories);
          return [
            e,
            {
              headlines: stories.map((s) => s.headline),
              leads: stories.map((s) => s.lead),
              paragraphs: stories.flatMap((s) => s.paragraphs),
              sources: stories.map((s) => s.source),
            },
          ];
        }),
      ) as Record<WrittenEditionCode, Pool>,
  );
  return poolsPromise;
}

/** What a generated article is made of: indexes into its edition's pool. */
interface Recipe {
  readonly e: WrittenEditionCode;
  readonly h: number;
  readonly l: number;
  readonly s: number;
  readonly p: readonly number[];
}

const GENERATED = '$generated';

/** Each paragraph's block as the body validator writes it, validated once per paragraph. */
const paragraphJson = new WeakMap<Pool, string[]>();

function generatedBody(pool: Pool, p: readonly number[]): string {
  let cache = paragraphJson.get(pool);
  if (!cache) paragraphJson.set(pool, (cache = []));
  const parts = p.map(
    (i) =>
      (cache[i] ??= JSON.stringify(
        parseBody({ version: BODY_VERSION, blocks: [{ type: 'paragraph', content: [{ type: 'text', text: pool.paragraphs[i]! }] }] })
          .blocks[0],
      )),
  );
  return `{"version":${BODY_VERSION},"blocks":[${parts.join(',')}]}`;
}

/**
 * A revision of a generated article is stored compactly: its columns without the text, and the
 * recipe the text is made from (`$generated`). The newsroom reads revisions through this, so that
 * it opens, compares and restores them like any other. Other revisions pass through unchanged.
 */
export async function expandRevision(data: Record<string, unknown>): Promise<Record<string, unknown>> {
  const recipe = data[GENERATED] as Recipe | undefined;
  if (!recipe || typeof recipe !== 'object') return data;
  const pool = (await generatorPools())[recipe.e];
  if (!pool) return data;
  const { [GENERATED]: _, ...rest } = data;
  return {
    ...rest,
    headline: pool.headlines[recipe.h] ?? '',
    lead: pool.leads[recipe.l] ?? '',
    source_line: pool.sources[recipe.s] ?? '',
    body: generatedBody(pool, recipe.p),
  };
}

/** Weights 1/rank^s: a few sections, tags and authors carry most of the archive, as in a real one. */
function zipf<T>(xs: readonly T[], rnd: () => number, s = 1.1): () => T {
  const cum: number[] = [];
  let total = 0;
  xs.forEach((_, i) => cum.push((total += 1 / (i + 1) ** s)));
  return () => {
    const x = rnd() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return xs[lo]!;
  };
}

/** Analyzed text of the pool's pieces, each analyzed once (analysis is word by word, so pieces join). */
class AnalyzedPool {
  private readonly cache = new Map<string, string>();
  constructor(private readonly lang: Language) {}
  of(text: string): string {
    let v = this.cache.get(text);
    if (v === undefined) this.cache.set(text, (v = analyze(text, this.lang)));
    return v;
  }
  join(texts: readonly string[]): string {
    return texts
      .map((t) => this.of(t))
      .filter((t) => t !== '')
      .join(' ');
  }
}

const STORY_EDITIONS = [0.45, 0.25, 0.15, 0.1, 0.05];
const EDITION_SHARE: Record<WrittenEditionCode, number> = { kz: 0.3, ru: 0.3, en: 0.2, uz: 0.12, cn: 0.08 };

/**
 * Adds `count` generated articles for scale work, shaped like an agency's archive: stories told
 * in 1–5 editions (kz and ru most, cn least), sections, tags and authors skewed (Zipf), dates over
 * five years, denser towards now; sentences of the demo desks recombined. Loaded the bulk way
 * (store/bulk.ts: indexes built after the load, ANALYZE at the end), with explicit ids, the
 * search documents written directly, and one compact revision per article (`expandRevision`).
 */
export async function seedBulk(
  handle: DbHandle,
  count: number,
  opts: { now: Date; onProgress?: (done: number) => void; onPhase?: (phase: 'indexes' | 'analyze') => void },
): Promise<number> {
  const db = handle.db;
  if (await isEmpty(db)) throw new Error('seed the demo content first (habarshy seed)');
  const pools = await generatorPools();
  const sectionIds = [...(await idsByKey(db, 'sections')).values()].sort((a, b) => a - b);
  const tagIds = [...(await idsByKey(db, 'tags')).values()].sort((a, b) => a - b);
  const authorIds = [...(await idsByKey(db, 'authors')).values()].sort((a, b) => a - b);
  const tagNames = new Map(
    (await db.selectFrom('tag_names').select(['tag_id', 'edition', 'name']).execute()).map((r) => [`${r.tag_id}:${r.edition}`, r.name]),
  );
  const authorNames = new Map(
    (await db.selectFrom('author_names').select(['author_id', 'edition', 'name']).execute()).map((r) => [
      `${r.author_id}:${r.edition}`,
      r.name,
    ]),
  );
  const assets = await assetIds(db);
  const taken = await existingPublicIds(db);
  const rnd = prng(count + 7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const section = zipf(sectionIds, rnd);
  const tag = zipf(tagIds, rnd);
  const author = zipf(authorIds, rnd, 1.3);
  const analyzed = Object.fromEntries(WRITTEN_EDITIONS.map((e) => [e, new AnalyzedPool(EDITION_LANGUAGE[e] ?? 'en')])) as Record<
    WrittenEditionCode,
    AnalyzedPool
  >;
  const editionWeights = WRITTEN_EDITIONS.map((e) => EDITION_SHARE[e] ?? 0.1);
  const pickEditions = (k: number): WrittenEditionCode[] => {
    const left = [...WRITTEN_EDITIONS];
    const w = [...editionWeights];
    const out: WrittenEditionCode[] = [];
    while (out.length < k && left.length > 0) {
      let x = rnd() * w.reduce((a, b) => a + b, 0);
      let i = 0;
      while (i < w.length - 1 && (x -= w[i]!) > 0) i++;
      out.push(left.splice(i, 1)[0]!);
      w.splice(i, 1);
    }
    return out;
  };
  const slugCache = new Map<string, string>();
  const span = 5 * 365 * DAY;
  const nowMs = opts.now.getTime() - 31 * DAY;
  const pg = handle.dialect === 'postgres';
  // PostgreSQL built without LZ4 refuses the setting: pglz then, as before.
  const lz4 =
    pg &&
    (
      await sql<{
        ok: boolean;
      }>`select exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals)) as ok`.execute(db)
    ).rows[0]?.ok === true;
  // Rows per statement within each database's parameter limit; articles per transaction.
  const batch = (columns: number) => Math.floor((pg ? 60_000 : 30_000) / columns);
  const CHUNK = pg ? 10_000 : 50_000;
  let nextStory = (await maxId(db, 'stories')) + 1;
  let nextArticle = (await maxId(db, 'articles')) + 1;
  let done = 0;
  let built = 0;
  await bulkLoad(
    db,
    ['stories', 'articles', 'article_tags', 'article_authors', 'revisions', 'search_documents'],
    async () => {
      // PostgreSQL: the next chunk is built while the database writes the last one (its
      // statements go out whenever the building yields); SQLite's writes are synchronous anyway.
      let writing: Promise<void> | null = null;
      while (built < count) {
        const stories: { id: number; created_at: string }[] = [];
        const rows: (NewArticle & { id: number })[] = [];
        const tagRows: { article_id: number; tag_id: number; position: number }[] = [];
        const authorRows: { article_id: number; author_id: number; position: number }[] = [];
        const docs: { article_id: number; edition: string; headline: string; lead: string; body: string; extra: string }[] = [];
        const revisions: { article_id: number; revision: number; user_id: null; created_at: string; data: string }[] = [];
        const target = Math.min(CHUNK, count - built);
        while (rows.length < target) {
          if (pg && rows.length % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
          const at = nowMs - (1 - rnd() ** 0.8) * span;
          const storyId = nextStory++;
          stories.push({ id: storyId, created_at: new Date(at).toISOString() });
          let k = 1;
          for (let x = rnd(); k < STORY_EDITIONS.length && (x -= STORY_EDITIONS[k - 1]!) > 0;) k++;
          const sectionId = section();
          const tags = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 4) }, tag))];
          const authors = [...new Set(Array.from({ length: rnd() < 0.8 ? 1 : 2 }, author))];
          for (const edition of pickEditions(Math.min(k, target - rows.length))) {
            const pool = pools[edition];
            const recipe: Recipe = {
              e: edition,
              h: Math.floor(rnd() * pool.headlines.length),
              l: Math.floor(rnd() * pool.leads.length),
              s: Math.floor(rnd() * pool.sources.length),
              p: Array.from({ length: 4 + Math.floor(rnd() * 4) }, () => Math.floor(rnd() * pool.paragraphs.length)),
            };
            const headline = pool.headlines[recipe.h]!;
            let slug = slugCache.get(headline);
            if (slug === undefined) slugCache.set(headline, (slug = makeSlug(headline)));
            const iso = new Date(at + rnd() * 6 * HOUR).toISOString();
            const id = nextArticle++;
            const row = {
              id,
              public_id: uniqueId(taken),
              story_id: storyId,
              edition,
              section_id: sectionId,
              status: 'published' as const,
              slug,
              headline,
              lead: pool.leads[recipe.l]!,
              body: generatedBody(pool, recipe.p),
              body_version: BODY_VERSION,
              source_line: pool.sources[recipe.s]!,
              hero_asset_id: assets.length ? pick(assets) : null,
              breaking: 0,
              pinned: 0,
              seo_title: '',
              seo_description: '',
              published_at: iso,
              updated_at: null,
              created_at: iso,
              modified_at: iso,
              revision: 1,
            };
            rows.push(row);
            tags.forEach((tag_id, position) => tagRows.push({ article_id: id, tag_id, position }));
            authors.forEach((author_id, position) => authorRows.push({ article_id: id, author_id, position }));
            const a = analyzed[edition];
            docs.push({
              article_id: id,
              edition,
              headline: a.of(headline),
              lead: a.of(row.lead),
              body: a.join(recipe.p.map((i) => pool.paragraphs[i]!)),
              extra: a.join([
                ...tags.map((t) => tagNames.get(`${t}:${edition}`) ?? ''),
                ...authors.map((x) => authorNames.get(`${x}:${edition}`) ?? ''),
              ]),
            });
            const { headline: _h, lead: _l, body: _b, source_line: _s, ...columns } = row;
            revisions.push({
              article_id: id,
              revision: 1,
              user_id: null,
              created_at: iso,
              data: JSON.stringify({ ...columns, tagIds: tags, authorIds: authors, [GENERATED]: recipe }),
            });
          }
        }
        built += rows.length;
        await writing;
        const chunk = { stories, rows, tagRows, authorRows, docs, revisions };
        writing =
          pg && handle.withClient
            ? handle.withClient(async (client) => {
                await client.query('begin');
                try {
                  // A lost chunk on a crash is re-seeded anyway: no waiting for the WAL flush at
                  // each commit. LZ4 compresses the long values (bodies, documents) several times
                  // faster than the default pglz (documents: 3.8 s → 2.5 s per 20 000).
                  await client.query('set local synchronous_commit = off');
                  if (lz4) await client.query('set local default_toast_compression = lz4');
                  await copyRows(client, 'stories', chunk.stories);
                  await copyRows(client, 'articles', chunk.rows);
                  await copyRows(client, 'article_tags', chunk.tagRows);
                  await copyRows(client, 'article_authors', chunk.authorRows);
                  await copyRows(client, 'search_documents', chunk.docs);
                  await copyRows(client, 'revisions', chunk.revisions);
                  await client.query('commit');
                } catch (error) {
                  await client.query('rollback').catch(() => undefined);
                  throw error;
                }
                done += chunk.rows.length;
                opts.onProgress?.(done);
              })
            : db.transaction().execute(async (trx) => {
                await insertMany(trx, 'stories', chunk.stories, batch(2));
                await insertMany(trx, 'articles', chunk.rows, batch(21));
                await insertMany(trx, 'article_tags', chunk.tagRows, batch(3));
                await insertMany(trx, 'article_authors', chunk.authorRows, batch(3));
                await insertMany(trx, 'search_documents', chunk.docs, batch(6));
                await insertMany(trx, 'revisions', chunk.revisions, batch(5));
                done += chunk.rows.length;
                opts.onProgress?.(done);
              });
        // A failure surfaces at the next await (or below); never as an unhandled rejection meanwhile.
        writing.catch(() => undefined);
      }
      await writing;
    },
    opts.onPhase,
  );
  await resetIdentity(db, ['stories', 'articles', 'revisions']);
  return done;
}
