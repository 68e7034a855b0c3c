// A word-level difference shown as <del>/<ins>, from the API's parts or from jsdiff.
import { diffWords } from 'diff';
import { isolatedDiff } from '../components/Isolate.ts';
import type { DiffPart } from './types.ts';

/**
 * Edit length past which two texts are shown whole (old deleted, new inserted): an unbounded
 * comparison of two long, very different bodies froze the tab for minutes.
 */
export const MAX_EDIT_LENGTH = 1_000;

export function wordDiff(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ op: 'eq', text: before }] : [];
  const changes = diffWords(before, after, { maxEditLength: MAX_EDIT_LENGTH, timeout: 500 });
  if (!changes) return [...(before ? [{ op: 'del' as const, text: before }] : []), ...(after ? [{ op: 'ins' as const, text: after }] : [])];
  return changes.map((c) => ({ op: c.added ? 'ins' : c.removed ? 'del' : 'eq', text: c.value }));
}

/** The parts as <del>/<ins>, each in its own bidi isolate (components/Isolate.ts). */
export function DiffText(props: { parts: DiffPart[] }) {
  return isolatedDiff(props.parts);
}
