// The photo library as a dialog: search by caption and credit, upload (clear messages for
// files that are too large, of the wrong type or damaged), and pick one for the article. In the
// library screen, a photo can be deleted after a confirmation (the server refuses one in use).
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, del, get } from '../editor/net.ts';
import type { Asset, User } from '../editor/types.ts';
import { fill, shellStrings, type ShellStrings } from '../strings.ts';
import { uploadPhoto } from './upload.ts';
import { creditLabel } from '../editor/typedLabels.ts';

export function uploadError(s: ShellStrings, e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 413) return s.tooLarge;
    if (e.status === 415) return s.wrongType;
    if (e.status === 422) return s.badImage;
    return fill(s.uploadFailed, { message: e.message });
  }
  return s.networkError;
}

export function thumb(asset: Asset): string {
  const widths = Object.keys(asset.urls.webp)
    .map(Number)
    .sort((a, b) => a - b);
  return asset.urls.webp[String(widths[0])] ?? asset.urls.original;
}

export function deleteError(s: ShellStrings, e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 409) return s.photoInUse;
    if (e.status === 403) return s.photoForbidden;
    return fill(s.failed, { message: e.message });
  }
  return s.networkError;
}

/** As the server decides (`media.delete`): editors and above any photo, journalists their own uploads. */
const mayDelete = (user: User, asset: Asset) => user.role !== 'journalist' || asset.uploadedBy === user.id;

/** `user` given: the photos the user may delete get a Delete button with a confirmation. */
export function MediaGrid(props: { s: ShellStrings; edition: string; onPick?: (asset: Asset) => void; user?: User }) {
  const { s } = props;
  const [q, setQ] = useState('');
  const [items, setItems] = useState<Asset[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [caption, setCaption] = useState('');
  const [credit, setCredit] = useState('');
  const [confirming, setConfirming] = useState<number | null>(null);
  const [notice, setNotice] = useState('');
  const file = useRef<HTMLInputElement>(null);

  const remove = (asset: Asset) => {
    setError('');
    setNotice('');
    del(`/media/${asset.id}`).then(
      () => {
        setItems((now) => now.filter((a) => a.id !== asset.id));
        setConfirming(null);
        setNotice(s.photoDeleted);
      },
      (err) => {
        setConfirming(null);
        setError(deleteError(s, err));
      },
    );
  };

  const load = () =>
    get<{ items: Asset[] }>(`/media?limit=40${q ? `&q=${encodeURIComponent(q)}` : ''}`).then(
      (r) => setItems(r.items),
      () => undefined,
    );
  useEffect(() => {
    const t = setTimeout(load, 200);
    return () => clearTimeout(t);
  }, [q]);

  const typedLabel = creditLabel(credit);
  const creditWarning = typedLabel ? fill(s.creditLabelWarning, { label: typedLabel }) : '';

  const upload = async (e: Event) => {
    e.preventDefault();
    const f = file.current?.files?.[0];
    if (!f) return;
    setBusy(true);
    setError('');
    try {
      const asset = await uploadPhoto(f, { edition: props.edition, caption, credit });
      setItems([asset, ...items]);
      setCaption('');
      setCredit('');
      if (file.current) file.current.value = '';
    } catch (err) {
      setError(uploadError(s, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="nr-media">
      <form class="nr-upload" onSubmit={upload} data-testid="upload-form">
        <label>
          {s.upload}
          <input ref={file} type="file" accept="image/jpeg,image/png,image/webp" required data-testid="upload-file" />
        </label>
        <label>
          {s.caption}
          <input value={caption} onInput={(e) => setCaption((e.target as HTMLInputElement).value)} data-testid="upload-caption" />
        </label>
        <label>
          {s.credit}
          <input value={credit} onInput={(e) => setCredit((e.target as HTMLInputElement).value)} data-testid="upload-credit" />
          {creditWarning && (
            <span class="ed-field-warning" role="status" data-testid="upload-credit-warning">
              {creditWarning}
            </span>
          )}
        </label>
        <button type="submit" disabled={busy} data-testid="upload-submit">
          {busy ? s.uploading : s.upload}
        </button>
        {error && (
          <p class="nr-error" role="alert" data-testid="upload-error">
            {error}
          </p>
        )}
        {notice && (
          <p role="status" data-testid="media-notice">
            {notice}
          </p>
        )}
      </form>
      <label class="nr-grow">
        {s.search}
        <input type="search" value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} data-testid="media-search" />
      </label>
      <ul class="nr-grid" data-testid="media-grid">
        {items.map((a) => {
          const text = a.texts[props.edition] ?? Object.values(a.texts)[0];
          return (
            <li key={a.id}>
              <img src={thumb(a)} alt={text?.caption ?? ''} width={a.width} height={a.height} loading="lazy" />
              <span class="nr-caption">{text?.caption}</span>
              <span class="nr-meta">{text?.credit}</span>
              {props.onPick && (
                <button type="button" data-testid={`pick-${a.id}`} onClick={() => props.onPick?.(a)}>
                  {s.choose}
                </button>
              )}
              {props.user &&
                mayDelete(props.user, a) &&
                (confirming === a.id ? (
                  <span role="group" aria-label={s.deletePhotoConfirm} class="nr-confirm">
                    <span>{s.deletePhotoConfirm}</span>
                    <button type="button" class="nr-danger" data-testid={`delete-yes-${a.id}`} onClick={() => remove(a)}>
                      {s.deletePhotoYes}
                    </button>
                    <button type="button" data-testid={`delete-no-${a.id}`} onClick={() => setConfirming(null)}>
                      {s.cancel}
                    </button>
                  </span>
                ) : (
                  <button type="button" data-testid={`delete-${a.id}`} onClick={() => setConfirming(a.id)}>
                    {s.deletePhoto}
                  </button>
                ))}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The picker the editor opens for the lead photo and for photos in the text. */
export function MediaPicker(props: { edition: string; onPick(asset: Asset): void; onClose(): void }) {
  const s = shellStrings(document.documentElement.lang === 'kk' ? 'kz' : document.documentElement.lang);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} class="nr-dialog" data-testid="media-picker" onClose={props.onClose} aria-label={s.photos}>
      <div class="nr-dialog-head">
        <h2>{s.photos}</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          {s.close}
        </button>
      </div>
      <MediaGrid
        s={s}
        edition={props.edition}
        onPick={(a) => {
          props.onPick(a);
          dialog.current?.close();
        }}
      />
    </dialog>
  );
}
