// A word-level difference shown as <del>/<ins>, from the API's parts or from jsdiff.
import { diffWords } from 'diff';
import type { DiffPart } from './types.ts';

export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((c) => ({ op: c.added ? 'ins' : c.removed ? 'del' : 'eq', text: c.value }));
}

export function DiffText(props: { parts: DiffPart[] }) {
  return (
    <span class="ed-diff">
      {props.parts.map((p, i) => (p.op === 'ins' ? <ins key={i}>{p.text}</ins> : p.op === 'del' ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>))}
    </span>
  );
}
