// The newsroom's revision comparison and merge view show body text (captions among it) that may
// carry bidi controls: every part of a word diff sits in an isolate of its own, so an override
// that one deleted or inserted word carries reorders nothing past it (the next part, the other
// version, the interface's own words).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import { isolatedDiff } from '../../src/newsroom-ui/components/Isolate.ts';
import { dom } from '../support/site.ts';

const BIDI = /[\u202A-\u202E\u2066-\u2069]/u;

/** Each text holding a bidi control whose nearest isolate (<bdi> or [dir]) holds more than that text. */
function leaks(root: Element): string[] {
  const found: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3 && BIDI.test(n.textContent ?? '')) {
      const isolate = (n.parentNode as Element).closest('bdi, [dir]');
      if (isolate?.textContent !== n.textContent)
        found.push(`${JSON.stringify(n.textContent)} in ${isolate ? JSON.stringify(isolate.textContent) : 'no isolate'}`);
    }
    n.childNodes.forEach(walk);
  };
  walk(root);
  return found;
}

test('a word diff isolates the whole and each deleted, inserted and unchanged part; the text is unchanged', () => {
  const parts = [
    { op: 'eq', text: 'Caption ' },
    { op: 'del', text: '\u202Egnp.exe' },
    { op: 'ins', text: 'photo.jpg \u2067r' },
    { op: 'eq', text: ' Bidiword \u202Ae' },
  ] as const;
  const body = dom(`<!DOCTYPE html><html><body><p>Revision 3: ${renderToString(isolatedDiff(parts))} (end)</p></body></html>`).body;
  assert.deepEqual(leaks(body), []);
  const diff = body.querySelector('.ed-diff')!;
  assert.equal(diff.getAttribute('dir'), 'auto', 'the interface words around it are not reordered');
  assert.deepEqual(
    [...diff.children].map((x) => [x.tagName.toLowerCase(), x.textContent]),
    [
      ['span', 'Caption '],
      ['del', '\u202Egnp.exe'],
      ['ins', 'photo.jpg \u2067r'],
      ['span', ' Bidiword \u202Ae'],
    ],
  );
});
