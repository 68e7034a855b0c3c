// Translations and stories, who has an article open, and the derived scripts for the editor:
// live conversion with the words the converter is unsure of, per-field overrides of a derived
// article, and the shared lexicon.
import type { Db } from '../../db/connect.ts';
import { InvalidBodyError, parseBody, type Body } from '../../content/body.ts';
import { cacheTags } from '../../cache/tags.ts';
import { DERIVED_EDITIONS, EDITIONS, WRITTEN_EDITIONS, type DerivedEditionCode, type EditionCode } from '../../editions/editions.ts';
import { recordAudit } from '../../store/audit.ts';
import { removeLexicon, upsertLexicon } from '../../store/lexicon.ts';
import { overridesFor, removeOverride, setOverride } from '../../store/overrides.ts';
import { SUMMARY_COLUMNS } from '../../store/newsroom.ts';
import { convertBlocks, type EditionTexts } from '../editionText.ts';
import type { SessionUser } from './auth.ts';
import type { ArticleSummary, NewsroomArticles } from './articles.ts';
import { conflict, invalid, notFound } from './errors.ts';
import { authorize } from './permissions.ts';

export interface StoriesDeps {
  readonly db: Db;
  readonly articles: NewsroomArticles;
  readonly texts: EditionTexts;
  readonly clock: () => Date;
  readonly invalidate: (tags: Iterable<string>) => number;
  readonly reloadLexicon: () => Promise<void>;
}

/** Others count as present for 45 s after their last heartbeat (the editor beats every 15 s). */
export const PRESENCE_MS = 45_000;
const OVERRIDE_FIELDS: Record<string, string> = {
  headline: 'headline', lead: 'lead', sourceLine: 'source_line', source_line: 'source_line', seoTitle: 'seo_title',
  seo_title: 'seo_title', seoDescription: 'seo_description', seo_description: 'seo_description', body: 'body',
};
const API_FIELD: Record<string, string> = { source_line: 'sourceLine', seo_title: 'seoTitle', seo_description: 'seoDescription' };

function derivedOf(edition: string): DerivedEditionCode[] {
  return DERIVED_EDITIONS.filter((d) => {
    const e = EDITIONS[d];
    return e.kind === 'derived' && e.source === edition;
  });
}

function validBody(value: unknown): Body {
  try {
    return parseBody(value);
  } catch (e) {
    if (e instanceof InvalidBodyError) throw invalid(`body: ${e.message}`, { path: e.path });
    throw e;
  }
}

export class StoriesService {
  constructor(private readonly deps: StoriesDeps) {}

  private get db(): Db {
    return this.deps.db;
  }

  // --- translations and stories -----------------------------------------------------------------

  async translate(user: SessionUser, sourceId: number, edition: string) {
    const source = await this.deps.articles.readable(user, sourceId);
    if (!(WRITTEN_EDITIONS as readonly string[]).includes(edition)) throw invalid('edition: a written edition (kz, ru, en, cn, uz)');
    if (edition === source.edition) throw conflict('EDITION_EXISTS', 'This is the article in that edition');
    authorize(user, 'article.translate', { edition });
    return this.deps.articles.create(user, { edition, sectionId: source.section_id, storyId: source.story_id, translatedFrom: source.id });
  }

  async story(user: SessionUser, storyId: number) {
    const rows = await this.db.selectFrom('articles').select(SUMMARY_COLUMNS).where('articles.story_id', '=', storyId).execute();
    if (rows.length === 0) throw notFound('No such story');
    // Anyone who may open one of its articles may see the story's editions.
    const visible = rows.filter((r) => (user.desks as readonly string[]).includes(r.edition));
    if (visible.length === 0) authorize(user, 'article.read', { edition: rows[0]!.edition });
    const summaries = await this.deps.articles.summarize(rows);
    const byEdition = new Map<string, ArticleSummary>(summaries.map((s) => [s.edition, s]));
    return { id: storyId, editions: WRITTEN_EDITIONS.map((edition) => ({ edition, article: byEdition.get(edition) ?? null })) };
  }

  // --- presence ---------------------------------------------------------------------------------

  async heartbeat(user: SessionUser, articleId: number) {
    await this.deps.articles.readable(user, articleId);
    const now = this.deps.clock();
    const at = now.toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('article_presence').where('article_id', '=', articleId).where('user_id', '=', user.id).execute();
      await trx.insertInto('article_presence').values({ article_id: articleId, user_id: user.id, seen_at: at }).execute();
    });
    const since = new Date(now.getTime() - PRESENCE_MS).toISOString();
    const others = await this.db.selectFrom('article_presence').innerJoin('users', 'users.id', 'article_presence.user_id')
      .select(['users.id', 'users.name', 'article_presence.seen_at'])
      .where('article_presence.article_id', '=', articleId).where('article_presence.user_id', '<>', user.id)
      .where('article_presence.seen_at', '>=', since).orderBy('users.name').execute();
    return { others: others.map((o) => ({ id: o.id, name: o.name, since: o.seen_at })) };
  }

  async leave(user: SessionUser, articleId: number): Promise<void> {
    await this.db.deleteFrom('article_presence').where('article_id', '=', articleId).where('user_id', '=', user.id).execute();
  }

  // --- derived scripts --------------------------------------------------------------------------

  async convert(user: SessionUser, input: { edition: string; articleId?: number; headline: string; lead: string; body: unknown }) {
    if (input.edition !== 'kz' && input.edition !== 'uz') throw invalid('edition: kz or uz (the editions with derived scripts)');
    const body = validBody(input.body);
    if (input.articleId !== undefined) await this.deps.articles.readable(user, input.articleId);
    const editions = await Promise.all(derivedOf(input.edition).map(async (code) => {
      const text = this.deps.texts.get(code);
      const converter = text.converter!;
      const overrides = input.articleId !== undefined ? await overridesFor(this.db, input.articleId, code) : new Map<string, string>();
      const unsure = new Map<string, string>();
      const report = (s: string) => {
        const r = converter.report(s);
        for (const u of r.unsure) unsure.set(u.word, u.reason);
        return r.text;
      };
      const headline = overrides.get('headline') ?? report(input.headline);
      const lead = overrides.get('lead') ?? report(input.lead);
      const overriddenBody = overrides.get('body');
      const blocks = overriddenBody ? (JSON.parse(overriddenBody) as Body).blocks : convertBlocks(body.blocks, report);
      return {
        edition: code, dir: EDITIONS[code as EditionCode].dir, headline, lead, body: { version: body.version, blocks },
        unsure: [...unsure].map(([word, reason]) => ({ word, reason })),
      };
    }));
    return { editions };
  }

  async overrides(user: SessionUser, articleId: number) {
    const row = await this.deps.articles.readable(user, articleId);
    const items: { edition: string; field: string; value: string }[] = [];
    for (const code of derivedOf(row.edition)) {
      for (const [field, value] of await overridesFor(this.db, articleId, code)) items.push({ edition: code, field: API_FIELD[field] ?? field, value });
    }
    return { items };
  }

  async setOverride(user: SessionUser, articleId: number, edition: string, field: string, value: string | null): Promise<void> {
    const row = await this.deps.articles.readable(user, articleId, 'derived.override');
    if (!(derivedOf(row.edition) as string[]).includes(edition)) throw invalid(`edition: ${edition} is not derived from ${row.edition}`);
    const column = OVERRIDE_FIELDS[field];
    if (!column) throw invalid('field: headline, lead, sourceLine, seoTitle, seoDescription or body');
    if (value !== null) {
      if (column === 'body') value = JSON.stringify(validBody(JSON.parse(value)));
      else if (!value.trim() || value.length > 1000) throw invalid('value: 1–1000 characters');
    }
    const now = this.deps.clock().toISOString();
    await this.db.transaction().execute(async (trx) => {
      if (value === null) await removeOverride(trx, articleId, edition, column);
      else await setOverride(trx, articleId, edition, column, value, now);
      await recordAudit(trx, { userId: user.id, action: value === null ? 'override.remove' : 'override.set', targetType: 'article', targetId: articleId, detail: { edition, field: column } }, now);
    });
    // Only that article's pages show the field (its cards in lists carry its tag too).
    this.deps.invalidate([cacheTags.article(articleId)]);
  }

  // --- lexicon ----------------------------------------------------------------------------------

  private schemeEditions(scheme: string): DerivedEditionCode[] {
    return DERIVED_EDITIONS.filter((d) => {
      const e = EDITIONS[d];
      return e.kind === 'derived' && e.scheme === scheme;
    });
  }

  async lexicon(scheme?: string) {
    const rows = await this.db.selectFrom('lexicon').select(['id', 'scheme', 'word', 'spelling']).orderBy('scheme').orderBy('word')
      .$if(scheme !== undefined, (q) => q.where('scheme', '=', scheme!)).execute();
    return { items: rows };
  }

  async addWord(user: SessionUser, input: { scheme: string; word: string; spelling: string }) {
    const editions = this.schemeEditions(input.scheme);
    if (editions.length === 0) throw invalid('scheme: the scheme of a derived edition (kk-Latn-2018, kk-Arab, uz-Latn-1995)');
    const source = EDITIONS[editions[0]!];
    authorize(user, 'lexicon.edit', { edition: source.kind === 'derived' ? source.source : undefined });
    const word = input.word.trim().toLowerCase();
    const spelling = input.spelling.trim().toLowerCase();
    if (!word || word.length > 100 || /\s/.test(word)) throw invalid('word: one word, at most 100 characters');
    if (!spelling || spelling.length > 100) throw invalid('spelling: 1–100 characters');
    const now = this.deps.clock().toISOString();
    await upsertLexicon(this.db, [{ scheme: input.scheme, word, spelling }], now);
    await recordAudit(this.db, { userId: user.id, action: 'lexicon.add', targetType: 'lexicon', targetId: `${input.scheme}:${word}`, detail: { spelling } }, now);
    await this.deps.reloadLexicon();
    const row = await this.db.selectFrom('lexicon').select('id').where('scheme', '=', input.scheme).where('word', '=', word).executeTakeFirstOrThrow();
    return { id: row.id };
  }

  async removeWord(user: SessionUser, id: number): Promise<void> {
    const row = await this.db.selectFrom('lexicon').select(['scheme', 'word']).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('No such word');
    const editions = this.schemeEditions(row.scheme);
    const source = editions[0] ? EDITIONS[editions[0]] : undefined;
    authorize(user, 'lexicon.edit', { edition: source?.kind === 'derived' ? source.source : undefined });
    await removeLexicon(this.db, row.scheme, row.word);
    await recordAudit(this.db, { userId: user.id, action: 'lexicon.remove', targetType: 'lexicon', targetId: `${row.scheme}:${row.word}` }, this.deps.clock().toISOString());
    await this.deps.reloadLexicon();
  }
}

