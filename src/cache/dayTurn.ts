// Every reader page carries today's date (the masthead's date line, the footer's year), and a
// cached page is kept until what it shows changes: at the agency's midnight, nothing changes but
// the day. This check, run every minute, empties the page cache when the local day has turned.
import { zonedDate } from '../content/dates.ts';
import type { PageCache } from './pageCache.ts';

export function dayTurn(cache: Pick<PageCache, 'clear'>, clock: () => Date, timeZone: string): () => boolean {
  const dayOf = () => {
    const z = zonedDate(clock(), timeZone);
    return `${z.y}-${z.m}-${z.d}`;
  };
  let today = dayOf();
  /** True when the day turned (and the cache was emptied). */
  return () => {
    const now = dayOf();
    if (now === today) return false;
    today = now;
    cache.clear();
    return true;
  };
}
