// Seeds the demo agency's four static pages in every written edition, published (first revision).
import type { Db } from '../db/connect.ts';
import { WRITTEN_EDITIONS } from '../editions/editions.ts';
import { parseBody } from '../content/body.ts';
import { DEMO_PAGES, pageBody, type PageSlug } from '../demo/catalog/pages.ts';
import { insertPage } from '../store/pages.ts';

export async function seedDemoPages(db: Db, at: string): Promise<number> {
  let n = 0;
  for (const edition of WRITTEN_EDITIONS) {
    for (const [slug, page] of Object.entries(DEMO_PAGES[edition]) as [PageSlug, (typeof DEMO_PAGES)['en']['about']][]) {
      const body = JSON.stringify(parseBody(pageBody(page.lines)));
      await insertPage(db, { edition, slug, title: page.title, body, userId: null, at, published: true });
      n++;
    }
  }
  return n;
}
