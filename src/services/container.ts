// Builds the services once at boot: stores, caches and clock are passed in, never imported.
import type { Config } from '../config.ts';
import type { DbHandle } from '../db/connect.ts';
import { PageCache } from '../cache/pageCache.ts';
import { cacheTags } from '../cache/tags.ts';
import { lexiconFor } from '../store/lexicon.ts';
import { EditionTexts } from './editionText.ts';
import { PopularService, ViewCounter } from './popular.ts';
import { ReaderService } from './reader.ts';
import { SectionsCache } from './sectionsCache.ts';
import type { Lexicon } from '../script/types.ts';

export interface Services {
  readonly config: Config;
  readonly handle: DbHandle;
  readonly clock: () => Date;
  readonly cache: PageCache | null;
  readonly sections: SectionsCache;
  readonly texts: EditionTexts;
  readonly popular: PopularService;
  readonly views: ViewCounter;
  readonly reader: ReaderService;
  /** Drops cached pages by tag (locally; later also across processes). */
  invalidate(tags: Iterable<string>): number;
  /** Reloads the lexicon into the converters and drops the derived editions' pages. */
  reloadLexicon(): Promise<void>;
}

export async function loadLexicons(handle: DbHandle): Promise<Map<string, Lexicon>> {
  const out = new Map<string, Lexicon>();
  for (const scheme of EditionTexts.schemes()) out.set(scheme, await lexiconFor(handle.db, scheme));
  return out;
}

export async function buildServices(config: Config, handle: DbHandle, opts: { clock?: () => Date; assets: { css: string; script: string } }): Promise<Services> {
  const clock = opts.clock ?? (() => new Date());
  const db = handle.db;
  const cache = config.pageCache ? new PageCache({ maxBytes: 96 * 1024 * 1024 }) : null;
  const invalidate = (tags: Iterable<string>) => cache?.invalidate(tags) ?? 0;
  const sections = new SectionsCache(db);
  await sections.load();
  const texts = new EditionTexts(config.timeZone, await loadLexicons(handle));
  const popular = new PopularService(db, texts, sections, clock, (editions) => invalidate(editions.map(cacheTags.popular)));
  const views = new ViewCounter(db, clock);
  const reader = new ReaderService({
    db, texts, sections, popular, clock,
    baseUrl: config.baseUrl, timeZone: config.timeZone, defaultEdition: config.defaultEdition, assets: opts.assets,
  });
  await popular.refresh();
  return {
    config, handle, clock, cache, sections, texts, popular, views, reader, invalidate,
    async reloadLexicon() {
      texts.rebuild(await loadLexicons(handle));
      invalidate(['qz', 'tote', 'uz-latn'].map((c) => cacheTags.edition(c as 'qz')));
      await popular.refresh();
    },
  };
}
