// The crop and focal-point screen of a photo in the library: the point is dragged with the mouse
// (or moved with the arrow keys) and the 16:9, 4:3 and 1:1 crops the site and structured data use
// follow it live (the same geometry as the server's, src/content/crops.ts); saving writes the
// crops. Rotating by quarter turns and replacing the file keep the photo's id, texts and articles.
import { useRef, useState } from 'preact/hooks';
import { ApiError, call, post } from '../editor/net.ts';
import type { Asset } from '../editor/types.ts';
import { fill, type ShellStrings } from '../strings.ts';
import { cropFor, CROP_NAMES, type CropRatio } from '../../content/crops.ts';
import { photoStrings } from './photoStrings.ts';
import { replacePhoto } from './upload.ts';
import { uploadError } from './MediaPicker.tsx';
import './photos.css';

const clamp = (n: number) => Math.min(1, Math.max(0, Math.round(n * 1000) / 1000));

/** The largest WebP variant (what the editor shows). */
function largest(asset: Asset): string {
  const widths = Object.keys(asset.urls.webp)
    .map(Number)
    .sort((a, b) => a - b);
  return asset.urls.webp[String(widths[widths.length - 1])] ?? asset.urls.original;
}

/** A crop as the site cuts it, shown by placing the whole picture behind a window of the ratio. */
function CropPreview(props: { asset: Asset; src: string; x: number; y: number; ratio: CropRatio; label: string }) {
  const { asset } = props;
  const crop = cropFor('preview', asset.width, asset.height, props.x, props.y, props.ratio);
  if (!crop) return null;
  const r = crop.region;
  return (
    <figure class="nr-crop" data-testid={`crop-${props.ratio}`} data-left={r.left} data-top={r.top}>
      <div class="nr-crop-window" style={{ aspectRatio: `${r.width} / ${r.height}` }}>
        <img
          src={props.src}
          alt=""
          style={{
            width: `${(asset.width / r.width) * 100}%`,
            left: `${(-r.left / r.width) * 100}%`,
            top: `${(-r.top / r.height) * 100}%`,
          }}
        />
      </div>
      <figcaption>{props.label}</figcaption>
    </figure>
  );
}

export function PhotoEditor(props: { s: ShellStrings; asset: Asset; onChange(asset: Asset): void; onClose(): void }) {
  const p = photoStrings(props.s);
  const [asset, setAsset] = useState(props.asset);
  const [x, setX] = useState(asset.focalX);
  const [y, setY] = useState(asset.focalY);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const frame = useRef<HTMLDivElement>(null);
  const file = useRef<HTMLInputElement>(null);
  const dragging = useRef(false);
  const src = largest(asset);

  const changed = (next: Asset, message: string) => {
    setAsset(next);
    setX(next.focalX);
    setY(next.focalY);
    setNotice(message);
    props.onChange(next);
  };
  const run = async (work: () => Promise<Asset>, message: string) => {
    setBusy(true);
    setError('');
    setNotice('');
    try {
      changed(await work(), message);
    } catch (e) {
      setError(e instanceof ApiError ? fill(props.s.failed, { message: e.message }) : props.s.networkError);
    } finally {
      setBusy(false);
    }
  };
  const moveTo = (clientX: number, clientY: number) => {
    const box = frame.current?.getBoundingClientRect();
    if (!box || box.width === 0 || box.height === 0) return;
    setX(clamp((clientX - box.left) / box.width));
    setY(clamp((clientY - box.top) / box.height));
  };
  const onKey = (e: KeyboardEvent) => {
    const step = e.shiftKey ? 0.1 : 0.01;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    setX((v) => clamp(v + move[0]));
    setY((v) => clamp(v + move[1]));
  };
  const percent = (n: number) => Math.round(n * 100);
  const cropLabels: Record<CropRatio, string> = { '16x9': p.crop16x9, '4x3': p.crop4x3, '1x1': p.crop1x1 };

  return (
    <section class="nr-photo-editor" data-testid="photo-editor" aria-label={fill(p.editorTitle, { id: asset.id })}>
      <div class="nr-dialog-head">
        <h2>{fill(p.editorTitle, { id: asset.id })}</h2>
        <button type="button" onClick={props.onClose} data-testid="photo-editor-close">
          {p.back}
        </button>
      </div>
      <p class="nr-help">{p.focalHelp}</p>
      <div class="nr-photo-editor-body">
        <div
          class="nr-focal-frame"
          ref={frame}
          data-testid="focal-frame"
          onPointerDown={(e) => {
            dragging.current = true;
            (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
            moveTo(e.clientX, e.clientY);
          }}
          onPointerMove={(e) => dragging.current && moveTo(e.clientX, e.clientY)}
          onPointerUp={() => (dragging.current = false)}
          onPointerCancel={() => (dragging.current = false)}
        >
          <img src={src} alt="" width={asset.width} height={asset.height} draggable={false} />
          <span
            class="nr-focal-point"
            role="slider"
            tabIndex={0}
            aria-label={p.focalPoint}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent(x)}
            aria-valuetext={fill(p.focalValue, { x: percent(x), y: percent(y) })}
            data-testid="focal-point"
            data-x={x}
            data-y={y}
            style={{ left: `${x * 100}%`, top: `${y * 100}%` }}
            onKeyDown={onKey}
          />
        </div>
        <div class="nr-crops">
          <h3>{p.crops}</h3>
          {CROP_NAMES.map((ratio) => (
            <CropPreview key={ratio} asset={asset} src={src} x={x} y={y} ratio={ratio} label={cropLabels[ratio]} />
          ))}
        </div>
      </div>
      <p class="nr-focal-value" data-testid="focal-value">
        {fill(p.focalValue, { x: percent(x), y: percent(y) })}
      </p>
      <div class="nr-actions">
        <button
          type="button"
          class="nr-primary"
          disabled={busy || (x === asset.focalX && y === asset.focalY)}
          data-testid="focal-save"
          onClick={() => run(() => call<Asset>('PATCH', `/media/${asset.id}`, { focalX: x, focalY: y }), p.saved)}
        >
          {p.save}
        </button>
        <button
          type="button"
          disabled={busy}
          data-testid="rotate-left"
          onClick={() => run(() => post<Asset>(`/media/${asset.id}/rotate`, { degrees: 270 }), p.rotated)}
        >
          {p.rotateLeft}
        </button>
        <button
          type="button"
          disabled={busy}
          data-testid="rotate-right"
          onClick={() => run(() => post<Asset>(`/media/${asset.id}/rotate`, { degrees: 90 }), p.rotated)}
        >
          {p.rotateRight}
        </button>
        <label class="nr-file-button">
          {p.replace}
          <input
            ref={file}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            data-testid="replace-file"
            disabled={busy}
            onChange={() => {
              const f = file.current?.files?.[0];
              if (!f) return;
              setBusy(true);
              setError('');
              setNotice('');
              replacePhoto(asset.id, f)
                .then(
                  (next) => changed(next, p.replaced),
                  (e) => setError(uploadError(props.s, e)),
                )
                .finally(() => {
                  setBusy(false);
                  if (file.current) file.current.value = '';
                });
            }}
          />
        </label>
        {busy && <span role="status">{p.working}</span>}
      </div>
      {notice && (
        <p role="status" class="nr-success" data-testid="photo-editor-notice">
          {notice}
        </p>
      )}
      {error && (
        <p role="alert" class="nr-error" data-testid="photo-editor-error">
          {error}
        </p>
      )}
    </section>
  );
}
