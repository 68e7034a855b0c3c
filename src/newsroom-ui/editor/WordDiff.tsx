// A word-level difference shown as <del>/<ins>. The parts come from the API or from
// content/diffWords.ts (word boundaries of every script: jsdiff's own word pattern knows Latin
// letters only and split Kazakh words into letters).
import { isolatedDiff } from '../components/Isolate.ts';
import type { DiffPart } from './types.ts';

/** The parts as <del>/<ins>, each in its own bidi isolate (components/Isolate.ts). */
export function DiffText(props: { parts: DiffPart[] }) {
  return isolatedDiff(props.parts);
}
