// Management: sections (names per edition, order), tags (create while writing, rename, merge),
// authors (names, roles and bios per edition, photo), users (roles, desks, disable, reset) and the
// audit log. Every change is authorized, validated, written in one transaction with its audit row
// where the agency must account for it, and drops the cached pages that show what changed.
import type { Db } from '../../db/connect.ts';
import type { Role } from '../../db/tables.ts';
import { makeSlug } from '../../content/slug.ts';
import { cacheTags } from '../../cache/tags.ts';
import { EDITION_CODES, WRITTEN_EDITIONS } from '../../editions/editions.ts';
import { listAudit, recordAudit } from '../../store/audit.ts';
import { authorsWithNames, mergeTags, slugTaken, tagsWithNames } from '../../store/manage.ts';
import { deleteSessionsOf, listUsers, updateUser, userById } from '../../store/users.ts';
import { AuthService, publicUser, type SessionUser } from './auth.ts';
import { conflict, invalid, notFound } from './errors.ts';
import { authorize, desksOf, ROLES } from './permissions.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import type { SectionsCache } from '../sectionsCache.ts';

export interface ManageDeps {
  readonly db: Db;
  readonly clock: () => Date;
  readonly sections: SectionsCache;
  readonly invalidate: (tags: Iterable<string>) => number;
}

type Names<T> = Partial<Record<string, T>>;

function checkEditions(names: Names<unknown>): void {
  for (const edition of Object.keys(names)) {
    if (!(WRITTEN_EDITIONS as readonly string[]).includes(edition)) throw invalid(`names: "${edition}" is not a written edition (kz, ru, en, cn, uz)`);
  }
}

function checkName(edition: string, name: unknown, max = 120): string {
  const value = typeof name === 'string' ? name.trim() : '';
  if (!value || value.length > max) throw invalid(`names.${edition}.name: required, at most ${max} characters`);
  return value;
}

export class ManageService {
  constructor(private readonly deps: ManageDeps) {}

  private get db(): Db {
    return this.deps.db;
  }

  private now(): string {
    return this.deps.clock().toISOString();
  }

  /** Names are on every page (menus, cards): drop every edition's pages. */
  private dropAllPages(): void {
    this.deps.invalidate([...EDITION_CODES.map(cacheTags.edition), cacheTags.sections()]);
  }

  // --- sections -------------------------------------------------------------------------------

  async sections() {
    const [sections, names] = await Promise.all([
      this.db.selectFrom('sections').select(['id', 'key', 'position']).orderBy('position').execute(),
      this.db.selectFrom('section_names').select(['section_id', 'edition', 'name', 'slug']).execute(),
    ]);
    return sections.map((s) => ({
      ...s, names: Object.fromEntries(names.filter((n) => n.section_id === s.id).map((n) => [n.edition, { name: n.name, slug: n.slug }])),
    }));
  }

  async renameSection(user: SessionUser, id: number, names: Names<{ name: string; slug?: string }>) {
    authorize(user, 'section.manage');
    checkEditions(names);
    if (!(await this.db.selectFrom('sections').select('id').where('id', '=', id).executeTakeFirst())) throw notFound('No such section');
    await this.db.transaction().execute(async (trx) => {
      for (const [edition, n] of Object.entries(names)) {
        const name = checkName(edition, n?.name);
        const slug = n?.slug ? n.slug : makeSlug(name);
        if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) throw invalid(`names.${edition}.slug: lower-case Latin letters, digits and hyphens`);
        if (await slugTaken(trx, 'section_names', edition, slug, id)) throw conflict('SLUG_TAKEN', `names.${edition}.slug: "${slug}" is taken`);
        await trx.deleteFrom('section_names').where('section_id', '=', id).where('edition', '=', edition).execute();
        await trx.insertInto('section_names').values({ section_id: id, edition, name, slug }).execute();
      }
      await recordAudit(trx, { userId: user.id, action: 'section.rename', targetType: 'section', targetId: id, detail: { names } }, this.now());
    });
    await this.deps.sections.load();
    this.dropAllPages();
    return (await this.sections()).find((s) => s.id === id);
  }

  async orderSections(user: SessionUser, ids: readonly number[]): Promise<void> {
    authorize(user, 'section.manage');
    const existing = (await this.db.selectFrom('sections').select('id').execute()).map((r) => r.id).sort((a, b) => a - b);
    if (ids.length !== existing.length || [...ids].sort((a, b) => a - b).some((id, i) => id !== existing[i])) {
      throw invalid('ids: every section exactly once');
    }
    await this.db.transaction().execute(async (trx) => {
      for (const [position, id] of ids.entries()) await trx.updateTable('sections').set({ position: position + 1 }).where('id', '=', id).execute();
    });
    await this.deps.sections.load();
    this.dropAllPages();
  }

  // --- tags -------------------------------------------------------------------------------------

  async tags(opts: { q?: string; edition?: string; limit: number }) {
    const q = opts.q?.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
    const matching = q ? [...new Set([q, q.toLowerCase(), q.charAt(0).toUpperCase() + q.slice(1).toLowerCase(), q.toUpperCase()])] : undefined;
    return tagsWithNames(this.db, { ...(matching ? { matching } : {}), ...(opts.edition ? { edition: opts.edition } : {}), limit: opts.limit });
  }

  async createTag(user: SessionUser, names: Names<{ name: string }>) {
    authorize(user, 'tag.create');
    checkEditions(names);
    const entries = Object.entries(names).map(([edition, n]) => ({ edition, name: checkName(edition, n?.name, 80) }));
    if (entries.length === 0) throw invalid('names: at least one edition\'s name');
    const id = await this.db.transaction().execute(async (trx) => {
      const first = entries[0]!;
      let key = makeSlug(first.name);
      for (let i = 2; await trx.selectFrom('tags').select('id').where('key', '=', key).executeTakeFirst(); i++) key = `${makeSlug(first.name)}-${i}`;
      const tag = await trx.insertInto('tags').values({ key }).returning('id').executeTakeFirstOrThrow();
      for (const { edition, name } of entries) {
        const slug = makeSlug(name);
        if (await slugTaken(trx, 'tag_names', edition, slug)) throw conflict('TAG_EXISTS', `A ${edition} tag "${name}" exists already`);
        await trx.insertInto('tag_names').values({ tag_id: tag.id, edition, name, slug }).execute();
      }
      return tag.id;
    });
    return (await tagsWithNames(this.db, { ids: [id], limit: 1 }))[0]!;
  }

  async renameTag(user: SessionUser, id: number, names: Names<{ name: string }>) {
    authorize(user, 'tag.manage');
    checkEditions(names);
    if (!(await this.db.selectFrom('tags').select('id').where('id', '=', id).executeTakeFirst())) throw notFound('No such tag');
    await this.db.transaction().execute(async (trx) => {
      for (const [edition, n] of Object.entries(names)) {
        const name = checkName(edition, n?.name, 80);
        const slug = makeSlug(name);
        if (await slugTaken(trx, 'tag_names', edition, slug, id)) throw conflict('TAG_EXISTS', `A ${edition} tag "${name}" exists already`);
        const old = await trx.selectFrom('tag_names').select('slug').where('tag_id', '=', id).where('edition', '=', edition).executeTakeFirst();
        await trx.deleteFrom('tag_names').where('tag_id', '=', id).where('edition', '=', edition).execute();
        await trx.insertInto('tag_names').values({ tag_id: id, edition, name, slug }).execute();
        if (old && old.slug !== slug) {
          await trx.deleteFrom('tag_redirects').where('edition', '=', edition).where('slug', '=', old.slug).execute();
          await trx.insertInto('tag_redirects').values({ edition, slug: old.slug, tag_id: id }).execute();
        }
      }
    });
    this.deps.invalidate([cacheTags.tag(id)]);
    return (await tagsWithNames(this.db, { ids: [id], limit: 1 }))[0]!;
  }

  async mergeTag(user: SessionUser, from: number, into: number) {
    authorize(user, 'tag.manage');
    if (from === into) throw invalid('into: a different tag');
    const found = await this.db.selectFrom('tags').select('id').where('id', 'in', [from, into]).execute();
    if (found.length !== 2) throw notFound('No such tag');
    const moved = await this.db.transaction().execute(async (trx) => {
      const n = await mergeTags(trx, from, into);
      await recordAudit(trx, { userId: user.id, action: 'tag.merge', targetType: 'tag', targetId: from, detail: { into, articles: n } }, this.now());
      return n;
    });
    this.deps.invalidate([cacheTags.tag(from), cacheTags.tag(into), ...EDITION_CODES.map(cacheTags.edition)]);
    return { into: (await tagsWithNames(this.db, { ids: [into], limit: 1 }))[0]!, articlesMoved: moved };
  }

  // --- authors ----------------------------------------------------------------------------------

  authors() {
    return authorsWithNames(this.db);
  }

  async saveAuthor(user: SessionUser, id: number | null, input: { names: Names<{ name: string; role?: string; bio?: string }>; photoAssetId?: number | null }) {
    authorize(user, 'author.manage');
    checkEditions(input.names);
    const entries = Object.entries(input.names).map(([edition, n]) => ({
      edition, name: checkName(edition, n?.name), role: (n?.role ?? '').slice(0, 120), bio: (n?.bio ?? '').slice(0, 2000),
    }));
    if (id === null && entries.length === 0) throw invalid('names: at least one edition\'s name');
    if (input.photoAssetId !== undefined && input.photoAssetId !== null
      && !(await this.db.selectFrom('media_assets').select('id').where('id', '=', input.photoAssetId).executeTakeFirst())) {
      throw invalid('photoAssetId: no such photo');
    }
    const authorId = await this.db.transaction().execute(async (trx) => {
      let aid = id;
      if (aid === null) {
        const base = makeSlug(entries[0]!.name);
        let slug = base;
        for (let i = 2; await trx.selectFrom('authors').select('id').where('slug', '=', slug).executeTakeFirst(); i++) slug = `${base}-${i}`;
        aid = (await trx.insertInto('authors').values({ key: slug, slug, photo_asset_id: input.photoAssetId ?? null, user_id: null }).returning('id').executeTakeFirstOrThrow()).id;
      } else {
        if (!(await trx.selectFrom('authors').select('id').where('id', '=', aid).executeTakeFirst())) throw notFound('No such author');
        if (input.photoAssetId !== undefined) await trx.updateTable('authors').set({ photo_asset_id: input.photoAssetId }).where('id', '=', aid).execute();
      }
      for (const e of entries) {
        await trx.deleteFrom('author_names').where('author_id', '=', aid).where('edition', '=', e.edition).execute();
        await trx.insertInto('author_names').values({ author_id: aid, edition: e.edition, name: e.name, role: e.role, bio: e.bio }).execute();
      }
      return aid;
    });
    this.deps.invalidate([cacheTags.author(authorId)]);
    return (await this.authors()).find((a) => a.id === authorId)!;
  }

  // --- users ------------------------------------------------------------------------------------

  async users(user: SessionUser) {
    authorize(user, 'user.manage');
    return (await listUsers(this.db)).map((u) => ({ ...publicUser(u), disabled: u.disabled === 1, createdAt: u.created_at }));
  }

  async createUser(user: SessionUser, input: { email: string; name: string; password: string; role: string; desks?: string[]; uiLang?: string }) {
    authorize(user, 'user.manage');
    const id = await new AuthService(this.db, this.deps.clock).createUser({ ...input, mustChangePassword: true }, user.id);
    return (await this.users(user)).find((u) => u.id === id)!;
  }

  async updateUser(user: SessionUser, id: number, patch: { name?: string; role?: string; desks?: string[]; disabled?: boolean; password?: string }) {
    authorize(user, 'user.manage');
    const target = await userById(this.db, id);
    if (!target) throw notFound('No such user');
    if (id === user.id && (patch.disabled === true || (patch.role !== undefined && patch.role !== 'admin'))) {
      throw invalid('You cannot disable yourself or give up your own admin role');
    }
    if (patch.role !== undefined && !(ROLES as readonly string[]).includes(patch.role)) throw invalid(`role: one of ${ROLES.join(', ')}`);
    const badDesk = patch.desks?.find((d) => !(WRITTEN_EDITIONS as readonly string[]).includes(d));
    if (badDesk !== undefined) throw invalid(`desks: "${badDesk}" is not a written edition`);
    if (patch.name !== undefined && (!patch.name.trim() || patch.name.length > 200)) throw invalid('name: required, at most 200 characters');
    if (patch.password !== undefined) {
      const problem = passwordProblem(patch.password);
      if (problem) throw invalid(`password: ${problem}`);
    }
    const now = this.now();
    const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password);
    await this.db.transaction().execute(async (trx) => {
      await updateUser(trx, id, {
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        ...(patch.role !== undefined ? { role: patch.role as Role } : {}),
        ...(patch.desks !== undefined ? { desks: patch.desks.join(',') } : {}),
        ...(patch.disabled !== undefined ? { disabled: patch.disabled ? 1 : 0 } : {}),
        ...(passwordHash ? { password_hash: passwordHash, must_change_password: 1 } : {}),
      }, now);
      if (patch.role !== undefined && patch.role !== target.role) {
        await recordAudit(trx, { userId: user.id, action: 'user.role', targetType: 'user', targetId: id, detail: { from: target.role, to: patch.role } }, now);
      }
      if (patch.desks !== undefined && patch.desks.join(',') !== target.desks) {
        await recordAudit(trx, { userId: user.id, action: 'user.desks', targetType: 'user', targetId: id, detail: { from: desksOf(target.role, target.desks), to: patch.desks } }, now);
      }
      if (patch.disabled !== undefined && patch.disabled !== (target.disabled === 1)) {
        await recordAudit(trx, { userId: user.id, action: patch.disabled ? 'user.disable' : 'user.enable', targetType: 'user', targetId: id }, now);
      }
      if (passwordHash) await recordAudit(trx, { userId: user.id, action: 'user.password_reset', targetType: 'user', targetId: id }, now);
      // A disabled account or a reset password ends the user's sessions at once.
      if (patch.disabled === true || passwordHash) await deleteSessionsOf(trx, id);
    });
    return (await this.users(user)).find((u) => u.id === id)!;
  }

  // --- audit ------------------------------------------------------------------------------------

  async audit(user: SessionUser, opts: { limit: number; before?: number; action?: string }) {
    authorize(user, 'audit.read');
    return (await listAudit(this.db, opts)).map((r) => ({
      id: r.id, at: r.at, user: r.user_id === null ? null : { id: r.user_id, name: r.user_name ?? '' }, action: r.action,
      targetType: r.target_type, targetId: r.target_id, detail: JSON.parse(r.detail) as unknown,
    }));
  }
}
