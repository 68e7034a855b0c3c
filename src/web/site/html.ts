// What every reader page shares: the doctype, the content type and the pages' Cache-Control.
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

export const HTML = 'text/html; charset=utf-8';
export const PAGE_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600, stale-if-error=86400';

export function renderHtml(node: VNode): string {
  return `<!DOCTYPE html>${renderToString(node)}`;
}
