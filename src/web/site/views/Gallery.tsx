// A gallery: every photo with its caption and credit, plain images without JavaScript. With it,
// a photo opens the viewer (site.js: arrows, Escape, swipe), whose labels are carried here.
import { fill, type UiStrings } from '../../../editions/uiStrings.ts';
import type { ImageView } from '../../../services/pageModels.ts';
import { Picture } from './Cards.tsx';

/** The widest variant of a photo (the last of its srcset). */
function largest(i: ImageView): string {
  const last = i.srcset.split(', ').at(-1)?.split(' ')[0];
  return last || i.src;
}

export function Gallery(props: { images: readonly ImageView[]; strings: UiStrings }) {
  const s = props.strings;
  const count = props.images.length;
  return (
    <div
      class="gallery"
      data-viewer={s.galleryViewer}
      data-close={s.galleryClose}
      data-prev={s.galleryPrev}
      data-next={s.galleryNext}
      data-count={fill(s.galleryCount, { n: '{n}', count })}
    >
      {props.images.map((i, n) => (
        <figure class="figure gallery-item">
          <a class="gallery-open" href={largest(i)} data-index={n}>
            <Picture image={i} sizes="(min-width: 40rem) 22rem, 100vw" />
          </a>
          {i.caption || i.credit ? (
            <figcaption>
              {i.caption ? <span class="caption">{i.caption}</span> : null}
              {i.credit ? <span class="credit">{i.credit}</span> : null}
            </figcaption>
          ) : null}
        </figure>
      ))}
    </div>
  );
}
