// Distinct-URL floods against the page cache (SQLite): day archives since 1970, pages past the end
// of every list, unknown query strings, escaped spellings of real pages, search queries, odd feed
// paths and unknown slugs, each URL new. The server's resident memory must stay within a bound.
import { dataDir, fmt, QUICK, request, scenario, startServer, tally, workDir } from './lib.ts';

const EDITIONS = ['kz', 'qz', 'ru', 'en', 'cn', 'uz', 'uz-latn', 'tote'];
/** Growth of resident memory allowed over the warm server's, in MB (the cache may keep none of these pages). */
const GROWTH_BOUND_MB = 64;
/** Growth of the memory held in Buffers (where cached bodies live), in MB. */
const BUFFERS_BOUND_MB = 8;

await scenario('flood', async (v) => {
  const work = workDir('flood');
  const server = await startServer({ dataDir: dataDir(work, 'data') });
  // Real section and tag slugs from the home page, and a warm server (every edition's home and lists).
  const home = (await request(`${server.url}/kz/`)).body;
  const sections = [...new Set([...home.matchAll(/href="\/kz\/([a-z0-9-]+)\/"/g)].map((m) => m[1]!))];
  const tags = [
    ...new Set([...(await request(`${server.url}/kz/latest`)).body.matchAll(/href="\/kz\/tag\/([a-z0-9-]+)"/g)].map((m) => m[1]!)),
  ];
  for (const e of EDITIONS) for (const u of [`/${e}/`, `/${e}/latest`, `/${e}/rss.xml`]) await request(server.url + u);
  // The growth measured is the flood's, not the rest of the server's start-up work.
  await server.settle();
  await server.resetStats();
  const base = server.stats()!;

  let n = 0;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;
  const next = (): string => {
    n++;
    const e = pick(EDITIONS);
    const day = new Date(Date.UTC(1970, 0, 1) + Math.floor(Math.random() * 61 * 365.25) * 86_400_000);
    const ymd = day.toISOString().slice(0, 10).replaceAll('-', '/');
    const escaped = `/${e}/latest`.replace(/[a-z]/g, (c) =>
      Math.random() < 0.3 ? `%${c.charCodeAt(0).toString(16)[Math.random() < 0.5 ? 'toUpperCase' : 'toLowerCase']()}` : c,
    );
    switch (n % 10) {
      case 0:
        return `/${e}/${ymd}`;
      case 1:
        return `/${e}/${ymd}?page=${2 + (n % 50)}`;
      case 2:
        return `/${e}/latest?page=${50 + n}`;
      case 3:
        return `/${e}/${pick(sections)}/?page=${50 + n}`;
      case 4:
        return `/kz/tag/${pick(tags)}?page=${20 + n}&utm_source=${n}`;
      case 5:
        return `/${e}/latest?utm_campaign=${n}&ref=${n}`;
      case 6:
        return escaped.includes('%') ? `${escaped}?v=${n}` : `/${e}/?fbclid=${n}`;
      case 7:
        return `/${e}/search?q=${encodeURIComponent(`word${n}`)}`;
      case 8:
        return `/${e}/rss.xml?nocache=${n}`;
      default:
        return `/${e}/tag/no-such-tag-${n}`;
    }
  };

  const seconds = QUICK ? 20 : 60;
  const until = Date.now() + seconds * 1000;
  const statuses: number[] = [];
  let peak = base.rss;
  const sampler = setInterval(() => {
    const s = server.stats();
    if (s) peak = Math.max(peak, s.rss);
  }, 250);
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (Date.now() < until) statuses.push((await request(server.url + next(), { timeoutMs: 10_000 })).status);
    }),
  );
  clearInterval(sampler);
  const end = server.stats()!;
  peak = Math.max(peak, end.maxRss);
  const mb = (b: number) => Math.round(b / 1048576);
  v.figure('urls', statuses.length);
  v.figure('per_second', Math.round(statuses.length / seconds));
  v.figure('statuses', fmt(tally(statuses)));
  v.figure('rss_warm_mb', mb(base.rss));
  v.figure('rss_peak_mb', mb(peak));
  v.figure('rss_end_mb', mb(end.rss));
  v.figure('buffers_warm_mb', mb(base.buffers));
  v.figure('buffers_peak_mb', mb(end.maxBuffers));
  v.check(
    statuses.every((s) => s > 0 && s < 500),
    `${statuses.filter((s) => s <= 0 || s >= 500).length} answers were 5xx or failed`,
  );
  v.check(mb(peak) - mb(base.rss) <= GROWTH_BOUND_MB, `resident memory grew ${mb(peak) - mb(base.rss)} MB (bound ${GROWTH_BOUND_MB} MB)`);
  v.check(
    mb(end.maxBuffers) - mb(base.buffers) <= BUFFERS_BOUND_MB,
    `memory in Buffers grew ${mb(end.maxBuffers) - mb(base.buffers)} MB (bound ${BUFFERS_BOUND_MB} MB): the cache kept flood pages`,
  );
  // The warm pages are still served (the flood pushed nothing out of the cache).
  v.check((await request(`${server.url}/kz/`)).status === 200, 'the home page after the flood');
  await server.stop();
});
