// The photo library: search and filters, upload of several photos at once, reuse, delete (with a
// confirmation), and a photo's crop and focal-point editor (rotate, replace the file).
import { useState } from 'preact/hooks';
import type { Asset, User } from '../editor/types.ts';
import type { ShellStrings } from '../strings.ts';
import { MediaGrid } from '../components/MediaPicker.tsx';
import { PhotoEditor } from '../components/PhotoEditor.tsx';

export function MediaScreen(props: { s: ShellStrings; user: User }) {
  const [editing, setEditing] = useState<Asset | null>(null);
  const [changed, setChanged] = useState<Asset | null>(null);
  return (
    <section class="nr-card">
      <h1>{props.s.photos}</h1>
      {editing && <PhotoEditor s={props.s} asset={editing} onChange={setChanged} onClose={() => setEditing(null)} />}
      <div hidden={editing !== null}>
        <MediaGrid s={props.s} edition={props.user.desks[0] ?? 'kz'} user={props.user} onEdit={setEditing} changed={changed} />
      </div>
    </section>
  );
}
