// User-entered names among the newsroom's own words are bidi-isolated and stay text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { fillIsolated } from '../../src/newsroom-ui/components/Isolate.ts';

test('each filled value sits in its own <bdi>, escaped; the template words stay outside', () => {
  const html = renderToString(
    h('p', null, fillIsolated('Revision {revision} · {time} · {name}', { revision: 3, time: '18:19', name: 'قازاق <b>x</b>' })),
  );
  assert.equal(html, '<p>Revision <bdi>3</bdi> · <bdi>18:19</bdi> · <bdi>قازاق &lt;b>x&lt;/b></bdi></p>');
  assert.equal(renderToString(h('p', null, fillIsolated('by {name} and {other}', { name: 'A' }))), '<p>by <bdi>A</bdi> and {other}</p>');
});
