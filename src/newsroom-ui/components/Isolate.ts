// User-entered text set among the interface's own words: each value in its own bidi isolate, so a
// right-to-left name (or one crafted to reverse what follows) never reorders the sentence or the
// list around it. Values are text nodes (escaped by Preact), never markup. Written without JSX so
// that the unit test can load it outside the newsroom bundle.
import { h, type ComponentChildren } from 'preact';

/** A template's `{placeholders}` filled with the values, each value inside <bdi>. */
export function fillIsolated(template: string, vars: Record<string, string | number>): ComponentChildren[] {
  return template.split(/(\{[a-z]+\})/i).map((piece) => {
    const key = /^\{([a-z]+)\}$/i.exec(piece)?.[1];
    return key !== undefined && key in vars ? h('bdi', null, String(vars[key])) : piece;
  });
}
