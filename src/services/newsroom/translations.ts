// Translations and the story view: "Translate into …" makes a linked draft of the same story in
// another written edition (the draft's translatedFrom points at the source, the story lists both)
// that starts with the source's section, tags, authors, lead photo (with its own caption and
// credit) and the photos of its body; the story view shows every written edition of the story with
// its article and state. The reader's language menu and hreflang follow the story, so a published
// translation is linked there.
import type { Db } from '../../db/connect.ts';
import { WRITTEN_EDITIONS, type WrittenEditionCode } from '../../editions/editions.ts';
import { storyArticles } from '../../store/newsroomStories.ts';
import type { SummaryRow } from '../../store/newsroom.ts';
import { heroTextsOf, linkIds } from '../../store/publishing.ts';
import { BODY_VERSION, type Block, type Body } from '../../content/body.ts';
import type { SessionUser } from './auth.ts';
import type { NewsroomArticles } from './articles.ts';
import type { Article, Story } from '../../contracts/newsroom/index.ts';
import { conflict, invalid, notFound } from './errors.ts';
import { authorize, can, ForbiddenError, type Actor } from './permissions.ts';

/** A story's written editions (the contract's Story). */
export type StoryView = Story;

const isWritten = (e: string): e is WrittenEditionCode => (WRITTEN_EDITIONS as readonly string[]).includes(e);

/** As NewsroomArticles decides: a published article is open to everyone, the rest to their desks. */
function mayRead(user: Actor, row: SummaryRow): boolean {
  return row.status === 'published' || can(user, 'article.read', { edition: row.edition, createdBy: row.created_by, status: row.status });
}

/**
 * The source's photos, in their order, as the translation's first body: each keeps its photo and
 * the source's caption, credit and alt text for the translator to translate in place (the text
 * blocks are the translator's to write, with the source beside).
 */
export function photoBlocks(sourceBody: string): Body {
  let blocks: readonly Block[];
  try {
    blocks = (JSON.parse(sourceBody) as Body).blocks ?? [];
  } catch {
    blocks = [];
  }
  return { version: BODY_VERSION, blocks: blocks.filter((b) => b.type === 'image' || b.type === 'gallery') };
}

export class NewsroomTranslations {
  constructor(private readonly deps: { readonly db: Db; readonly articles: NewsroomArticles }) {}

  /** A draft in `edition` of the source's story, in the same section, linked to the source. */
  async translate(user: SessionUser, sourceId: number, edition: string): Promise<Article> {
    const source = await this.deps.articles.readable(user, sourceId);
    if (!isWritten(edition)) throw invalid('edition: a written edition (kz, ru, en, cn, uz)');
    // The permission first, so that a refusal does not tell which editions the story has.
    authorize(user, 'article.translate', { edition });
    if (edition === source.edition) throw conflict('EDITION_EXISTS', `The story already has a ${edition} article: this one`);
    const [links, heroTexts] = await Promise.all([
      linkIds(this.deps.db, source.id),
      heroTextsOf(this.deps.db, source.id, source.hero_asset_id),
    ]);
    // Tags, authors and sections are one row across the editions (their names are per edition):
    // the same ids are the target edition's. A tag not yet named there is kept for the translator
    // to name (the site lists only named tags).
    return this.deps.articles.create(user, {
      edition,
      sectionId: source.section_id,
      storyId: source.story_id,
      translatedFrom: source.id,
      body: photoBlocks(source.body),
      tagIds: links.tagIds,
      authorIds: links.authorIds,
      heroAssetId: source.hero_asset_id,
      heroTexts: heroTexts && { caption: heroTexts.caption, credit: heroTexts.credit },
    });
  }

  /**
   * Every written edition of the story with its article (or null). Open to whoever may open one of
   * its articles, and showing only the articles that user may open: of the others (another desk's
   * draft or embargoed article) only that the edition is taken, never a headline or a state.
   */
  async story(user: SessionUser, storyId: number): Promise<StoryView> {
    const rows = await storyArticles(this.deps.db, storyId);
    if (rows.length === 0) throw notFound('No such story');
    const open = rows.filter((r) => mayRead(user, r));
    if (open.length === 0) throw new ForbiddenError('article.read');
    const byEdition = new Map((await this.deps.articles.summarize(open)).map((s) => [s.edition, s]));
    const closed = new Set(rows.filter((r) => !mayRead(user, r)).map((r) => r.edition));
    return {
      id: storyId,
      editions: WRITTEN_EDITIONS.map((edition) => ({
        edition,
        article: byEdition.get(edition) ?? null,
        ...(closed.has(edition) ? { closed: true as const } : {}),
      })),
    };
  }
}
