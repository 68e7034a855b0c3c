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

export async function loadLexicons(handle: DbHandle): Promise<Map<string, Lexicon>> {
  const out = new Map<string, Lexicon>();
  for (const scheme of EditionTexts.schemes()) out.set(scheme, await lexiconFor(handle.db, scheme));
  return out;
}

function lexiconFingerprint(lexicons: ReadonlyMap<string, Lexicon>): string {
  return [...lexicons].map(([scheme, words]) => `${scheme}:${[...words].map(([w, s]) => `${w}=${s}`).sort().join(',')}`).sort().join('|');
}

export async function buildServices(config: Config, handle: DbHandle, opts: { clock?: () => Date; assets: Chrome['assets']; log?: (msg: string, err?: unknown) => void }): Promise<Services> {
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
  const bus = config.dialect === 'postgres' ? (!cache ? noBus : await postgresBus(config.databaseUrl, {
      onRemote,
      // Invalidations sent while the listener was away are lost: drop every cached page and
      // reload the sections, so nothing another process changed meanwhile stays stale here.
      onReconnect() {
        cache.clear();
        sections.load().catch((err) => log('sections reload failed', err));
      },
      log,
    }, { connectTimeoutMs: config.timeouts.dbConnectMs }))
    : cluster.isWorker ? ipcBus({ onRemote, log }) : noBus;
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
    db, texts, content, sections, popular, clock, hosts,
    baseUrl: config.baseUrl, timeZone: config.timeZone, defaultEdition: config.defaultEdition, assets: opts.assets,
  });
  await popular.refresh();
  const publishing = new PublishingService({
    db, hosts, timeZone: config.timeZone, clock, invalidate: dropEverywhere, afterVisibilityChange: () => popular.refresh(),
    ...(edge ? { edgePurge: (trx: typeof db, tags: readonly string[], now: Date) => enqueueEdgePurge(trx, tags, now) } : {}),
  });
  const services: Services = {
    config, handle, clock, cache, sections, texts, content, popular, views, reader, hosts, invalidate, publishing,
    newsroomArticles: new NewsroomArticles({ db, publishing, hosts, timeZone: config.timeZone, clock }),
    close: () => bus.close(),
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
