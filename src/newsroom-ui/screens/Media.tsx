// The photo library: search, upload, reuse, delete (with a confirmation).
import type { User } from '../editor/types.ts';
import type { ShellStrings } from '../strings.ts';
import { MediaGrid } from '../components/MediaPicker.tsx';

export function MediaScreen(props: { s: ShellStrings; user: User }) {
  return (
    <section class="nr-card">
      <h1>{props.s.photos}</h1>
      <MediaGrid s={props.s} edition={props.user.desks[0] ?? 'kz'} user={props.user} />
    </section>
  );
}
