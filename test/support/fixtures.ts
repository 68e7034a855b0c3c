// Small builders for the content a suite needs, written straight into the database before the app
// boots (the app reads sections and the lexicon at boot), instead of the 315-article demo:
//
//   site = await bootSite(dialect, { content: async (db) => {
//     politics = await aSection(db, 'politics');
//     story = await anArticle(db, { edition: 'kz', section: politics, headline: 'Жаңа көпір' });
//   } });
//
// Names of sections and tags come from the demo catalogue (real words in every edition); rows are
// written as the demo seed writes them (revision 1, search document, tags, authors, photo texts).
// Users are made after the boot, through the app: `makeUser`/`signedIn` in newsroom.ts.
import path from 'node:path';
import type { Db } from '../../src/db/connect.ts';
import type { ArticleStatus } from '../../src/db/tables.ts';
import { WRITTEN_EDITIONS, type WrittenEditionCode } from '../../src/editions/editions.ts';
import { BODY_VERSION, parseBody, type Block, type Body } from '../../src/content/body.ts';
import { newPublicId } from '../../src/content/ids.ts';
import { makeSlug } from '../../src/content/slug.ts';
import { AUTHORS, SECTIONS, TAGS } from '../../src/demo/catalog.ts';
import { syncSearchDocuments } from '../../src/search/indexer.ts';
import { demoPhoto, writeVariants } from '../../src/services/images.ts';
import { FIXED_NOW, SHARED_DATA_DIR } from './site.ts';

export interface SectionFixture {
  readonly id: number;
  readonly key: string;
  readonly slugs: Readonly<Record<WrittenEditionCode, string>>;
}
export interface TagFixture {
  readonly id: number;
  readonly key: string;
}
export interface AuthorFixture {
  readonly id: number;
  readonly key: string;
}
export interface ArticleFixture {
  readonly id: number;
  readonly publicId: string;
  readonly storyId: number;
  readonly edition: WrittenEditionCode;
  readonly slug: string;
  readonly headline: string;
  /** The reader's path, `/kz/news/<slug>-<id>` (in its written edition). */
  readonly path: string;
}

type Names = Partial<Record<WrittenEditionCode, string>>;

/** Names in every written edition: the given ones, the rest in the first given (or the key). */
function namesFor(key: string, names: Names, catalog?: { names: Record<WrittenEditionCode, { name: string; slug: string }> }) {
  const fallback = Object.values(names)[0] ?? key;
  return Object.fromEntries(
    WRITTEN_EDITIONS.map((e) => {
      const name = names[e] ?? catalog?.names[e].name ?? fallback;
      const slug = names[e] === undefined && catalog ? catalog.names[e].slug : makeSlug(name) || key;
      return [e, { name, slug }];
    }),
  ) as Record<WrittenEditionCode, { name: string; slug: string }>;
}

/** A section: one of the demo catalogue's by key (its names in every edition), or a new key with the names given. */
export async function aSection(db: Db, key?: string, names: Names = {}): Promise<SectionFixture> {
  const taken = new Set((await db.selectFrom('sections').select('key').execute()).map((r) => r.key));
  const chosen = key ?? SECTIONS.find((s) => !taken.has(s.key))?.key ?? `section-${taken.size + 1}`;
  const all = namesFor(
    chosen,
    names,
    SECTIONS.find((s) => s.key === chosen),
  );
  const position = taken.size + 1;
  const { id } = await db
    .insertInto('sections')
    .values({ key: chosen, parent_id: null, position })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('section_names')
    .values(WRITTEN_EDITIONS.map((e) => ({ section_id: id, edition: e, ...all[e] })))
    .execute();
  return {
    id,
    key: chosen,
    slugs: Object.fromEntries(WRITTEN_EDITIONS.map((e) => [e, all[e].slug])) as Record<WrittenEditionCode, string>,
  };
}

/** A tag: one of the demo catalogue's by key, or a new key with the names given. */
export async function aTag(db: Db, key: string, names: Names = {}): Promise<TagFixture> {
  const all = namesFor(
    key,
    names,
    TAGS.find((t) => t.key === key),
  );
  const { id } = await db.insertInto('tags').values({ key }).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('tag_names')
    .values(WRITTEN_EDITIONS.map((e) => ({ tag_id: id, edition: e, ...all[e] })))
    .execute();
  return { id, key };
}

/** An author: one of the demo catalogue's by key (its names), or a new key named after it. */
export async function anAuthor(db: Db, key: string): Promise<AuthorFixture> {
  const demo = AUTHORS.find((a) => a.key === key);
  const { id } = await db
    .insertInto('authors')
    .values({ key, slug: demo?.slug ?? makeSlug(key), photo_asset_id: null, user_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('author_names')
    .values(WRITTEN_EDITIONS.map((e) => ({ author_id: id, edition: e, name: demo?.names[e] ?? key, role: '', bio: '' })))
    .execute();
  return { id, key };
}

/** A story: the articles of one event in several editions (translations of each other). */
export async function aStory(db: Db, createdAt: Date = FIXED_NOW): Promise<number> {
  return (await db.insertInto('stories').values({ created_at: createdAt.toISOString() }).returning('id').executeTakeFirstOrThrow()).id;
}

let photoSeed = 0;

/**
 * A photo (1200×800, every width and crop written to the shared media folder once) with its
 * caption and credit in the editions given.
 */
export async function aPhoto(
  db: Db,
  texts: Partial<Record<WrittenEditionCode, { caption: string; credit?: string }>> = {},
): Promise<number> {
  photoSeed += 1;
  const fileKey = `fixture-${photoSeed}`;
  const photo = demoPhoto(1000 + photoSeed);
  const stored = await writeVariants(photo.svg, path.join(SHARED_DATA_DIR, 'media'), fileKey, photo.focal);
  const { id } = await db
    .insertInto('media_assets')
    .values({
      file_key: fileKey,
      mime: 'image/webp',
      width: stored.width,
      height: stored.height,
      focal_x: photo.focal.x,
      focal_y: photo.focal.y,
      bytes: stored.bytes,
      created_at: FIXED_NOW.toISOString(),
      uploaded_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rows = Object.entries(texts).map(([edition, t]) => ({ asset_id: id, edition, caption: t.caption, credit: t.credit ?? '' }));
  if (rows.length > 0) await db.insertInto('media_texts').values(rows).execute();
  return id;
}

export interface ArticleSpec {
  readonly edition?: WrittenEditionCode;
  /** Default: the first section (one is made when there is none). */
  readonly section?: SectionFixture | number;
  /** Default: a story of its own. */
  readonly story?: number;
  readonly headline?: string;
  readonly lead?: string;
  /** Paragraphs of text, or a whole body. */
  readonly body?: readonly string[] | Body;
  /** The hero photo: an asset id, or the caption (and credit) of a new photo in the article's edition. */
  readonly photo?: number | { caption: string; credit?: string };
  readonly tags?: readonly (TagFixture | number)[];
  readonly authors?: readonly (AuthorFixture | number)[];
  readonly status?: ArticleStatus;
  /** Default for a published article: an hour before FIXED_NOW, a minute earlier for each article made before. */
  readonly publishedAt?: Date | null;
}

let articleCount = 0;

/** An article as the demo seed writes one: revision 1, its search document, tags and authors in order. */
export async function anArticle(db: Db, spec: ArticleSpec = {}): Promise<ArticleFixture> {
  articleCount += 1;
  const edition = spec.edition ?? 'kz';
  const headline = spec.headline ?? `Fixture article ${articleCount}`;
  const status = spec.status ?? 'published';
  const sectionId =
    typeof spec.section === 'number'
      ? spec.section
      : (spec.section?.id ??
        (await db.selectFrom('sections').select('id').orderBy('position').executeTakeFirst())?.id ??
        (await aSection(db)).id);
  const storyId = spec.story ?? (await aStory(db));
  const heroId =
    spec.photo === undefined ? null : typeof spec.photo === 'number' ? spec.photo : await aPhoto(db, { [edition]: spec.photo });
  const blocks: Block[] =
    Array.isArray(spec.body) || spec.body === undefined
      ? ((spec.body ?? [`${headline}.`]) as readonly string[]).map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] }))
      : (spec.body as Body).blocks;
  const body = parseBody({ version: BODY_VERSION, blocks });
  const publishedAt =
    spec.publishedAt !== undefined
      ? spec.publishedAt
      : status === 'published'
        ? new Date(FIXED_NOW.getTime() - 3_600_000 - articleCount * 60_000)
        : null;
  const modifiedAt = (publishedAt ?? FIXED_NOW).toISOString();
  const publicId = await freePublicId(db);
  const slug = makeSlug(headline);
  const row = {
    public_id: publicId,
    story_id: storyId,
    edition,
    section_id: sectionId,
    status,
    slug,
    headline,
    lead: spec.lead ?? '',
    body: JSON.stringify(body),
    body_version: BODY_VERSION,
    source_line: '',
    hero_asset_id: heroId,
    breaking: 0,
    pinned: 0,
    seo_title: '',
    seo_description: '',
    published_at: publishedAt?.toISOString() ?? null,
    updated_at: null,
    created_at: modifiedAt,
    modified_at: modifiedAt,
    revision: 1,
    scheduled_at: null,
  };
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('articles').values(row).returning('id').executeTakeFirstOrThrow();
    const tags = (spec.tags ?? []).map((t) => (typeof t === 'number' ? t : t.id));
    const authors = (spec.authors ?? []).map((a) => (typeof a === 'number' ? a : a.id));
    if (tags.length > 0)
      await trx
        .insertInto('article_tags')
        .values(tags.map((tag_id, position) => ({ article_id: id, tag_id, position })))
        .execute();
    if (authors.length > 0)
      await trx
        .insertInto('article_authors')
        .values(authors.map((author_id, position) => ({ article_id: id, author_id, position })))
        .execute();
    await trx
      .insertInto('revisions')
      .values({ article_id: id, revision: 1, user_id: null, created_at: modifiedAt, data: JSON.stringify(row) })
      .execute();
    await syncSearchDocuments(trx, [id]);
    return id;
  });
  return { id, publicId, storyId, edition, slug, headline, path: `/${edition}/news/${slug ? `${slug}-` : ''}${publicId}` };
}

async function freePublicId(db: Db): Promise<string> {
  for (;;) {
    const id = newPublicId();
    if (!(await db.selectFrom('articles').select('id').where('public_id', '=', id).executeTakeFirst())) return id;
  }
}

/** For `bootSite(…, { content: nothing })`: a site without content (the starter lexicon only). */
export async function nothing(): Promise<void> {}
