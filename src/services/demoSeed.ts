// Demo content: the catalogue and the desks' articles (src/demo/), generated photos, a day of
// reader views, and the starter lexicon. Also the bulk generator for scale work.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DbHandle } from '../db/connect.ts';
import { editionsShowing, WRITTEN_EDITIONS, type WrittenEditionCode } from '../editions/editions.ts';
import { BODY_VERSION, parseBody, type Block, type Body } from '../content/body.ts';
import { newPublicId } from '../content/ids.ts';
import { makeSlug } from '../content/slug.ts';
import { AUTHORS, SECTIONS, STORIES, TAGS } from '../demo/catalog.ts';
import type { DemoArticle, DemoEditionContent, DemoStory } from '../demo/types.ts';
import { syncSearchDocuments } from '../search/indexer.ts';
import { analyze, EDITION_LANGUAGE, type Language } from '../search/analyze.ts';
import { assetIds, bulkLoad, existingPublicIds, idsByKey, insertMany, insertReturningIds, isEmpty, maxId, resetIdentity } from '../store/bulk.ts';
import { upsertLexicon } from '../store/lexicon.ts';
import { STARTER_LEXICON } from '../script/starterLexicon.ts';
import { demoPhoto, ensureLogo, writeVariants, type FocalPoint, type StoredImage } from './images.ts';
import { cropsFor } from './crops.ts';
import { IMAGE_WIDTHS } from './urls.ts';
import type { NewArticle } from '../db/tables.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export async function loadDemoContent(): Promise<Record<WrittenEditionCode, DemoEditionContent>> {
  const out = {} as Record<WrittenEditionCode, DemoEditionContent>;
  for (const e of WRITTEN_EDITIONS) out[e] = (await import(`../demo/content/${e}.ts`)).content as DemoEditionContent;
  return out;
}

/** A small deterministic PRNG so that the demo looks the same on every machine. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uniqueId(taken: Set<string>): string {
  for (;;) {
    const id = newPublicId();
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

function bodyFor(a: DemoArticle, extraAssets: readonly number[]): Body {
  const blocks: Block[] = [];
  const n = a.paragraphs.length;
  const quoteAt = Math.max(1, Math.floor(n / 2));
  const headingAt = Math.max(2, Math.ceil((n * 2) / 3));
  a.paragraphs.forEach((text, i) => {
    if (a.subheading && i === headingAt) blocks.push({ type: 'heading', level: 2, content: [{ type: 'text', text: a.subheading }] });
    if (a.quote && i === quoteAt) blocks.push({ type: 'quote', content: [{ type: 'text', text: a.quote.text }], cite: a.quote.by });
    blocks.push({ type: 'paragraph', content: [{ type: 'text', text }] });
    const asset = extraAssets[i === 1 ? 0 : i === 3 ? 1 : -1];
    if (asset !== undefined) blocks.push({ type: 'image', assetId: asset });
  });
  const placed = blocks.filter((b) => b.type === 'image').length;
  for (const asset of extraAssets.slice(placed)) blocks.push({ type: 'image', assetId: asset });
  // Every body is validated when it is written, demo content included.
  return parseBody({ version: BODY_VERSION, blocks });
}

/**
 * Demo photos are the same on every run: reuse files a previous seed left in the media folder
 * (every width and every crop; a folder from before the crops existed is completed).
 */
async function existingDemoPhoto(mediaDir: string, fileKey: string, focal: FocalPoint): Promise<StoredImage | null> {
  const width = 1200;
  const height = 800;
  const names = [
    ...IMAGE_WIDTHS.map((w) => `${fileKey}-${w}.webp`),
    ...cropsFor({ file_key: fileKey, width, height, focal_x: focal.x, focal_y: focal.y }).map((c) => path.basename(c.path)),
  ];
  let bytes = 0;
  for (const name of names) {
    const stat = await fs.stat(path.join(mediaDir, name)).catch(() => null);
    if (!stat) return null;
    bytes += stat.size;
  }
  return { fileKey, width, height, bytes };
}

export interface SeedReport { readonly stories: number; readonly articles: number; readonly images: number }

/** Fills an empty database with the demo newsroom. Returns null when there is content already. */
export async function seedDemo(handle: DbHandle, opts: { dataDir: string; now: Date }): Promise<SeedReport | null> {
  const db = handle.db;
  const mediaDir = path.join(opts.dataDir, 'media');
  // The publisher logo of structured data, on every start (a folder from an older version gets it too).
  await ensureLogo(mediaDir);
  if (!(await isEmpty(db))) return null;
  const content = await loadDemoContent();
  const nowIso = opts.now.toISOString();
  const now = opts.now.getTime();

  // Photos first: files are written outside any transaction.
  const photos: { story: DemoStory; index: number; fileKey: string; width: number; height: number; bytes: number; focal: FocalPoint }[] = [];
  let seed = 1;
  for (const story of STORIES) {
    for (let i = 0; i < story.photos; i++) {
      const fileKey = `demo-${story.key}-${i + 1}`;
      const photo = demoPhoto(seed);
      const stored = (await existingDemoPhoto(mediaDir, fileKey, photo.focal)) ?? (await writeVariants(photo.svg, mediaDir, fileKey, photo.focal));
      seed++;
      photos.push({ story, index: i, ...stored, focal: photo.focal });
    }
  }

  const rnd = prng(20251118);
  let articleCount = 0;
  await db.transaction().execute(async (trx) => {
    await insertMany(trx, 'sections', SECTIONS.map((s, i) => ({ key: s.key, parent_id: null, position: i + 1 })));
    await insertMany(trx, 'tags', TAGS.map((t) => ({ key: t.key })));
    await insertMany(trx, 'authors', AUTHORS.map((a) => ({ key: a.key, slug: a.slug, photo_asset_id: null, user_id: null })));
    const sectionIds = await idsByKey(trx, 'sections');
    const tagIds = await idsByKey(trx, 'tags');
    const authorIds = await idsByKey(trx, 'authors');
    await insertMany(trx, 'section_names', SECTIONS.flatMap((s) => WRITTEN_EDITIONS.map((e) => ({ section_id: sectionIds.get(s.key)!, edition: e, ...s.names[e] }))));
    await insertMany(trx, 'tag_names', TAGS.flatMap((t) => WRITTEN_EDITIONS.map((e) => ({ tag_id: tagIds.get(t.key)!, edition: e, ...t.names[e] }))));
    await insertMany(trx, 'author_names', AUTHORS.flatMap((a) => WRITTEN_EDITIONS.map((e) => ({
      author_id: authorIds.get(a.key)!, edition: e, name: a.names[e],
      role: content[e].authors[a.key]?.role ?? '', bio: content[e].authors[a.key]?.bio ?? '',
    }))));

    const assetIdsByStory = new Map<string, number[]>();
    const photoIds = await insertReturningIds(trx, 'media_assets', photos.map((p) => ({
      file_key: p.fileKey, mime: 'image/webp', width: p.width, height: p.height, focal_x: p.focal.x, focal_y: p.focal.y, bytes: p.bytes, created_at: nowIso,
    })));
    photos.forEach((p, i) => {
      const list = assetIdsByStory.get(p.story.key) ?? [];
      list.push(photoIds[i]!);
      assetIdsByStory.set(p.story.key, list);
    });
    await insertMany(trx, 'media_texts', photos.flatMap((p, i) => WRITTEN_EDITIONS.flatMap((e) => {
      const article = content[e].stories[p.story.key];
      if (!article) return [];
      return [{ asset_id: photoIds[i]!, edition: e, caption: article.captions[p.index] ?? '', credit: content[e].credits[p.story.credit] ?? '' }];
    })));

    const taken = new Set<string>();
    const span = 29 * DAY;
    const storyIds = await insertReturningIds(trx, 'stories', STORIES.map((_, i) => ({ created_at: new Date(now - (i * span) / STORIES.length - 2 * HOUR).toISOString() })));
    const articles: NewArticle[] = [];
    const links: { tags: number[]; authors: number[] }[] = [];
    STORIES.forEach((story, i) => {
      const base = now - (i * span) / STORIES.length - rnd() * 40 * 60_000 - 10 * 60_000;
      WRITTEN_EDITIONS.forEach((e, k) => {
        const a = content[e].stories[story.key];
        if (!a) return;
        const published = new Date(base - k * 6 * 60_000);
        const updated = i % 6 === 2 ? new Date(published.getTime() + 95 * 60_000) : null;
        const assets = assetIdsByStory.get(story.key) ?? [];
        articles.push({
          public_id: uniqueId(taken), story_id: storyIds[i]!, edition: e, section_id: sectionIds.get(story.section)!,
          status: 'published', slug: makeSlug(a.headline), headline: a.headline, lead: a.lead,
          body: JSON.stringify(bodyFor(a, assets.slice(1))), body_version: BODY_VERSION, source_line: a.source,
          hero_asset_id: assets[0] ?? null, breaking: story.breaking && i < 3 ? 1 : 0, pinned: 0,
          seo_title: '', seo_description: '',
          published_at: published.toISOString(), updated_at: updated && updated.getTime() < now ? updated.toISOString() : null,
          created_at: new Date(published.getTime() - 30 * 60_000).toISOString(), modified_at: (updated ?? published).toISOString(), revision: 1,
        });
        links.push({ tags: story.tags.map((t) => tagIds.get(t)!), authors: story.authors.map((x) => authorIds.get(x)!) });
      });
    });
    const ids = await insertReturningIds(trx, 'articles', articles);
    articleCount = ids.length;
    await insertMany(trx, 'article_tags', ids.flatMap((id, i) => links[i]!.tags.map((tag_id, position) => ({ article_id: id, tag_id, position }))));
    await insertMany(trx, 'article_authors', ids.flatMap((id, i) => links[i]!.authors.map((author_id, position) => ({ article_id: id, author_id, position }))));
    await syncSearchDocuments(trx, ids);
    await insertMany(trx, 'revisions', ids.map((id, i) => ({
      article_id: id, revision: 1, user_id: null, created_at: articles[i]!.modified_at, data: JSON.stringify(articles[i]),
    })));

    // A day of reader views, so that "most popular" has something to rank from the first start.
    const hourNow = Math.floor(now / HOUR);
    const views: { article_id: number; edition: string; hour: number; views: number }[] = [];
    ids.forEach((id, i) => {
      const a = articles[i]!;
      const age = (now - Date.parse(a.published_at!)) / HOUR;
      if (age > 72) return;
      const showing = editionsShowing(a.edition as WrittenEditionCode);
      for (const edition of showing) {
        for (let h = 0; h < 24; h += 3) views.push({ article_id: id, edition, hour: hourNow - h, views: 1 + Math.floor(rnd() * 60) });
      }
    });
    await insertMany(trx, 'view_counts', views);
  });
  await upsertLexicon(db, STARTER_LEXICON, nowIso);
  return { stories: STORIES.length, articles: articleCount, images: photos.length };
}

/** The sentences generated articles are made of, per edition, in a fixed order (revisions refer to them by index). */
interface Pool { headlines: string[]; leads: string[]; paragraphs: string[]; sources: string[] }

let poolsPromise: Promise<Record<WrittenEditionCode, Pool>> | null = null;
function generatorPools(): Promise<Record<WrittenEditionCode, Pool>> {
  poolsPromise ??= loadDemoContent().then((content) => Object.fromEntries(WRITTEN_EDITIONS.map((e) => {
    const stories = Object.values(content[e].stories);
    return [e, { headlines: stories.map((s) => s.headline), leads: stories.map((s) => s.lead), paragraphs: stories.flatMap((s) => s.paragraphs), sources: stories.map((s) => s.source) }];
  })) as Record<WrittenEditionCode, Pool>);
  return poolsPromise;
}

/** What a generated article is made of: indexes into its edition's pool. */
interface Recipe { readonly e: WrittenEditionCode; readonly h: number; readonly l: number; readonly s: number; readonly p: readonly number[] }

const GENERATED = '$generated';

/** Each paragraph's block as the body validator writes it, validated once per paragraph. */
const paragraphJson = new WeakMap<Pool, string[]>();

function generatedBody(pool: Pool, p: readonly number[]): string {
  let cache = paragraphJson.get(pool);
  if (!cache) paragraphJson.set(pool, (cache = []));
  const parts = p.map((i) => (cache[i] ??= JSON.stringify(parseBody({ version: BODY_VERSION, blocks: [{ type: 'paragraph', content: [{ type: 'text', text: pool.paragraphs[i]! }] }] }).blocks[0])));
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
    ...rest, headline: pool.headlines[recipe.h] ?? '', lead: pool.leads[recipe.l] ?? '',
    source_line: pool.sources[recipe.s] ?? '', body: generatedBody(pool, recipe.p),
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
    return texts.map((t) => this.of(t)).filter((t) => t !== '').join(' ');
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
export async function seedBulk(handle: DbHandle, count: number, opts: { now: Date; onProgress?: (done: number) => void; onPhase?: (phase: 'indexes' | 'analyze') => void }): Promise<number> {
  const db = handle.db;
  if (await isEmpty(db)) throw new Error('seed the demo content first (habarshy seed)');
  const pools = await generatorPools();
  const sectionIds = [...(await idsByKey(db, 'sections')).values()].sort((a, b) => a - b);
  const tagIds = [...(await idsByKey(db, 'tags')).values()].sort((a, b) => a - b);
  const authorIds = [...(await idsByKey(db, 'authors')).values()].sort((a, b) => a - b);
  const tagNames = new Map((await db.selectFrom('tag_names').select(['tag_id', 'edition', 'name']).execute()).map((r) => [`${r.tag_id}:${r.edition}`, r.name]));
  const authorNames = new Map((await db.selectFrom('author_names').select(['author_id', 'edition', 'name']).execute()).map((r) => [`${r.author_id}:${r.edition}`, r.name]));
  const assets = await assetIds(db);
  const taken = await existingPublicIds(db);
  const rnd = prng(count + 7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const section = zipf(sectionIds, rnd);
  const tag = zipf(tagIds, rnd);
  const author = zipf(authorIds, rnd, 1.3);
  const analyzed = Object.fromEntries(WRITTEN_EDITIONS.map((e) => [e, new AnalyzedPool(EDITION_LANGUAGE[e] ?? 'en')])) as Record<WrittenEditionCode, AnalyzedPool>;
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
  // Rows per statement within each database's parameter limit; articles per transaction.
  const batch = (columns: number) => Math.floor((pg ? 60_000 : 30_000) / columns);
  const CHUNK = pg ? 10_000 : 50_000;
  let nextStory = (await maxId(db, 'stories')) + 1;
  let nextArticle = (await maxId(db, 'articles')) + 1;
  let done = 0;
  await bulkLoad(db, ['stories', 'articles', 'article_tags', 'article_authors', 'revisions', 'search_documents'], async () => {
    while (done < count) {
      const stories: { id: number; created_at: string }[] = [];
      const rows: (NewArticle & { id: number })[] = [];
      const tagRows: { article_id: number; tag_id: number; position: number }[] = [];
      const authorRows: { article_id: number; author_id: number; position: number }[] = [];
      const docs: { article_id: number; edition: string; headline: string; lead: string; body: string; extra: string }[] = [];
      const revisions: { article_id: number; revision: number; user_id: null; created_at: string; data: string }[] = [];
      const target = Math.min(CHUNK, count - done);
      while (rows.length < target) {
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
            e: edition, h: Math.floor(rnd() * pool.headlines.length), l: Math.floor(rnd() * pool.leads.length), s: Math.floor(rnd() * pool.sources.length),
            p: Array.from({ length: 4 + Math.floor(rnd() * 4) }, () => Math.floor(rnd() * pool.paragraphs.length)),
          };
          const headline = pool.headlines[recipe.h]!;
          let slug = slugCache.get(headline);
          if (slug === undefined) slugCache.set(headline, (slug = makeSlug(headline)));
          const iso = new Date(at + rnd() * 6 * HOUR).toISOString();
          const id = nextArticle++;
          const row = {
            id, public_id: uniqueId(taken), story_id: storyId, edition, section_id: sectionId,
            status: 'published' as const, slug, headline, lead: pool.leads[recipe.l]!, body: generatedBody(pool, recipe.p),
            body_version: BODY_VERSION, source_line: pool.sources[recipe.s]!, hero_asset_id: assets.length ? pick(assets) : null,
            breaking: 0, pinned: 0, seo_title: '', seo_description: '', published_at: iso, updated_at: null,
            created_at: iso, modified_at: iso, revision: 1,
          };
          rows.push(row);
          tags.forEach((tag_id, position) => tagRows.push({ article_id: id, tag_id, position }));
          authors.forEach((author_id, position) => authorRows.push({ article_id: id, author_id, position }));
          const a = analyzed[edition];
          docs.push({
            article_id: id, edition, headline: a.of(headline), lead: a.of(row.lead),
            body: a.join(recipe.p.map((i) => pool.paragraphs[i]!)),
            extra: a.join([...tags.map((t) => tagNames.get(`${t}:${edition}`) ?? ''), ...authors.map((x) => authorNames.get(`${x}:${edition}`) ?? '')]),
          });
          const { headline: _h, lead: _l, body: _b, source_line: _s, ...columns } = row;
          revisions.push({ article_id: id, revision: 1, user_id: null, created_at: iso, data: JSON.stringify({ ...columns, tagIds: tags, authorIds: authors, [GENERATED]: recipe }) });
        }
      }
      await db.transaction().execute(async (trx) => {
        await insertMany(trx, 'stories', stories, batch(2));
        await insertMany(trx, 'articles', rows, batch(21));
        await insertMany(trx, 'article_tags', tagRows, batch(3));
        await insertMany(trx, 'article_authors', authorRows, batch(3));
        await insertMany(trx, 'search_documents', docs, batch(6));
        await insertMany(trx, 'revisions', revisions, batch(5));
      });
      done += rows.length;
      opts.onProgress?.(done);
    }
  }, opts.onPhase);
  await resetIdentity(db, ['stories', 'articles', 'revisions']);
  return done;
}
