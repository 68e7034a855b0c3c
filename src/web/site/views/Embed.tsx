// An embed as a click-to-load facade: a poster drawn here (no image from the provider), the
// provider's name and the plain link. With JavaScript a button loads the provider's frame; until
// then nothing is requested from the provider.
import type { EmbedProvider } from '../../../content/embeds.ts';
import { fill, type UiStrings } from '../../../editions/uiStrings.ts';
import { embedFrame } from '../embedFrame.ts';

const PROVIDERS: Record<EmbedProvider, string> = { youtube: 'YouTube', x: 'X', telegram: 'Telegram', instagram: 'Instagram' };

export function Embed(props: { provider: EmbedProvider; url: string; strings: UiStrings }) {
  const s = props.strings;
  const name = PROVIDERS[props.provider];
  const frame = embedFrame(props.provider, props.url);
  return (
    <figure class={`embed embed-${props.provider}`} data-frame={frame ?? undefined} data-provider={name}>
      <div class="embed-poster">
        <span class="embed-mark" aria-hidden="true" />
        <span class="embed-provider">{name}</span>
      </div>
      {frame ? (
        <div class="embed-load" hidden>
          <button type="button">{fill(s.embedShow, { provider: name })}</button>
          <p class="embed-notice">{fill(s.embedNotice, { provider: name })}</p>
        </div>
      ) : null}
      <figcaption>
        <a href={props.url} rel="noopener noreferrer">
          {fill(s.embedOpen, { provider: name })}
        </a>
      </figcaption>
    </figure>
  );
}
