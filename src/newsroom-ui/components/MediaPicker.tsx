// The photo library as a dialog: search by caption and credit, filters by desk, uploader and
// upload days, upload of several files at once with each one's progress (clear messages for files
// that are too large, of the wrong type or damaged), and pick one for the article. In the library
// screen, a photo opens in the crop and focal-point editor, and can be deleted after a
// confirmation (the server refuses one in use and names the articles).
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, del, get } from '../editor/net.ts';
import type { Asset, User } from '../editor/types.ts';
import { EDITION_NAMES, fill, shellStrings, type ShellStrings } from '../strings.ts';
import { uploadPhoto } from './upload.ts';
import { creditLabel } from '../editor/typedLabels.ts';
import { photoStrings } from './photoStrings.ts';
import './photos.css';
import { useLatest } from '../editor/useLatest.ts';

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
    if (e.status === 409) {
      const articles = (e.details as { articles?: { headline?: string }[] } | undefined)?.articles ?? [];
      const names = articles.map((a) => `«${a.headline ?? ''}»`).join(', ');
      return names ? `${s.photoInUse} ${fill(photoStrings(s).usedBy, { list: names })}` : s.photoInUse;
    }
    if (e.status === 403) return s.photoForbidden;
    return fill(s.failed, { message: e.message });
  }
  return s.networkError;
}

/** As the server decides (`media.delete`): editors and above any photo, journalists their own uploads. */
const mayDelete = (user: User, asset: Asset) => user.role !== 'journalist' || asset.uploadedBy === user.id;

/** One file of a multiple upload: its progress, then the photo or the reason it was refused. */
interface Sending {
  key: number;
  name: string;
  percent: number;
  error?: string;
  done?: boolean;
}

/** `user` given: the photos the user may delete get a Delete button with a confirmation; `onEdit`: a button to the crop editor. */
export function MediaGrid(props: {
  s: ShellStrings;
  edition: string;
  onPick?: (asset: Asset) => void;
  onEdit?: (asset: Asset) => void;
  user?: User;
  /** A photo changed elsewhere (the crop editor): shown as it is now. */
  changed?: Asset | null;
}) {
  const { s } = props;
  const p = photoStrings(s);
  const [q, setQ] = useState('');
  const [desk, setDesk] = useState('');
  const [uploader, setUploader] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [uploaders, setUploaders] = useState<{ id: number; name: string }[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [sending, setSending] = useState<Sending[]>([]);
  const [items, setItems] = useState<Asset[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [caption, setCaption] = useState('');
  const [credit, setCredit] = useState('');
  const [confirming, setConfirming] = useState<number | null>(null);
  const [notice, setNotice] = useState('');
  const file = useRef<HTMLInputElement>(null);
  const latest = useLatest();

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

  const load = () => {
    const query = new URLSearchParams({ limit: '40' });
    if (q) query.set('q', q);
    if (desk) query.set('desk', desk);
    if (uploader) query.set('uploader', uploader);
    if (from) query.set('from', from);
    if (to) query.set('to', to);
    return latest(get<{ items: Asset[]; total: number; uploaders: { id: number; name: string }[] }>(`/media?${query}`)).then(
      (r) => {
        setItems(r.items);
        setTotal(r.total);
        setUploaders(r.uploaders);
      },
      (e) => setError(e instanceof ApiError ? fill(s.failed, { message: e.message }) : s.networkError),
    );
  };
  useEffect(() => {
    const t = setTimeout(load, 200);
    return () => clearTimeout(t);
  }, [q, desk, uploader, from, to]);
  useEffect(() => {
    const next = props.changed;
    if (next) setItems((now) => now.map((a) => (a.id === next.id ? next : a)));
  }, [props.changed]);

  const typedLabel = creditLabel(credit);
  const creditWarning = typedLabel ? fill(s.creditLabelWarning, { label: typedLabel }) : '';

  // Every chosen file is sent at once, each with its own progress; one refused leaves the others.
  const upload = async (e: Event) => {
    e.preventDefault();
    const chosen = [...(file.current?.files ?? [])];
    if (chosen.length === 0) return;
    setBusy(true);
    setError('');
    const base = Date.now();
    setSending(chosen.map((f, i) => ({ key: base + i, name: f.name, percent: 0 })));
    const failures: string[] = [];
    const update = (key: number, change: Partial<Sending>) =>
      setSending((now) => now.map((x) => (x.key === key ? { ...x, ...change } : x)));
    const results = await Promise.all(
      chosen.map((f, i) =>
        uploadPhoto(f, { edition: props.edition, caption, credit }, (percent) => update(base + i, { percent })).then(
          (asset) => {
            update(base + i, { percent: 100, done: true });
            return asset;
          },
          (err) => {
            const message = uploadError(s, err);
            failures.push(message);
            update(base + i, { error: message });
            return null;
          },
        ),
      ),
    );
    const added = results.filter((a): a is Asset => a !== null);
    setItems((now) => [...added.reverse(), ...now]);
    // The totals and the uploader filter's names include the new photos.
    if (added.length > 0) void load();
    if (added.length === chosen.length) {
      setCaption('');
      setCredit('');
      if (file.current) file.current.value = '';
    } else if (chosen.length === 1) {
      setError(failures[0] ?? '');
      setSending([]);
    }
    setBusy(false);
  };
  return (
    <div class="nr-media">
      <form class="nr-upload" onSubmit={upload} data-testid="upload-form">
        <label>
          {s.upload}
          <input
            ref={file}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            required
            data-testid="upload-file"
            aria-describedby="nr-upload-many"
          />
          <span id="nr-upload-many" class="nr-help">
            {p.filesChosen}
          </span>
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
        {sending.length > 0 && (
          <ul class="nr-sending" data-testid="upload-progress" aria-live="polite">
            {sending.map((f) => (
              <li key={f.key} data-testid="upload-progress-item" data-state={f.error ? 'error' : f.done ? 'done' : 'sending'}>
                <progress max={100} value={f.percent} aria-label={f.name} />
                <span class={f.error ? 'nr-error' : undefined} role={f.error ? 'alert' : undefined}>
                  {f.error
                    ? fill(p.failedFile, { name: f.name, message: f.error })
                    : f.done
                      ? fill(p.done, { name: f.name })
                      : fill(p.progress, { name: f.name, percent: f.percent })}
                </span>
              </li>
            ))}
          </ul>
        )}
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
      <fieldset class="nr-media-filters">
        <legend>{p.filters}</legend>
        <label class="nr-grow">
          {s.search}
          <input type="search" value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} data-testid="media-search" />
        </label>
        <label>
          {p.desk}
          <select value={desk} onChange={(e) => setDesk((e.target as HTMLSelectElement).value)} data-testid="media-desk">
            <option value="">{p.anyDesk}</option>
            {Object.entries(EDITION_NAMES).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {p.uploader}
          <select value={uploader} onChange={(e) => setUploader((e.target as HTMLSelectElement).value)} data-testid="media-uploader">
            <option value="">{p.anyone}</option>
            {uploaders.map((u) => (
              <option key={u.id} value={String(u.id)}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {p.from}
          <input
            type="date"
            value={from}
            max={to || undefined}
            onInput={(e) => setFrom((e.target as HTMLInputElement).value)}
            data-testid="media-from"
          />
        </label>
        <label>
          {p.to}
          <input
            type="date"
            value={to}
            min={from || undefined}
            onInput={(e) => setTo((e.target as HTMLInputElement).value)}
            data-testid="media-to"
          />
        </label>
        {total !== null && (
          <span class="nr-meta" data-testid="media-total">
            {fill(p.total, { n: total })}
          </span>
        )}
      </fieldset>
      <ul class="nr-grid" data-testid="media-grid">
        {items.map((a) => {
          const text = a.texts[props.edition] ?? Object.values(a.texts)[0];
          return (
            <li key={a.id} data-testid={`media-item-${a.id}`}>
              <img src={thumb(a)} alt={text?.caption ?? ''} width={a.width} height={a.height} loading="lazy" />
              <span class="nr-caption">{text?.caption}</span>
              <span class="nr-meta">{text?.credit}</span>
              {props.onPick && (
                <button type="button" data-testid={`pick-${a.id}`} onClick={() => props.onPick?.(a)}>
                  {s.choose}
                </button>
              )}
              {props.onEdit && (
                <button type="button" data-testid={`edit-${a.id}`} onClick={() => props.onEdit?.(a)}>
                  {p.edit}
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
