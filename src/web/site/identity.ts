// The site's icons and web app manifests: an SVG mark without letters (it serves every script),
// PNG sizes drawn from it with sharp for the places that want bitmaps (the `/favicon.ico` that
// browsers ask for on their own, the home-screen icon, the manifest), and one manifest per edition
// whose name, language and direction are the edition's own.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { EDITIONS, isEditionCode } from '../../editions/editions.ts';
import type { EditionTexts } from '../../services/editionText.ts';
import { paths } from '../../services/urls.ts';

/** A mark in the agency's blue: a page of news with a signal rising from it. */
export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<rect width="64" height="64" rx="14" fill="#0b5cad"/>
<rect x="14" y="30" width="36" height="22" rx="3" fill="#fff"/>
<rect x="19" y="36" width="26" height="3" rx="1.5" fill="#0b5cad"/>
<rect x="19" y="43" width="18" height="3" rx="1.5" fill="#0b5cad"/>
<path d="M22 22a14 14 0 0 1 20 0M26.5 26.5a7.5 7.5 0 0 1 11 0" fill="none" stroke="#fff" stroke-width="3.5" stroke-linecap="round"/>
</svg>
`;

export interface SiteIcons {
  /** `/assets/icon.<hash>.svg`: linked from every page. */
  readonly svgUrl: string;
  readonly svg: Buffer;
  readonly png: Readonly<Record<32 | 180 | 192 | 512, Buffer>>;
}

export async function loadSiteIcons(): Promise<SiteIcons> {
  const svg = Buffer.from(ICON_SVG);
  const hash = createHash('sha1').update(svg).digest('hex').slice(0, 10);
  const draw = (size: number) =>
    sharp(svg, { density: 72 * (size / 64) * 2 })
      .resize(size, size)
      .png({ compressionLevel: 9 })
      .toBuffer();
  const [p32, p180, p192, p512] = await Promise.all([draw(32), draw(180), draw(192), draw(512)]);
  return { svgUrl: `/assets/icon.${hash}.svg`, svg, png: { 32: p32, 180: p180, 192: p192, 512: p512 } };
}

const YEAR = 'public, max-age=31536000, immutable';
const DAY = 'public, max-age=86400';

/** `/favicon.ico`, `/apple-touch-icon.png`, `/assets/icon-{size}.png`, the SVG and `/{edition}/manifest.webmanifest`. */
export function identityRoutes(app: FastifyInstance, icons: SiteIcons, texts: EditionTexts): void {
  app.get(icons.svgUrl, (_req, reply) => reply.header('content-type', 'image/svg+xml').header('cache-control', YEAR).send(icons.svg));
  // Browsers ask for /favicon.ico on their own (and for non-HTML responses): a PNG answers it.
  app.get('/favicon.ico', (_req, reply) => reply.header('content-type', 'image/png').header('cache-control', DAY).send(icons.png[32]));
  app.get('/apple-touch-icon.png', (_req, reply) =>
    reply.header('content-type', 'image/png').header('cache-control', DAY).send(icons.png[180]),
  );
  for (const size of [192, 512] as const) {
    app.get(`/assets/icon-${size}.png`, (_req, reply) =>
      reply.header('content-type', 'image/png').header('cache-control', DAY).send(icons.png[size]),
    );
  }
  app.get<{ Params: { edition: string } }>('/:edition/manifest.webmanifest', (request, reply) => {
    const code = request.params.edition;
    if (!isEditionCode(code)) return reply.callNotFound();
    const e = EDITIONS[code];
    const s = texts.get(code).strings;
    const manifest = {
      name: s.siteName,
      short_name: s.siteName,
      description: s.siteDescription,
      lang: e.lang,
      dir: e.dir,
      start_url: paths.home(code),
      scope: paths.home(code),
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#0b5cad',
      icons: [
        { src: icons.svgUrl, type: 'image/svg+xml', sizes: 'any' },
        { src: '/assets/icon-192.png', type: 'image/png', sizes: '192x192' },
        { src: '/assets/icon-512.png', type: 'image/png', sizes: '512x512' },
      ],
    };
    return reply
      .header('content-type', 'application/manifest+json; charset=utf-8')
      .header('cache-control', DAY)
      .send(JSON.stringify(manifest));
  });
}
