// User-entered text set among the interface's own words: each value in its own bidi isolate, so a
// right-to-left name (or one crafted to reverse what follows) never reorders the sentence or the
// list around it. Values are text nodes (escaped by Preact), never markup. Written without JSX so
// that the unit test can load it outside the newsroom bundle.
import { h, type ComponentChildren, type VNode } from 'preact';

/** A template's `{placeholders}` filled with the values, each value inside <bdi>. */
export function fillIsolated(template: string, vars: Record<string, string | number>): ComponentChildren[] {
  return template.split(/(\{[a-z]+\})/i).map((piece) => {
    const key = /^\{([a-z]+)\}$/i.exec(piece)?.[1];
    return key !== undefined && key in vars ? h('bdi', null, String(vars[key])) : piece;
  });
}

/** One part of a word diff (the API's `DiffPart`). */
export interface IsolatedPart {
  readonly op: 'eq' | 'ins' | 'del';
  readonly text: string;
}

/**
 * A word diff: the whole in one isolate, and each deleted, inserted or unchanged part in its own
 * (`dir="auto"`). Body text (a caption among it) may carry bidi controls: an override that one
 * part carries without its closing PDF (`‮gnp.exe`) then reorders nothing past that part.
 */
export function isolatedDiff(parts: readonly IsolatedPart[]): VNode {
  return h(
    'span',
    { class: 'ed-diff', dir: 'auto' },
    parts.map((p, i) => h(p.op === 'ins' ? 'ins' : p.op === 'del' ? 'del' : 'span', { key: i, dir: 'auto' }, p.text)),
  );
}
