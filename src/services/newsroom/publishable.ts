// What an article needs before it goes out (publish or schedule): a headline and a body that says
// something. The editor's checklist shows the same conditions before the button is pressed.
import { isEmptyBody } from '../../content/emptyBody.ts';
import type { Body } from '../../content/body.ts';
import { conflict, invalid } from './errors.ts';

export function checkPublishable(row: { headline: string; body: string }): void {
  if (!row.headline.trim()) throw invalid('headline: an article needs a headline before it goes out');
  let body: Body | null = null;
  try { body = JSON.parse(row.body) as Body | null; } catch { body = null; }
  if (isEmptyBody(body)) throw conflict('EMPTY_BODY', 'The article has no text: write the body before it goes out');
}
