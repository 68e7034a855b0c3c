// Body blocks → HTML. Text reaches the page only as escaped text nodes; links only as checked hrefs.
import type { ComponentChildren } from 'preact';
import type { Inline } from '../../../content/body.ts';
import type { UiStrings } from '../../../editions/uiStrings.ts';
import type { BlockView, ImageView } from '../../../services/pageModels.ts';
import { Picture } from './Cards.tsx';
import { Embed } from './Embed.tsx';
import { Gallery } from './Gallery.tsx';

function wrap(mark: string, child: ComponentChildren): ComponentChildren {
  switch (mark) {
    case 'bold':
      return <strong>{child}</strong>;
    case 'italic':
      return <em>{child}</em>;
    case 'underline':
      return <u>{child}</u>;
    case 'strike':
      return <s>{child}</s>;
    case 'code':
      return <code>{child}</code>;
    case 'sub':
      return <sub>{child}</sub>;
    case 'sup':
      return <sup>{child}</sup>;
    default:
      return child;
  }
}

export function Inlines(props: { content: readonly Inline[] }) {
  return (
    <>
      {props.content.map((x) => {
        let node: ComponentChildren = x.text;
        for (const m of x.marks ?? []) node = wrap(m, node);
        if (x.href) {
          // Anything but a path on this site (`/…`, never `//host`) leaves it: no opener, no referrer.
          const external = !/^\/(?![/\\])/.test(x.href);
          node = (
            <a href={x.href} rel={external ? 'noopener noreferrer' : undefined} lang={x.lang}>
              {node}
            </a>
          );
        } else if (x.lang) {
          node = <span lang={x.lang}>{node}</span>;
        }
        return node;
      })}
    </>
  );
}

export function Figure(props: { image: ImageView; eager?: boolean; sizes?: string }) {
  const i = props.image;
  return (
    <figure class="figure">
      <Picture image={i} sizes={props.sizes ?? '(min-width: 64rem) 44rem, 100vw'} eager={props.eager ?? false} />
      {i.caption || i.credit ? (
        <figcaption>
          {i.caption ? <span class="caption">{i.caption}</span> : null}
          {i.credit ? <span class="credit">{i.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}

const PROVIDERS: Record<string, string> = { youtube: 'YouTube', x: 'X', telegram: 'Telegram', instagram: 'Instagram' };

/**
 * `strings`: the reader's page (embeds as click-to-load facades, galleries with a viewer). Without
 * them (feeds, the API's HTML) embeds are plain links and galleries plain figures.
 */
export function Blocks(props: { blocks: readonly BlockView[]; strings?: UiStrings }) {
  const strings = props.strings;
  return (
    <>
      {props.blocks.map((b) => {
        switch (b.type) {
          case 'paragraph':
            return (
              <p>
                <Inlines content={b.content} />
              </p>
            );
          case 'heading': {
            const H = `h${b.level}` as 'h2' | 'h3' | 'h4';
            return (
              <H>
                <Inlines content={b.content} />
              </H>
            );
          }
          case 'quote':
            return (
              <blockquote>
                <p lang={b.lang}>
                  <Inlines content={b.content} />
                </p>
                {b.cite ? (
                  <footer>
                    <cite>{b.cite}</cite>
                  </footer>
                ) : null}
              </blockquote>
            );
          case 'list': {
            const items = b.items.map((i) => (
              <li>
                <Inlines content={i} />
              </li>
            ));
            return b.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
          }
          case 'image':
            return <Figure image={b.image} />;
          case 'gallery':
            if (strings) return <Gallery images={b.images} strings={strings} />;
            return (
              <div class="gallery">
                {b.images.map((i) => (
                  <Figure image={i} sizes="(min-width: 40rem) 22rem, 100vw" />
                ))}
              </div>
            );
          case 'embed':
            if (strings) return <Embed provider={b.provider} url={b.url} strings={strings} />;
            return (
              <figure class="embed">
                <a href={b.url} rel="noopener noreferrer">
                  {PROVIDERS[b.provider]}: {b.url}
                </a>
              </figure>
            );
          case 'table': {
            const [first, ...rest] = b.rows;
            const body = b.header ? rest : b.rows;
            return (
              <div class="table-wrap">
                <table>
                  {b.header && first ? (
                    <thead>
                      <tr>
                        {first.map((c) => (
                          <th scope="col">
                            <Inlines content={c} />
                          </th>
                        ))}
                      </tr>
                    </thead>
                  ) : null}
                  <tbody>
                    {body.map((r) => (
                      <tr>
                        {r.map((c) => (
                          <td>
                            <Inlines content={c} />
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
          }
          case 'divider':
            return <hr />;
        }
      })}
    </>
  );
}
