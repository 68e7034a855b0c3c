// The agency's static pages in the newsroom: admins write them with the article body blocks, every
// save is a revision (a stale save is refused with the newer page), and publishing makes the newest
// revision the one readers see (ADR 0016). Publishing and unpublishing are audited and drop the
// cached pages of every edition (tag `pages`: the page, its language menus, the pages sitemap).
import type { Db } from '../../db/connect.ts';
import { cacheTags } from '../../cache/tags.ts';
import type { WrittenEditionCode } from '../../editions/editions.ts';
import type { NewPage, Page, PageRevision, PageSave, PageSummary } from '../../contracts/newsroom/pages.ts';
import { recordAudit } from '../../store/audit.ts';
import * as store from '../../store/pages.ts';
import { paths } from '../urls.ts';
import { conflict, notFound } from './errors.ts';
import { authorize, type Actor } from './permissions.ts';
import { validBody } from './articleRules.ts';

export interface NewsroomPagesDeps {
  readonly db: Db;
  readonly clock: () => Date;
  readonly invalidate: (tags: Iterable<string>) => number;
}

export class NewsroomPages {
  constructor(private readonly deps: NewsroomPagesDeps) {}

  private now(): string {
    return this.deps.clock().toISOString();
  }

  async list(actor: Actor): Promise<PageSummary[]> {
    authorize(actor, 'page.manage');
    const rows = await store.listPages(this.deps.db);
    return rows.map((r) => ({
      id: r.id,
      edition: r.edition as WrittenEditionCode,
      slug: r.slug,
      title: r.title,
      revision: r.revision,
      publishedRevision: r.published_revision,
      modifiedAt: r.modified_at,
      url: paths.page(r.edition as WrittenEditionCode, r.slug),
    }));
  }

  async get(actor: Actor, id: number): Promise<Page> {
    authorize(actor, 'page.manage');
    return this.load(this.deps.db, id);
  }

  async create(actor: Actor, input: NewPage): Promise<Page> {
    authorize(actor, 'page.manage');
    const body = JSON.stringify(validBody(input.body));
    const at = this.now();
    const id = await this.deps.db.transaction().execute(async (trx) => {
      if (await store.pageBySlug(trx, input.edition, input.slug)) {
        throw conflict('SLUG_TAKEN', `The edition already has a page "${input.slug}"`);
      }
      return store.insertPage(trx, { ...input, body, userId: actor.id, at, published: false });
    });
    return this.load(this.deps.db, id);
  }

  async save(actor: Actor, id: number, input: PageSave): Promise<Page> {
    authorize(actor, 'page.manage');
    const body = JSON.stringify(validBody(input.body));
    const at = this.now();
    const saved = await this.deps.db.transaction().execute(async (trx) => {
      await this.row(trx, id);
      return store.saveRevision(trx, id, input.baseRevision, { title: input.title, body, userId: actor.id, at });
    });
    const page = await this.load(this.deps.db, id);
    if (!saved) throw conflict('CONFLICT', 'Someone saved this page first', { current: page });
    return page;
  }

  async publish(actor: Actor, id: number, revision: number): Promise<Page> {
    authorize(actor, 'page.manage');
    const at = this.now();
    await this.deps.db.transaction().execute(async (trx) => {
      const row = await this.row(trx, id);
      if (row.revision !== revision) throw conflict('CONFLICT', 'The page was saved again since: publish the newest revision');
      const first = row.published_at === null;
      await store.setPublished(trx, id, revision, { published_at: row.published_at ?? at, updated_at: first ? row.updated_at : at });
      await recordAudit(trx, { userId: actor.id, action: 'page.publish', targetType: 'page', targetId: id, detail: { revision } }, at);
    });
    this.deps.invalidate([cacheTags.pages()]);
    return this.load(this.deps.db, id);
  }

  async unpublish(actor: Actor, id: number): Promise<Page> {
    authorize(actor, 'page.manage');
    const at = this.now();
    await this.deps.db.transaction().execute(async (trx) => {
      const row = await this.row(trx, id);
      await store.setPublished(trx, id, null, { published_at: row.published_at, updated_at: row.updated_at });
      await recordAudit(trx, { userId: actor.id, action: 'page.unpublish', targetType: 'page', targetId: id }, at);
    });
    this.deps.invalidate([cacheTags.pages()]);
    return this.load(this.deps.db, id);
  }

  async revisions(actor: Actor, id: number): Promise<PageRevision[]> {
    authorize(actor, 'page.manage');
    const row = await this.row(this.deps.db, id);
    const revs = await store.pageRevisions(this.deps.db, id);
    return revs.map((r) => ({
      revision: r.revision,
      title: r.title,
      body: JSON.parse(r.body) as PageRevision['body'],
      by: r.user_name,
      at: r.created_at,
      published: r.revision === row.published_revision,
    }));
  }

  /** Saves revision n again as the newest revision (not published until someone publishes it). */
  async restore(actor: Actor, id: number, n: number, baseRevision: number): Promise<Page> {
    authorize(actor, 'page.manage');
    const old = await store.pageRevision(this.deps.db, id, n);
    if (!old) throw notFound('No such revision');
    return this.save(actor, id, { baseRevision, title: old.title, body: JSON.parse(old.body) as PageSave['body'] });
  }

  private async row(db: Db, id: number): Promise<store.PageRow> {
    const row = await store.pageById(db, id);
    if (!row) throw notFound('No such page');
    return row;
  }

  private async load(db: Db, id: number): Promise<Page> {
    const row = await this.row(db, id);
    const rev = await store.pageRevision(db, id, row.revision);
    if (!rev) throw notFound('No such page');
    return {
      id: row.id,
      edition: row.edition as WrittenEditionCode,
      slug: row.slug,
      title: rev.title,
      body: JSON.parse(rev.body) as Page['body'],
      revision: row.revision,
      publishedRevision: row.published_revision,
      publishedAt: row.published_at,
      updatedAt: row.updated_at,
      modifiedAt: row.modified_at,
      url: paths.page(row.edition as WrittenEditionCode, row.slug),
    };
  }
}
