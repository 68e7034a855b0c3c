// A label typed before a correction note or a photo credit is removed on save: the site prints its
// own ("Түзету:", "Фото:", in every written edition's words, src/editions/strings), and the typed
// one would show twice. Called from ArticlesService.save before validation.
import { labelsOf, stripTypedLabel } from '../../content/typedLabels.ts';
import { WRITTEN_STRINGS } from '../../editions/strings/all.ts';

const strings = Object.values(WRITTEN_STRINGS);
export const CORRECTION_LABELS = labelsOf(strings.map((s) => s.correction));
export const CREDIT_LABELS = labelsOf(strings.map((s) => s.photoCredit));

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function creditless(image: unknown): unknown {
  if (!isObj(image) || typeof image['credit'] !== 'string') return image;
  return { ...image, credit: stripTypedLabel(image['credit'], CREDIT_LABELS) };
}

function block(b: unknown): unknown {
  if (!isObj(b)) return b;
  if (b['type'] === 'image') return creditless(b);
  if (b['type'] === 'gallery' && Array.isArray(b['items'])) return { ...b, items: b['items'].map(creditless) };
  return b;
}

/** The patch with typed labels removed from the correction note and from photo credits in the body (anything else untouched). */
export function withoutTypedLabels<T extends { correctionNote?: string; body?: unknown }>(patch: T): T {
  const out = { ...patch };
  if (typeof out.correctionNote === 'string') out.correctionNote = stripTypedLabel(out.correctionNote, CORRECTION_LABELS);
  if (isObj(out.body) && Array.isArray(out.body['blocks'])) out.body = { ...out.body, blocks: out.body['blocks'].map(block) };
  return out;
}
