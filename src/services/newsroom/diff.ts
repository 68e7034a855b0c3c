// A readable word-level comparison of two revisions: headline, lead, body (as text, one block per
// line) and the metadata that changed — computed with jsdiff.
import { diffArrays } from 'diff';

// Word boundaries of every script (jsdiff's default word pattern knows Latin letters only).
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
import { bodyText, type Body } from '../../content/body.ts';

export interface DiffPart { readonly op: 'eq' | 'ins' | 'del'; readonly text: string }
export interface FieldDiff { readonly field: string; readonly parts: readonly DiffPart[] }

const words = (text: string): string[] => [...segmenter.segment(text)].map((s) => s.segment);

/** Differences word by word (spaces and punctuation are tokens of their own), as runs of text. */
export function wordDiff(a: string, b: string): DiffPart[] {
  return diffArrays(words(a), words(b)).map((c) => ({ op: c.added ? 'ins' : c.removed ? 'del' : 'eq', text: c.value.join('') }));
}

const TEXT_FIELDS = ['headline', 'lead', 'body'] as const;
const META_FIELDS = ['source_line', 'slug', 'seo_title', 'seo_description', 'section_id', 'tagIds', 'authorIds', 'hero_asset_id',
  'breaking', 'pinned', 'correction_note', 'status'] as const;

function asText(field: string, value: unknown): string {
  if (field === 'body') {
    try {
      return bodyText(JSON.parse(String(value)) as Body);
    } catch {
      return '';
    }
  }
  if (Array.isArray(value)) return value.join(', ');
  return value === null || value === undefined ? '' : String(value);
}

/** Differences between two revision snapshots (the `data` of two revision rows). */
export function revisionDiff(from: Record<string, unknown>, to: Record<string, unknown>): FieldDiff[] {
  const out: FieldDiff[] = [];
  for (const field of TEXT_FIELDS) out.push({ field, parts: wordDiff(asText(field, from[field]), asText(field, to[field])) });
  for (const field of META_FIELDS) {
    const a = asText(field, from[field]);
    const b = asText(field, to[field]);
    if (a !== b) out.push({ field, parts: wordDiff(a, b) });
  }
  return out;
}
