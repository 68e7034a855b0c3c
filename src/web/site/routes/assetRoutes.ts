// Static assets under content-hashed names: cached for a year.
import type { SiteAssets } from '../assets.ts';
import type { SiteApp } from '../siteContext.ts';

export function assetRoutes(app: SiteApp, assets: SiteAssets): void {
  for (const asset of [assets.css, assets.script, assets.prefs]) {
    app.get(asset.url, (request, reply) => {
      reply
        .header('content-type', asset.type)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('vary', 'Accept-Encoding');
      const ae = request.headers['accept-encoding'] ?? '';
      if (/\bbr\b/.test(ae)) return reply.header('content-encoding', 'br').send(asset.br);
      if (/\bgzip\b/.test(ae)) return reply.header('content-encoding', 'gzip').send(asset.gzip);
      return reply.send(asset.body);
    });
  }
  // Fonts are WOFF2, compressed already: the same bytes for every reader.
  for (const font of assets.fonts) {
    app.get(font.url, (_request, reply) =>
      reply.header('content-type', 'font/woff2').header('cache-control', 'public, max-age=31536000, immutable').send(font.body),
    );
  }
}
