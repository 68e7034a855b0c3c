// The address of an embed's frame, made from the link an editor pasted. The page never loads it by
// itself: the reader's click does (a facade), so no request reaches the provider before that.
import type { EmbedProvider } from '../../content/embeds.ts';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The frame URL for an embed, or null when the link is not one post or video (then only the plain link is shown). */
export function embedFrame(provider: EmbedProvider, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const parts = u.pathname.split('/').filter(Boolean);
  switch (provider) {
    case 'youtube': {
      const id =
        u.hostname === 'youtu.be'
          ? parts[0]
          : parts[0] === 'watch'
            ? u.searchParams.get('v')
            : ['embed', 'shorts', 'live'].includes(parts[0] ?? '')
              ? parts[1]
              : undefined;
      return id && ID.test(id) ? `https://www.youtube-nocookie.com/embed/${id}?autoplay=1` : null;
    }
    case 'telegram': {
      const [channel, post] = parts;
      return channel && post && ID.test(channel) && /^\d{1,12}$/.test(post) ? `https://t.me/${channel}/${post}?embed=1` : null;
    }
    case 'x': {
      const i = parts.indexOf('status');
      const id = i >= 0 ? parts[i + 1] : undefined;
      return id && /^\d{1,25}$/.test(id) ? `https://platform.twitter.com/embed/Tweet.html?id=${id}` : null;
    }
    case 'instagram': {
      const [kind, code] = parts;
      return (kind === 'p' || kind === 'reel' || kind === 'tv') && code && ID.test(code)
        ? `https://www.instagram.com/${kind}/${code}/embed`
        : null;
    }
  }
}
