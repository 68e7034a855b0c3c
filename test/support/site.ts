// Boots the whole app on a fresh database of one dialect, with a fixed clock: seeded with the demo
// newsroom, or with only what the suite builds (test/support/fixtures.ts).
import os from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Db } from '../../src/db/connect.ts';
import { seedDemo } from '../../src/services/demoSeed.ts';
import { ensureLogo } from '../../src/services/images.ts';
import { STARTER_LEXICON } from '../../src/script/starterLexicon.ts';
import { upsertLexicon } from '../../src/store/lexicon.ts';
import { freshDatabase, type Dialect, type TestDatabase } from './databases.ts';

/** Demo photos are generated once per machine and shared by the suites. */
export const SHARED_DATA_DIR = path.join(os.tmpdir(), 'habarshy-test-data');

export interface TestSite extends App {
  readonly database: TestDatabase;
  readonly config: Config;
  readonly now: Date;
  close(): Promise<void>;
}

export const FIXED_NOW = new Date('2026-11-20T09:30:00Z');

export interface BootOptions {
  readonly env?: Record<string, string>;
  readonly now?: Date;
  readonly clock?: () => Date;
  /**
   * What the database holds before the app boots: the demo newsroom (the default: 315 articles,
   * for suites that test the demo or need a full site), or only what the function builds with the
   * fixture builders (plus the starter lexicon and the publisher logo, as every install has).
   */
  readonly content?: 'demo' | ((db: Db) => Promise<unknown>);
}

export async function bootSite(dialect: Dialect, opts: BootOptions = {}): Promise<TestSite> {
  const database = await freshDatabase(dialect);
  const now = opts.now ?? FIXED_NOW;
  const content = opts.content ?? 'demo';
  if (content === 'demo') {
    await seedDemo(database.handle, { dataDir: SHARED_DATA_DIR, now });
  } else {
    await ensureLogo(path.join(SHARED_DATA_DIR, 'media'));
    await upsertLexicon(database.handle.db, STARTER_LEXICON, now.toISOString());
    await content(database.handle.db);
  }
  const config = loadConfig({
    DATA_DIR: SHARED_DATA_DIR,
    DATABASE_URL: database.url,
    BASE_URL: 'https://habarshy.test',
    LOG_LEVEL: 'silent',
    ...opts.env,
  });
  const built = await buildApp(config, { handle: database.handle, clock: opts.clock ?? (() => now), logger: false });
  await built.app.ready();
  return {
    ...built,
    database,
    config,
    now,
    async close() {
      await built.app.close();
      await database.drop();
    },
  };
}

/** Parses HTML into a DOM for assertions. */
export function dom(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/**
 * The text a reader sees in the page's own language: body text and the attributes people read
 * (alt, title, aria-label, content of description meta), minus elements that declare another
 * language with `lang` (the language menu).
 */
export function visibleText(document: Document): string {
  const rootLang = document.documentElement.getAttribute('lang');
  const parts: string[] = [document.title];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      parts.push(node.textContent ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (tag === 'script' || tag === 'style' || tag === 'head') return;
    const lang = el.getAttribute('lang');
    if (lang && lang !== rootLang) return;
    for (const attr of ['alt', 'title', 'aria-label', 'placeholder']) {
      const v = el.getAttribute(attr);
      if (v) parts.push(v);
    }
    el.childNodes.forEach(walk);
  };
  walk(document.body);
  const description = document.querySelector('meta[name="description"]')?.getAttribute('content');
  if (description) parts.push(description);
  return parts.join(' ');
}
