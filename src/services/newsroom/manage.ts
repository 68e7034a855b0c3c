// Management of what the reader site is organised by: sections (names per edition, order), tags
// (created while writing, renamed, merged) and authors (names, roles and bios per edition, photo).
// Every change is authorized, validated before anything is written, written in one transaction
// (with its audit row where the agency must account for it), and drops the cached pages that
// show what changed. Users and the audit log: userAdmin.ts.
import { syncSearchDocuments } from '../../search/indexer.ts';
import type { Db } from '../../db/connect.ts';
import { makeSlug } from '../../content/slug.ts';
import { cacheTags } from '../../cache/tags.ts';
import { EDITION_CODES, WRITTEN_EDITIONS } from '../../editions/editions.ts';
import { recordAudit } from '../../store/audit.ts';
import {
  authorsWithNames,
  insertSection,
  mergeTags,
  redirectTagSlug,
  setSectionName,
  setTagName,
  slugTaken,
  tagsWithNames,
} from '../../store/manage.ts';
import type { SectionsCache } from '../sectionsCache.ts';
import type { SessionUser } from './auth.ts';
import { conflict, invalid, NewsroomError, notFound } from './errors.ts';
import { RESERVED_SLUGS } from '../urls.ts';
import { authorize } from './permissions.ts';
import { stripBidiControls } from '../../content/text.ts';

export interface ManageDeps {
  readonly db: Db;
  readonly clock: () => Date;
  readonly sections: SectionsCache;
  readonly invalidate: (tags: Iterable<string>) => number;
}

type Names<T> = Partial<Record<string, T>>;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LIMITS = { sectionName: 120, tagName: 80, authorName: 120, authorRole: 120, authorBio: 2000, key: 40 } as const;

function checkEditions(names: Names<unknown>): void {
  for (const edition of Object.keys(names)) {
    if (!(WRITTEN_EDITIONS as readonly string[]).includes(edition))
      throw invalid(`names: "${edition}" is not a written edition (kz, ru, en, cn, uz)`);
  }
}

function checkText(field: string, value: unknown, max: number, required = true): string {
  const text = typeof value === 'string' ? stripBidiControls(value).trim() : '';
  if ((required && !text) || text.length > max) throw invalid(`${field}: ${required ? 'required, ' : ''}at most ${max} characters`);
  return text;
}

/**
 * The spellings a name may have for a query typed in any case: SQLite's LIKE folds ASCII only and
 * PostgreSQL's not at all, so "ПАВОДОК", "паводок" and "астана ханым" must be spelled the ways
 * names are written (lower, Capitalised, Every Word Capitalised, UPPER).
 */
export function spellingsOf(query: string): string[] {
  const lower = query.toLowerCase();
  const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return [...new Set([query, lower, query.toUpperCase(), capital(lower), lower.split(' ').map(capital).join(' ')])];
}

export class ManageService {
  constructor(private readonly deps: ManageDeps) {}

  private get db(): Db {
    return this.deps.db;
  }

  private now(): string {
    return this.deps.clock().toISOString();
  }

  /** Section names are on every page (menus, cards): reload them and drop every edition's pages. */
  private async sectionsChanged(): Promise<void> {
    await this.deps.sections.load();
    this.deps.invalidate([...EDITION_CODES.map(cacheTags.edition), cacheTags.sections()]);
  }

  // --- sections -------------------------------------------------------------------------------

  async sections() {
    const [sections, names] = await Promise.all([
      this.db.selectFrom('sections').select(['id', 'key', 'position']).orderBy('position').execute(),
      this.db.selectFrom('section_names').select(['section_id', 'edition', 'name', 'slug']).execute(),
    ]);
    return sections.map((s) => ({
      ...s,
      names: Object.fromEntries(names.filter((n) => n.section_id === s.id).map((n) => [n.edition, { name: n.name, slug: n.slug }])),
    }));
  }

  private async section(id: number) {
    const found = (await this.sections()).find((s) => s.id === id);
    if (!found) throw notFound('No such section');
    return found;
  }

  /** Validated names with their slugs (given, or made from the name), before anything is written. */
  private sectionNames(names: Names<{ name: string; slug?: string }>) {
    checkEditions(names);
    return Object.entries(names).map(([edition, n]) => {
      const name = checkText(`names.${edition}.name`, n?.name, LIMITS.sectionName);
      const slug = n?.slug ? n.slug : makeSlug(name);
      if (!SLUG.test(slug)) throw invalid(`names.${edition}.slug: lower-case Latin letters, digits and hyphens`);
      if (RESERVED_SLUGS.has(slug)) {
        throw new NewsroomError(
          'SLUG_RESERVED',
          `names.${edition}.slug: "${slug}" is the address of other pages (${[...RESERVED_SLUGS].join(', ')}): choose another`,
        );
      }
      return { edition, name, slug };
    });
  }

  private async writeSectionNames(trx: Db, id: number, entries: readonly { edition: string; name: string; slug: string }[]): Promise<void> {
    for (const { edition, name, slug } of entries) {
      if (await slugTaken(trx, 'section_names', edition, slug, id))
        throw conflict('SLUG_TAKEN', `names.${edition}.slug: "${slug}" is taken`);
      await setSectionName(trx, id, edition, name, slug);
    }
  }

  async createSection(user: SessionUser, input: { key: string; names: Names<{ name: string; slug?: string }> }) {
    authorize(user, 'section.manage');
    const key = checkText('key', input.key, LIMITS.key);
    if (!SLUG.test(key)) throw invalid('key: lower-case Latin letters, digits and hyphens');
    const entries = this.sectionNames(input.names);
    if (entries.length === 0) throw invalid("names: at least one edition's name");
    const id = await this.db.transaction().execute(async (trx) => {
      if (await trx.selectFrom('sections').select('id').where('key', '=', key).executeTakeFirst())
        throw conflict('KEY_TAKEN', `key: "${key}" is taken`);
      const sectionId = await insertSection(trx, key);
      await this.writeSectionNames(trx, sectionId, entries);
      await recordAudit(
        trx,
        { userId: user.id, action: 'section.create', targetType: 'section', targetId: sectionId, detail: { key } },
        this.now(),
      );
      return sectionId;
    });
    await this.sectionsChanged();
    return this.section(id);
  }

  async renameSection(user: SessionUser, id: number, names: Names<{ name: string; slug?: string }>) {
    authorize(user, 'section.manage');
    const entries = this.sectionNames(names);
    await this.section(id);
    await this.db.transaction().execute(async (trx) => {
      await this.writeSectionNames(trx, id, entries);
      await recordAudit(
        trx,
        { userId: user.id, action: 'section.rename', targetType: 'section', targetId: id, detail: { names: entries } },
        this.now(),
      );
    });
    await this.sectionsChanged();
    return this.section(id);
  }

  async orderSections(user: SessionUser, ids: readonly number[]): Promise<void> {
    authorize(user, 'section.manage');
    const existing = (await this.db.selectFrom('sections').select('id').execute()).map((r) => r.id).sort((a, b) => a - b);
    if (ids.length !== existing.length || [...ids].sort((a, b) => a - b).some((id, i) => id !== existing[i])) {
      throw invalid('ids: every section exactly once');
    }
    await this.db.transaction().execute(async (trx) => {
      for (const [position, id] of ids.entries())
        await trx
          .updateTable('sections')
          .set({ position: position + 1 })
          .where('id', '=', id)
          .execute();
    });
    await this.sectionsChanged();
  }

  // --- tags -------------------------------------------------------------------------------------

  /** The tag picker's search: a name containing `q` in any case, in one edition or any. */
  async tags(opts: { q?: string; edition?: string; limit: number }) {
    if (opts.edition !== undefined && !(WRITTEN_EDITIONS as readonly string[]).includes(opts.edition))
      throw invalid('edition: one of kz, ru, en, cn, uz');
    const q = opts.q?.trim().replace(/\s+/g, ' ');
    return tagsWithNames(this.db, {
      ...(q ? { spellings: spellingsOf(q) } : {}),
      ...(opts.edition ? { edition: opts.edition } : {}),
      limit: opts.limit,
    });
  }

  private async tag(id: number) {
    const found = (await tagsWithNames(this.db, { ids: [id], limit: 1 }))[0];
    if (!found) throw notFound('No such tag');
    return found;
  }

  private tagNames(names: Names<{ name: string }>) {
    checkEditions(names);
    return Object.entries(names).map(([edition, n]) => {
      const name = checkText(`names.${edition}.name`, n?.name, LIMITS.tagName);
      return { edition, name, slug: makeSlug(name) };
    });
  }

  async createTag(user: SessionUser, names: Names<{ name: string }>) {
    authorize(user, 'tag.create');
    const entries = this.tagNames(names);
    const first = entries[0];
    if (!first) throw invalid("names: at least one edition's name");
    const id = await this.db.transaction().execute(async (trx) => {
      let key = first.slug;
      for (let i = 2; await trx.selectFrom('tags').select('id').where('key', '=', key).executeTakeFirst(); i++) key = `${first.slug}-${i}`;
      const tag = await trx.insertInto('tags').values({ key }).returning('id').executeTakeFirstOrThrow();
      for (const { edition, name, slug } of entries) {
        if (await slugTaken(trx, 'tag_names', edition, slug))
          throw conflict('TAG_EXISTS', `names.${edition}.name: a tag "${name}" exists already`);
        await setTagName(trx, tag.id, edition, name, slug);
      }
      return tag.id;
    });
    return this.tag(id);
  }

  async renameTag(user: SessionUser, id: number, names: Names<{ name: string }>) {
    authorize(user, 'tag.manage');
    const entries = this.tagNames(names);
    const before = await this.tag(id);
    await this.db.transaction().execute(async (trx) => {
      for (const { edition, name, slug } of entries) {
        if (await slugTaken(trx, 'tag_names', edition, slug, id))
          throw conflict('TAG_EXISTS', `names.${edition}.name: a tag "${name}" exists already`);
        await setTagName(trx, id, edition, name, slug);
        const old = before.names[edition]?.slug;
        if (old !== undefined && old !== slug) await redirectTagSlug(trx, edition, old, id);
      }
    });
    this.deps.invalidate([cacheTags.tag(id)]);
    return this.tag(id);
  }

  async mergeTag(user: SessionUser, from: number, into: number) {
    authorize(user, 'tag.manage');
    if (from === into) throw invalid('into: a different tag');
    await this.tag(from);
    await this.tag(into);
    const moved = await this.db.transaction().execute(async (trx) => {
      const n = await mergeTags(trx, from, into);
      await recordAudit(
        trx,
        { userId: user.id, action: 'tag.merge', targetType: 'tag', targetId: from, detail: { into, articles: n } },
        this.now(),
      );
      return n;
    });
    // Article pages carry the tags of the tags they show (reader.ts), so these two cover them all.
    this.deps.invalidate([cacheTags.tag(from), cacheTags.tag(into)]);
    return { into: await this.tag(into), articlesMoved: moved };
  }

  // --- authors ----------------------------------------------------------------------------------

  authors() {
    return authorsWithNames(this.db);
  }

  async saveAuthor(
    user: SessionUser,
    id: number | null,
    input: { names: Names<{ name: string; role?: string; bio?: string }>; photoAssetId?: number | null },
  ) {
    authorize(user, 'author.manage');
    checkEditions(input.names);
    const entries = Object.entries(input.names).map(([edition, n]) => ({
      edition,
      name: checkText(`names.${edition}.name`, n?.name, LIMITS.authorName),
      role: checkText(`names.${edition}.role`, n?.role, LIMITS.authorRole, false),
      bio: checkText(`names.${edition}.bio`, n?.bio, LIMITS.authorBio, false),
    }));
    if (id === null && entries.length === 0) throw invalid("names: at least one edition's name");
    if (id !== null && !(await this.db.selectFrom('authors').select('id').where('id', '=', id).executeTakeFirst()))
      throw notFound('No such author');
    const photo = input.photoAssetId;
    if (typeof photo === 'number' && !(await this.db.selectFrom('media_assets').select('id').where('id', '=', photo).executeTakeFirst())) {
      throw invalid('photoAssetId: no such photo');
    }
    const authorId = await this.db.transaction().execute(async (trx) => {
      let aid = id;
      if (aid === null) {
        const base = makeSlug(entries[0]!.name);
        let slug = base;
        for (let i = 2; await trx.selectFrom('authors').select('id').where('slug', '=', slug).executeTakeFirst(); i++)
          slug = `${base}-${i}`;
        aid = (
          await trx
            .insertInto('authors')
            .values({ key: slug, slug, photo_asset_id: photo ?? null, user_id: null })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      } else if (photo !== undefined) {
        await trx.updateTable('authors').set({ photo_asset_id: photo }).where('id', '=', aid).execute();
      }
      for (const e of entries) {
        await trx.deleteFrom('author_names').where('author_id', '=', aid).where('edition', '=', e.edition).execute();
        await trx
          .insertInto('author_names')
          .values({ author_id: aid, edition: e.edition, name: e.name, role: e.role, bio: e.bio })
          .execute();
      }
      // Author names are searched with the articles: re-analyze the author's articles.
      const authored = await trx.selectFrom('article_authors').select('article_id').where('author_id', '=', aid).execute();
      await syncSearchDocuments(
        trx,
        authored.map((r) => r.article_id),
      );
      return aid;
    });
    this.deps.invalidate([cacheTags.author(authorId)]);
    return (await this.authors()).find((a) => a.id === authorId)!;
  }
}
