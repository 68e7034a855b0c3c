// An article's own caption and credit of its lead photo, beside the lead-photo field: they win
// over the library's on this article's pages, feeds and API only (the server's
// /articles/:id/photo-texts). Shown once the lead photo is saved with the article; the library's
// texts are the placeholders. A typed "Photo:" label is warned about (the site adds it).
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, put } from '../editor/net.ts';
import type { Asset } from '../editor/types.ts';
import { creditLabel } from '../editor/typedLabels.ts';
import { fill, shellStrings } from '../strings.ts';
import { photoStrings } from './photoStrings.ts';

interface PhotoTexts {
  assetId: number | null;
  override: { caption: string; credit: string } | null;
}

export function HeroPhotoTexts(props: {
  articleId: number;
  /** The saved revision: a save may have made another photo the lead photo. */
  revision: number;
  heroAssetId: number | null;
  edition: string;
  editable: boolean;
}) {
  const s = shellStrings(document.documentElement.lang === 'kk' ? 'kz' : document.documentElement.lang);
  const p = photoStrings(s);
  const [saved, setSaved] = useState<PhotoTexts | null>(null);
  // The library's texts of the lead photo, the placeholders. The fields wait for those of this
  // very photo: never an empty placeholder that fills in a moment later, nor another photo's.
  const [library, setLibrary] = useState<{ assetId: number; caption: string; credit: string } | null>(null);
  const [caption, setCaption] = useState('');
  const [credit, setCredit] = useState('');
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setNotice('');
    setError('');
    get<PhotoTexts>(`/articles/${props.articleId}/photo-texts`).then(
      (r) => {
        setSaved(r);
        setCaption(r.override?.caption ?? '');
        setCredit(r.override?.credit ?? '');
      },
      () => setSaved(null),
    );
    const assetId = props.heroAssetId;
    if (assetId)
      get<Asset>(`/media/${assetId}`).then(
        (a) => setLibrary({ assetId, ...(a.texts[props.edition] ?? Object.values(a.texts)[0] ?? { caption: '', credit: '' }) }),
        () => setLibrary({ assetId, caption: '', credit: '' }),
      );
  }, [props.articleId, props.revision, props.heroAssetId]);

  // Until the chosen lead photo is saved with the article, its texts belong to the library.
  if (!saved || props.heroAssetId === null || saved.assetId !== props.heroAssetId) return null;
  if (library?.assetId !== props.heroAssetId) return null;
  const typed = creditLabel(credit);
  const save = () => {
    setBusy(true);
    setNotice('');
    setError('');
    put<PhotoTexts>(`/articles/${props.articleId}/photo-texts`, { caption, credit })
      .then(
        (r) => {
          setSaved(r);
          setCaption(r.override?.caption ?? '');
          setCredit(r.override?.credit ?? '');
          setNotice(p.ownSaved);
        },
        (e) => setError(e instanceof ApiError ? fill(s.failed, { message: e.message }) : s.networkError),
      )
      .finally(() => setBusy(false));
  };
  return (
    <fieldset class="ed-field nr-hero-texts" data-testid="hero-texts">
      <legend>{p.ownTexts}</legend>
      <p class="nr-help">{p.ownTextsHelp}</p>
      <label class="ed-field">
        <span>{p.ownCaption}</span>
        <input
          value={caption}
          placeholder={library.caption}
          disabled={!props.editable}
          maxLength={1000}
          onInput={(e) => setCaption((e.target as HTMLInputElement).value)}
          data-testid="hero-own-caption"
        />
      </label>
      <label class="ed-field">
        <span>{p.ownCredit}</span>
        <input
          value={credit}
          placeholder={library.credit}
          disabled={!props.editable}
          maxLength={300}
          onInput={(e) => setCredit((e.target as HTMLInputElement).value)}
          data-testid="hero-own-credit"
        />
        {typed && (
          <span class="ed-field-warning" role="status">
            {fill(s.creditLabelWarning, { label: typed })}
          </span>
        )}
      </label>
      {props.editable && (
        <button type="button" disabled={busy} onClick={save} data-testid="hero-own-save">
          {p.ownSave}
        </button>
      )}
      {notice && (
        <p role="status" class="nr-success" data-testid="hero-own-notice">
          {notice}
        </p>
      )}
      {error && (
        <p role="alert" class="nr-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
