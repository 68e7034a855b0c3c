// Demo content: the catalogue and the desks' articles (src/demo/), generated photos, a day of
// reader views, and the starter lexicon. The bulk generator for scale work is demoArchive.ts.
import { seedDemoPages } from './demoPages.ts';
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
import { idsByKey, insertMany, insertReturningIds, isEmpty } from '../store/bulk.ts';
import { upsertLexicon } from '../store/lexicon.ts';
import { STARTER_LEXICON } from '../script/starterLexicon.ts';
import { demoPhoto, ensureLogo, writeVariants, type FocalPoint, type StoredImage } from './images.ts';
import { cropsFor } from '../content/crops.ts';
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

export function uniqueId(taken: Set<string>): string {
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

export interface SeedReport {
  readonly stories: number;
  readonly articles: number;
  readonly images: number;
}

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
  const photos: { story: DemoStory; index: number; fileKey: string; width: number; height: number; bytes: number; focal: FocalPoint }[] =
    [];
  let seed = 1;
  for (const story of STORIES) {
    for (let i = 0; i < story.photos; i++) {
      const fileKey = `demo-${story.key}-${i + 1}`;
      const photo = demoPhoto(seed);
      const stored =
        (await existingDemoPhoto(mediaDir, fileKey, photo.focal)) ?? (await writeVariants(photo.svg, mediaDir, fileKey, photo.focal));
      seed++;
      photos.push({ story, index: i, ...stored, focal: photo.focal });
    }
  }

  const rnd = prng(20251118);
  let articleCount = 0;
  await db.transaction().execute(async (trx) => {
    await insertMany(
      trx,
      'sections',
      SECTIONS.map((s, i) => ({ key: s.key, parent_id: null, position: i + 1 })),
    );
    await insertMany(
      trx,
      'tags',
      TAGS.map((t) => ({ key: t.key })),
    );
    await insertMany(
      trx,
      'authors',
      AUTHORS.map((a) => ({ key: a.key, slug: a.slug, photo_asset_id: null, user_id: null })),
    );
    const sectionIds = await idsByKey(trx, 'sections');
    const tagIds = await idsByKey(trx, 'tags');
    const authorIds = await idsByKey(trx, 'authors');
    await insertMany(
      trx,
      'section_names',
      SECTIONS.flatMap((s) => WRITTEN_EDITIONS.map((e) => ({ section_id: sectionIds.get(s.key)!, edition: e, ...s.names[e] }))),
    );
    await insertMany(
      trx,
      'tag_names',
      TAGS.flatMap((t) => WRITTEN_EDITIONS.map((e) => ({ tag_id: tagIds.get(t.key)!, edition: e, ...t.names[e] }))),
    );
    await insertMany(
      trx,
      'author_names',
      AUTHORS.flatMap((a) =>
        WRITTEN_EDITIONS.map((e) => ({
          author_id: authorIds.get(a.key)!,
          edition: e,
          name: a.names[e],
          role: content[e].authors[a.key]?.role ?? '',
          bio: content[e].authors[a.key]?.bio ?? '',
        })),
      ),
    );

    const assetIdsByStory = new Map<string, number[]>();
    const photoIds = await insertReturningIds(
      trx,
      'media_assets',
      photos.map((p) => ({
        file_key: p.fileKey,
        mime: 'image/webp',
        width: p.width,
        height: p.height,
        focal_x: p.focal.x,
        focal_y: p.focal.y,
        bytes: p.bytes,
        created_at: nowIso,
      })),
    );
    photos.forEach((p, i) => {
      const list = assetIdsByStory.get(p.story.key) ?? [];
      list.push(photoIds[i]!);
      assetIdsByStory.set(p.story.key, list);
    });
    await insertMany(
      trx,
      'media_texts',
      photos.flatMap((p, i) =>
        WRITTEN_EDITIONS.flatMap((e) => {
          const article = content[e].stories[p.story.key];
          if (!article) return [];
          return [
            {
              asset_id: photoIds[i]!,
              edition: e,
              caption: article.captions[p.index] ?? '',
              credit: content[e].credits[p.story.credit] ?? '',
            },
          ];
        }),
      ),
    );

    const taken = new Set<string>();
    const span = 29 * DAY;
    const storyIds = await insertReturningIds(
      trx,
      'stories',
      STORIES.map((_, i) => ({ created_at: new Date(now - (i * span) / STORIES.length - 2 * HOUR).toISOString() })),
    );
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
          public_id: uniqueId(taken),
          story_id: storyIds[i]!,
          edition: e,
          section_id: sectionIds.get(story.section)!,
          status: 'published',
          slug: makeSlug(a.headline),
          headline: a.headline,
          lead: a.lead,
          body: JSON.stringify(bodyFor(a, assets.slice(1))),
          body_version: BODY_VERSION,
          source_line: a.source,
          hero_asset_id: assets[0] ?? null,
          breaking: story.breaking && i < 3 ? 1 : 0,
          pinned: 0,
          seo_title: '',
          seo_description: '',
          published_at: published.toISOString(),
          updated_at: updated && updated.getTime() < now ? updated.toISOString() : null,
          created_at: new Date(published.getTime() - 30 * 60_000).toISOString(),
          modified_at: (updated ?? published).toISOString(),
          revision: 1,
        });
        links.push({ tags: story.tags.map((t) => tagIds.get(t)!), authors: story.authors.map((x) => authorIds.get(x)!) });
      });
    });
    const ids = await insertReturningIds(trx, 'articles', articles);
    articleCount = ids.length;
    await insertMany(
      trx,
      'article_tags',
      ids.flatMap((id, i) => links[i]!.tags.map((tag_id, position) => ({ article_id: id, tag_id, position }))),
    );
    await insertMany(
      trx,
      'article_authors',
      ids.flatMap((id, i) => links[i]!.authors.map((author_id, position) => ({ article_id: id, author_id, position }))),
    );
    await syncSearchDocuments(trx, ids);
    await insertMany(
      trx,
      'revisions',
      ids.map((id, i) => ({
        article_id: id,
        revision: 1,
        user_id: null,
        created_at: articles[i]!.modified_at,
        data: JSON.stringify(articles[i]),
      })),
    );

    // A week of reader views, so that "most popular" (today and this week) has something to rank
    // from the first start: every 6 hours since each article of the week was published.
    const hourNow = Math.floor(now / HOUR);
    const views: { article_id: number; edition: string; hour: number; views: number }[] = [];
    ids.forEach((id, i) => {
      const a = articles[i]!;
      const published = Math.floor(Date.parse(a.published_at!) / HOUR);
      if (hourNow - published >= 7 * 24) return;
      const showing = editionsShowing(a.edition as WrittenEditionCode);
      for (const edition of showing) {
        // Readers come in the first days after publication: fewer as a story grows older.
        for (let hour = hourNow; hour >= published; hour -= 6)
          views.push({ article_id: id, edition, hour, views: 1 + Math.floor(rnd() * 60 * Math.max(0.15, 1 - (hour - published) / 96)) });
      }
    });
    await insertMany(trx, 'view_counts', views);
    await seedDemoPages(trx, nowIso);
  });
  await upsertLexicon(db, STARTER_LEXICON, nowIso);
  return { stories: STORIES.length, articles: articleCount, images: photos.length };
}
