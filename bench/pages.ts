// The URLs of every page type the bench measures, found on a seeded site: demo and generated
// articles, lists, archives, search (a common, a less common and a rare word), feeds, sitemaps and the API.
import { connect } from '../src/db/connect.ts';
import { loadDemoContent } from '../src/services/demoSeed.ts';
import { encodeCursor } from '../src/services/apiCursor.ts';
import { paths } from '../src/services/urls.ts';
import { analyze } from '../src/search/analyze.ts';
import { get } from './lib.ts';

export type Pages = Record<string, string>;

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length >= 6);

/**
 * The most frequent word of the en demo desk's text, which generated articles carry; a less
 * common one, whose stem they carry; and a rare one: a word of its quotes and subheadings whose stem generated articles never carry (compared as
 * the search analyzes them: "announcements" is no rare word, its stem "announc" is in "announced"),
 * so only the few demo articles match it at any archive size.
 */
async function searchWords(): Promise<{ common: string; lessCommon: string; rare: string }> {
  const en = (await loadDemoContent()).en;
  const stories = Object.values(en.stories);
  const counts = new Map<string, number>();
  for (const s of stories)
    for (const w of new Set(words([s.headline, s.lead, ...s.paragraphs].join(' ')))) counts.set(w, (counts.get(w) ?? 0) + 1);
  const common = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'president';
  const stems = new Set(analyze([...counts.keys()].join(' '), 'en').split(' '));
  const quoted = stories.flatMap((s) => words([s.subheading ?? '', s.quote?.text ?? ''].join(' ')));
  const extra = quoted.find(
    (w) =>
      !analyze(w, 'en')
        .split(' ')
        .some((t) => stems.has(t)),
  );
  // The word the bench called rare until 5 December: not in the demo's text as written, but its stem is.
  const lessCommon = quoted.find((w) => !counts.has(w));
  return { common, lessCommon: lessCommon ?? common, rare: extra ?? 'qzxwvj' };
}

export async function findPages(origin: string, databaseUrl: string, firstGeneratedId: number): Promise<Pages> {
  const home = (await get(`${origin}/en/`)).body.toString();
  const demoArticle = /href="(\/en\/news\/[^"]+)"/.exec(home)?.[1];
  const section = /<nav class="sections"[\s\S]*?href="(\/en\/[^"]+\/)"/.exec(home)?.[1];
  const rss =
    /<link[^>]+type="application\/rss\+xml"[^>]+href="([^"]+)"/.exec(home)?.[1] ??
    /<link[^>]+href="([^"]+)"[^>]+type="application\/rss\+xml"/.exec(home)?.[1];
  if (!demoArticle || !section) throw new Error('could not find an article and a section on /en/');
  const articlePage = (await get(`${origin}${demoArticle}`)).body.toString();
  const tag = /href="(\/en\/tag\/[^"]+)"/.exec(articlePage)?.[1];
  const author = /href="(\/en\/author\/[^"]+)"/.exec(articlePage)?.[1];

  // A generated article from the middle of the archive, and its day.
  const handle = connect(databaseUrl);
  let generated: { slug: string; public_id: string; published_at: string | null; id: number } | undefined;
  try {
    const db = handle.db;
    const n = Number(
      (
        await db
          .selectFrom('articles')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('id', '>=', firstGeneratedId)
          .where('edition', '=', 'en')
          .executeTakeFirstOrThrow()
      ).n,
    );
    generated = await db
      .selectFrom('articles')
      .select(['id', 'slug', 'public_id', 'published_at'])
      .where('id', '>=', firstGeneratedId)
      .where('edition', '=', 'en')
      .orderBy('id')
      .offset(Math.floor(n / 2))
      .limit(1)
      .executeTakeFirst();
  } finally {
    await handle.close();
  }
  const pages: Pages = { home: '/en/', section, latest: paths.latest('en'), popular: paths.popular('en'), 'article (demo)': demoArticle };
  if (tag) pages['tag'] = tag;
  if (author) pages['author'] = author;
  if (generated) {
    pages['article (generated)'] = paths.article('en', generated.slug, generated.public_id);
    const d = new Date(generated.published_at!);
    pages['day archive'] = paths.day('en', d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  const { common, lessCommon, rare } = await searchWords();
  pages[`search common "${common}"`] = `/en/search?q=${encodeURIComponent(common)}`;
  pages[`search less common "${lessCommon}"`] = `/en/search?q=${encodeURIComponent(lessCommon)}`;
  pages[`search rare "${rare}"`] = `/en/search?q=${encodeURIComponent(rare)}`;
  if (rss) pages['RSS'] = rss.replace(/^https?:\/\/[^/]+/, '');
  pages['ninjs'] = '/api/v1/ninjs/en';
  // The index's first page (500 entries at both sizes); robots.txt names the others.
  pages['robots.txt'] = '/robots.txt';
  pages['sitemap index'] = '/sitemap.xml';
  const robots = (await get(`${origin}/robots.txt`)).body.toString();
  const local = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');
  const parts: string[] = [];
  for (const [, page] of robots.matchAll(/^Sitemap: (.+)$/gm)) {
    const index = (await get(`${origin}${local(page!)}`)).body.toString();
    parts.push(...[...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => local(m[1]!)));
  }
  // A full part at every size: the first part of a month that has a second (500 URLs, as many at
  // 100 000 articles as at 1 000 000), in the middle of the archive.
  const full = parts.filter((p) => /articles-[a-z-]+-\d{4}-\d{2}-2\.xml$/.test(p)).map((p) => p.replace(/-2\.xml$/, '.xml'));
  const part = full[Math.floor(full.length / 2)] ?? parts.filter((p) => /articles-/.test(p))[0];
  if (part) pages['sitemap part'] = part;
  pages['API first page'] = '/api/v1/articles?edition=en';
  if (generated?.published_at)
    pages['API middle cursor'] =
      `/api/v1/articles?edition=en&cursor=${encodeCursor({ publishedAt: generated.published_at, id: generated.id })}`;
  return pages;
}
