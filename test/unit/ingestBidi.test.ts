// Wire copy is text from outside: bidi override and isolate controls never reach a draft's
// headline or source line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFeed, sourceLine } from '../../src/services/ingest.ts';

test('a wire title loses its bidi overrides and isolates; so does a source name', () => {
  const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>
    <item><title>Invoice &#x202E;fdp.exe &#x2066;ready&#x2069;</title><guid>g1</guid><description>Lead</description></item>
  </channel></rss>`;
  const [item] = parseFeed(xml);
  assert.equal(item?.title, 'Invoice fdp.exe ready');
  assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(sourceLine('en', 'Reu\u202Eters', null)));
});
