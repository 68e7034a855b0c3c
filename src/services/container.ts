// Builds the services once at boot: stores, caches and clock are passed in, never imported.
import type { Config } from '../config.ts';
import type { DbHandle } from '../db/connect.ts';
import { PageCache } from '../cache/pageCache.ts';
import { cacheTags } from '../cache/tags.ts';
import cluster from 'node:cluster';
import { ipcBus, noBus, postgresBus } from '../cache/bus.ts';
import { lexiconFor } from '../store/lexicon.ts';
import { EditionTexts } from './editionText.ts';
import { EditionContent } from './editionContent.ts';
import { PopularService, ViewCounter } from './popular.ts';
import { ReaderService } from './reader.ts';
import { PublishingService } from './publishing.ts';
import { NewsroomArticles } from './newsroom/articles.ts';
import { editionHosts, type EditionHosts } from './hosts.ts';
import { SectionsCache } from './sectionsCache.ts';
import { enqueueEdgePurge } from './edgePurge.ts';
import type { Lexicon } from '../script/types.ts';
import type { Chrome } from './pageModels.ts';
import { DERIVED_EDITIONS } from '../editions/editions.ts';
import path from 'node:path';
import { AuthService } from './newsroom/auth.ts';
import { UserAdminService } from './newsroom/userAdmin.ts';
import { ManageService } from './newsroom/manage.ts';
import { NewsroomPages } from './newsroom/pages.ts';
import { MediaLibrary } from './newsroom/media.ts';
import { NewsroomTranslations } from './newsroom/translations.ts';
import { NewsroomPresence } from './newsroom/presence.ts';
import { NewsroomDerived } from './newsroom/derived.ts';
import { NewsroomAnalytics } from './newsroom/analytics.ts';
import { NewsroomLexicon } from './newsroom/lexicon.ts';
import { NewsroomAssignments } from './newsroom/assignments.ts';
import { NewsroomNotifications } from './newsroom/notifications.ts';
import { NewsroomComments } from './newsroom/comments.ts';
import { NotificationMailer } from './newsroom/notificationMail.ts';
import { ApiService, type ApiDeps } from './apiContent.ts';
import { ApiKeyCounter, checkAuthorization, type KeyCheck } from './apiKeys.ts';
import { FeedService, type FeedDeps } from './feeds.ts';
import { SitemapService } from './sitemaps.ts';
import { OpsStats } from './opsStats.ts';

export interface Services {
  readonly config: Config;
  readonly handle: DbHandle;
  readonly clock: () => Date;
  readonly cache: PageCache | null;
  readonly sections: SectionsCache;
  readonly texts: EditionTexts;
  /** The one way from stored article rows to what an edition shows (texts, overrides, photos, taxonomy). */
  readonly content: EditionContent;
  readonly popular: PopularService;
  readonly views: ViewCounter;
  readonly reader: ReaderService;
  /** Publish, update, unpublish: revisions, webhook events and cache invalidation. */
  readonly publishing: PublishingService;
  /** The newsroom's articles: drafts, saves, the review workflow, scheduling, revisions. */
  readonly newsroomArticles: NewsroomArticles;
  /** Where each edition lives: `hosts.absoluteUrl(edition, path)` for every absolute URL. */
  readonly hosts: EditionHosts;
  // Each service below is built once here and handed to the plugins that call it (their options),
  // never rebuilt from a database handle in a plugin.
  /** Newsroom sessions, logins, accounts. */
  readonly auth: AuthService;
  /** Accounts as an admin (newsroom) or the operator (`habarshy user`) manages them. */
  readonly userAdmin: UserAdminService;
  readonly manage: ManageService;
  /** The agency's static pages (admins). */
  readonly pages: NewsroomPages;
  readonly media: MediaLibrary;
  readonly translations: NewsroomTranslations;
  readonly presence: NewsroomPresence;
  readonly derived: NewsroomDerived;
  readonly analytics: NewsroomAnalytics;
  readonly lexicon: NewsroomLexicon;
  /** Work among people: assignments, notifications, comments on articles. */
  readonly assignments: NewsroomAssignments;
  readonly notifications: NewsroomNotifications;
  readonly comments: NewsroomComments;
  /** Mails the queued notifications (SMTP_URL set; null without): an exclusive scheduler job. */
  readonly notificationMail: NotificationMailer | null;
  /** The public API's content (/api/v1). */
  readonly api: ApiService;
  /** Partner keys: `check(Authorization header)`; the usage counter is flushed by the scheduler. */
  readonly apiKeys: { check(header: string | undefined): Promise<KeyCheck> };
  readonly apiKeyUsage: ApiKeyCounter;
  readonly feeds: FeedService;
  readonly sitemaps: SitemapService;
  /** Queue depths for /metrics. */
  readonly opsStats: OpsStats;
  /** Drops cached pages by tag, here and in every other process (PostgreSQL; SQLite: the other workers). */
  invalidate(tags: Iterable<string>): number;
  /** Stops the invalidation bus. */
  close(): Promise<void>;
  /**
   * Reloads the lexicon into the converters and drops the derived editions' pages, or only the
   * pages of the tags given (the newsroom names the pages that show the changed word).
   */
  reloadLexicon(drop?: readonly string[]): Promise<void>;
  /** Reloads the lexicon when it changed in the database (e.g. from `habarshy lexicon add`); true when it did. */
  checkLexicon(): Promise<boolean>;
}

/** What the command line (`habarshy user …`) calls: the accounts, without the site's caches and bus. */
export function buildOperatorServices(
  handle: DbHandle,
  clock: () => Date = () => new Date(),
): { readonly auth: AuthService; readonly userAdmin: UserAdminService } {
  const auth = new AuthService(handle.db, clock);
  return { auth, userAdmin: new UserAdminService({ db: handle.db, clock, auth }) };
}

export async function loadLexicons(handle: DbHandle): Promise<Map<string, Lexicon>> {
  const out = new Map<string, Lexicon>();
  for (const scheme of EditionTexts.schemes()) out.set(scheme, await lexiconFor(handle.db, scheme));
  return out;
}

function lexiconFingerprint(lexicons: ReadonlyMap<string, Lexicon>): string {
  return [...lexicons]
    .map(
      ([scheme, words]) =>
        `${scheme}:${[...words]
          .map(([w, s]) => `${w}=${s}`)
          .sort()
          .join(',')}`,
    )
    .sort()
    .join('|');
}

/** How article bodies become HTML in the API and in feeds (views of the web layer, given by app.ts). */
export interface BodyRenderers {
  readonly api: ApiDeps['renderBody'];
  readonly feed: FeedDeps['renderBody'];
}

export async function buildServices(
  config: Config,
  handle: DbHandle,
  opts: { clock?: () => Date; assets: Chrome['assets']; renderers: BodyRenderers; log?: (msg: string, err?: unknown) => void },
): Promise<Services> {
  const clock = opts.clock ?? (() => new Date());
  const db = handle.db;
  const cache = config.pageCache ? new PageCache({ maxBytes: 96 * 1024 * 1024 }) : null;
  const dropLocal = (tags: Iterable<string>) => cache?.invalidate(tags) ?? 0;
  const sections = new SectionsCache(db);
  const log = opts.log ?? (() => undefined);
  const onRemote = (tags: string[]) => {
    dropLocal(tags);
    // Section names and order changed in another process: this one reloads them too.
    if (tags.includes(cacheTags.sections())) sections.load().catch((err) => log('sections reload failed', err));
  };
  // PostgreSQL: LISTEN/NOTIFY reaches every process on the database. SQLite: one server owns the
  // database; its workers (WORKERS) hear each other through the cluster primary.
  const bus =
    config.dialect === 'postgres'
      ? !cache
        ? noBus
        : await postgresBus(
            config.databaseUrl,
            {
              onRemote,
              // Invalidations sent while the listener was away are lost: drop every cached page and
              // reload the sections, so nothing another process changed meanwhile stays stale here.
              onReconnect() {
                cache.clear();
                sections.load().catch((err) => log('sections reload failed', err));
              },
              log,
            },
            { connectTimeoutMs: config.timeouts.dbConnectMs },
          )
      : cluster.isWorker
        ? ipcBus({ onRemote, log })
        : noBus;
  const dropEverywhere = (tags: Iterable<string>) => {
    const list = [...tags];
    bus.publish(list).catch((err) => opts.log?.('invalidation publish failed', err));
    return dropLocal(list);
  };
  // With an edge cache in front (EDGE_PURGE_URL), every invalidation also queues a purge of the
  // same keys there; publishing queues its own inside its transaction.
  const edge = config.ops.edgePurgeUrl !== null;
  const invalidate = (tags: Iterable<string>) => {
    const list = [...tags];
    if (edge && list.length > 0) enqueueEdgePurge(db, list, clock()).catch((err) => log('edge purge not queued', err));
    return dropEverywhere(list);
  };
  await sections.load();
  let lexicons = await loadLexicons(handle);
  let fingerprint = lexiconFingerprint(lexicons);
  const texts = new EditionTexts(config.timeZone, lexicons);
  const hosts = editionHosts(config.baseUrl, config.editionHosts);
  const content = new EditionContent({ db, texts, sections, hosts, timeZone: config.timeZone });
  const popular = new PopularService(db, content, clock, (editions) => invalidate(editions.map(cacheTags.popular)));
  const views = new ViewCounter(db, clock);
  const reader = new ReaderService({
    db,
    texts,
    content,
    sections,
    popular,
    clock,
    hosts,
    baseUrl: config.baseUrl,
    timeZone: config.timeZone,
    defaultEdition: config.defaultEdition,
    assets: opts.assets,
  });
  await popular.refresh();
  const publishing = new PublishingService({
    db,
    hosts,
    timeZone: config.timeZone,
    clock,
    invalidate: dropEverywhere,
    afterVisibilityChange: () => popular.refresh(),
    ...(edge ? { edgePurge: (trx: typeof db, tags: readonly string[], now: Date) => enqueueEdgePurge(trx, tags, now) } : {}),
  });
  // Notifications are queued for e-mail only while SMTP is configured (docs/database.md).
  const mail = config.mail !== null;
  const notificationMail = config.mail ? new NotificationMailer({ db, mail: config.mail, baseUrl: config.baseUrl, clock, log }) : null;
  const newsroomArticles = new NewsroomArticles({ db, publishing, hosts, timeZone: config.timeZone, clock, mail });
  const auth = new AuthService(db, clock);
  const shared = { db, texts, sections, clock, hosts, timeZone: config.timeZone };
  const services: Services = {
    config,
    handle,
    clock,
    cache,
    sections,
    texts,
    content,
    popular,
    views,
    reader,
    hosts,
    invalidate,
    publishing,
    newsroomArticles,
    auth,
    userAdmin: new UserAdminService({ db, clock, auth, timeZone: config.timeZone }),
    manage: new ManageService({ db, clock, sections, invalidate }),
    pages: new NewsroomPages({ db, clock, invalidate }),
    media: new MediaLibrary({ db, mediaDir: path.join(config.dataDir, 'media'), clock, invalidate }),
    translations: new NewsroomTranslations({ db, articles: newsroomArticles }),
    presence: new NewsroomPresence({ db, articles: newsroomArticles, clock }),
    derived: new NewsroomDerived({ db, articles: newsroomArticles, texts, clock, invalidate }),
    analytics: new NewsroomAnalytics({ db, articles: newsroomArticles, texts, clock, timeZone: config.timeZone }),
    lexicon: new NewsroomLexicon({ db, clock, reloadLexicon: (drop) => services.reloadLexicon(drop) }),
    assignments: new NewsroomAssignments({ db, articles: newsroomArticles, clock, timeZone: config.timeZone, mail }),
    notifications: new NewsroomNotifications({ db, clock, mail }),
    comments: new NewsroomComments({ db, articles: newsroomArticles, clock, mail }),
    notificationMail,
    api: new ApiService({ ...shared, content, apiBase: config.baseUrl, renderBody: opts.renderers.api }),
    apiKeys: { check: (header) => checkAuthorization(db, header) },
    apiKeyUsage: new ApiKeyCounter(db, clock),
    feeds: new FeedService({
      ...shared,
      content: config.feedContent,
      editionContent: content,
      mediaDir: path.join(config.dataDir, 'media'),
      renderBody: opts.renderers.feed,
    }),
    sitemaps: new SitemapService({ ...shared, baseUrl: config.baseUrl, defaultEdition: config.defaultEdition }),
    opsStats: new OpsStats(db),
    async close() {
      notificationMail?.close();
      await bus.close();
    },
    async reloadLexicon(drop) {
      lexicons = await loadLexicons(handle);
      fingerprint = lexiconFingerprint(lexicons);
      texts.rebuild(lexicons);
      invalidate(drop ?? DERIVED_EDITIONS.map(cacheTags.edition));
      await popular.refresh();
    },
    async checkLexicon() {
      const next = await loadLexicons(handle);
      if (lexiconFingerprint(next) === fingerprint) return false;
      await services.reloadLexicon();
      return true;
    },
  };
  return services;
}
