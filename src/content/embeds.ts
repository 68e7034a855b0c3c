// Which addresses each embed provider may have. Pure and dependency-free: the body schema
// (src/content/body.ts) checks stored embeds with it and the newsroom editor recognises pasted
// links with it (the editor's bundle cannot load body.ts itself).

export const EMBED_PROVIDERS = ['youtube', 'x', 'telegram', 'instagram'] as const;
export type EmbedProvider = (typeof EMBED_PROVIDERS)[number];

/** Host names, exact (no other subdomains: `youtube.com.evil.example` and `evil-youtube.com` are not YouTube). */
export const EMBED_HOSTS: Readonly<Record<EmbedProvider, readonly string[]>> = {
  youtube: ['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtu.be', 'www.youtube-nocookie.com'],
  x: ['x.com', 'www.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com'],
  telegram: ['t.me', 'www.t.me', 'telegram.me', 'www.telegram.me'],
  instagram: ['instagram.com', 'www.instagram.com'],
};

const EMBED_URL = /^https:\/\/[^\s]+$/;

/** The https URL's host name when it is well-formed, carries no credentials and no port; otherwise null. */
function hostOf(url: string): string | null {
  if (!EMBED_URL.test(url) || url.length > 2048) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return null;
  return parsed.hostname.toLowerCase();
}

/** True when `url` is an https address on one of the provider's hosts. */
export function isEmbedUrlOf(provider: string, url: string): boolean {
  const hosts = (EMBED_HOSTS as Record<string, readonly string[] | undefined>)[provider];
  const host = hostOf(url);
  return hosts !== undefined && host !== null && hosts.includes(host);
}

/** The provider whose hosts serve `url`, or null. */
export function embedProviderOf(url: string): EmbedProvider | null {
  const host = hostOf(url);
  if (host === null) return null;
  return EMBED_PROVIDERS.find((p) => EMBED_HOSTS[p].includes(host)) ?? null;
}
