// A body shown read-only (the source of a translation, a derived script, a revision): blocks
// rendered as escaped text, words from `highlight` marked for checking; with `photo`, the photos
// are drawn by it (the translation's source panel shows them), else named by their caption.
import type { ComponentChildren, VNode } from 'preact';
import type { Block, Body, Inline } from '../../content/body.ts';

/** Draws one photo of the body (its asset id and the texts the block gives it). */
export type PhotoView = (p: {
  assetId: number;
  caption?: string | undefined;
  credit?: string | undefined;
  alt?: string | undefined;
}) => VNode;

function highlightText(text: string, words: ReadonlySet<string>): ComponentChildren {
  if (!words.size) return text;
  // Split on word boundaries and keep the separators, so the text reads the same.
  return text.split(/([\p{L}\p{M}\p{N}'’ʼ-]+)/u).map((part, i) =>
    words.has(part) ? (
      <mark key={i} class="ed-unsure">
        {part}
      </mark>
    ) : (
      part
    ),
  );
}

function Inlines(props: { content: readonly Inline[]; words: ReadonlySet<string> }) {
  return (
    <>
      {props.content.map((x, i) => (
        <span key={i} lang={x.lang}>
          {highlightText(x.text, props.words)}
        </span>
      ))}
    </>
  );
}

function BlockView({ block, words, photo: Photo }: { block: Block; words: ReadonlySet<string>; photo?: PhotoView | undefined }) {
  switch (block.type) {
    case 'paragraph':
      return (
        <p>
          <Inlines content={block.content} words={words} />
        </p>
      );
    case 'heading': {
      const H = `h${block.level + 1}` as 'h3' | 'h4' | 'h5';
      return (
        <H>
          <Inlines content={block.content} words={words} />
        </H>
      );
    }
    case 'quote':
      return (
        <blockquote lang={block.lang}>
          <Inlines content={block.content} words={words} />
          {block.cite && (
            <footer>
              <cite>— {block.cite}</cite>
            </footer>
          )}
        </blockquote>
      );
    case 'list': {
      const L = block.ordered ? 'ol' : 'ul';
      return (
        <L>
          {block.items.map((item, i) => (
            <li key={i}>
              <Inlines content={item} words={words} />
            </li>
          ))}
        </L>
      );
    }
    case 'image':
      return Photo ? (
        <Photo assetId={block.assetId} caption={block.caption} credit={block.credit} alt={block.alt} />
      ) : (
        <p class="ed-view-media">🖼 {block.caption ?? ''}</p>
      );
    case 'gallery':
      return Photo ? (
        <div class="ed-view-gallery">
          {block.items.map((item, i) => (
            <Photo key={i} assetId={item.assetId} caption={item.caption} credit={item.credit} alt={item.alt} />
          ))}
        </div>
      ) : (
        <p class="ed-view-media">🖼 × {block.items.length}</p>
      );
    case 'embed':
      return <p class="ed-view-media">▶ {block.url}</p>;
    case 'table':
      return (
        <table>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) =>
                  block.header && r === 0 ? (
                    <th key={c}>
                      <Inlines content={cell} words={words} />
                    </th>
                  ) : (
                    <td key={c}>
                      <Inlines content={cell} words={words} />
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'divider':
      return <hr />;
  }
}

export function BodyView(props: { body: Body | null | undefined; highlight?: ReadonlySet<string>; photo?: PhotoView }) {
  const words = props.highlight ?? new Set<string>();
  return (
    <div class="ed-view">
      {(props.body?.blocks ?? []).map((b, i) => (
        <BlockView key={i} block={b} words={words} photo={props.photo} />
      ))}
    </div>
  );
}

export { highlightText };
