// The source of a translation beside the translator's draft: its lead photo (with the caption and
// credit its readers see: the article's own, else the library's in the source's edition), headline,
// lead and body, whose photos are drawn as thumbnails with their captions.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { BodyView, type PhotoView } from './BodyView.tsx';
import { get } from './net.ts';
import { assetUrl, loadAsset } from './nodeViews.ts';
import { fill, type EditorStrings } from './strings.ts';
import { EDITION_LABELS } from './TranslateMenu.tsx';
import type { Article, Asset } from './types.ts';

interface Texts {
  caption: string;
  credit: string;
}

function useAsset(id: number | null): Asset | null {
  const [asset, setAsset] = useState<Asset | null>(null);
  useEffect(() => {
    setAsset(null);
    if (id !== null)
      loadAsset(id).then(
        (a) => setAsset(a),
        () => undefined,
      );
  }, [id]);
  return asset;
}

function SourcePhoto(props: {
  assetId: number;
  edition: string;
  texts?: Partial<Texts> | null;
  alt?: string | undefined;
  s: EditorStrings;
  lead?: boolean;
}) {
  const asset = useAsset(props.assetId);
  const library = asset?.texts[props.edition];
  const caption = props.texts?.caption || library?.caption || '';
  const credit = props.texts?.credit || library?.credit || '';
  return (
    <figure class={props.lead ? 'ed-source-photo ed-source-lead-photo' : 'ed-source-photo'} data-testid="source-photo">
      {asset ? (
        <img src={assetUrl(asset, 320)} alt={props.alt || caption} width={asset.width} height={asset.height} loading="lazy" />
      ) : (
        <span class="ed-source-photo-missing">{fill(props.s.photoNumber, { id: props.assetId })}</span>
      )}
      {(caption || credit) && (
        <figcaption>
          {caption && <bdi>{caption}</bdi>}
          {credit && <small>{fill(props.s.sourceCredit, { credit })}</small>}
        </figcaption>
      )}
    </figure>
  );
}

export function SourcePanel(props: { source: Article; s: EditorStrings }) {
  const { source, s } = props;
  const [heroTexts, setHeroTexts] = useState<Texts | null>(null);
  useEffect(() => {
    setHeroTexts(null);
    if (source.heroAssetId !== null)
      get<{ assetId: number | null; override: Texts | null }>(`/articles/${source.id}/photo-texts`).then(
        (r) => setHeroTexts(r.override),
        () => undefined,
      );
  }, [source.id, source.heroAssetId]);
  // One component for the panel's life: a new one at each render would draw the photos again.
  const photo = useMemo<PhotoView>(
    () =>
      function BodyPhoto(p) {
        return <SourcePhoto assetId={p.assetId} edition={source.edition} texts={p} alt={p.alt} s={s} />;
      },
    [source.edition, s],
  );
  return (
    <aside class="ed-source" aria-labelledby="ed-source-title" data-testid="source-article">
      <h2 id="ed-source-title">{fill(s.sourceArticle, { edition: EDITION_LABELS[source.edition] ?? source.edition })}</h2>
      {source.heroAssetId !== null && (
        <>
          <p class="ed-source-label">{s.leadPhoto}</p>
          <SourcePhoto assetId={source.heroAssetId} edition={source.edition} texts={heroTexts} s={s} lead />
        </>
      )}
      <h3>{source.headline}</h3>
      <p class="ed-source-lead">{source.lead}</p>
      <BodyView body={source.body} photo={photo} />
    </aside>
  );
}
