// When a body counts as empty for the publishing checklist (src/content/emptyBody.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Block } from '../../src/content/body.ts';
import { isEmptyBody } from '../../src/content/emptyBody.ts';

const t = (text: string) => [{ type: 'text' as const, text }];
const CASES: [string, Block[], boolean][] = [
  ['no blocks', [], true],
  [
    'blank paragraphs and a divider',
    [{ type: 'paragraph', content: [] }, { type: 'paragraph', content: t('  ') }, { type: 'divider' }],
    true,
  ],
  ['a list of blank items', [{ type: 'list', ordered: false, items: [t(' '), []] }], true],
  ['one word', [{ type: 'paragraph', content: t('Сөз') }], false],
  ['a quotation', [{ type: 'quote', content: t('Дәйексөз') }], false],
  ['a photo alone', [{ type: 'image', assetId: 1 }], false],
  ['an embed alone', [{ type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=x' }], false],
  ['a table with a word', [{ type: 'table', header: false, rows: [[[], t('А')]] }], false],
];

for (const [name, blocks, empty] of CASES) {
  test(`${name}: ${empty ? 'empty' : 'not empty'}`, () => assert.equal(isEmptyBody({ version: 1, blocks }), empty));
}
test('a missing body is empty', () => assert.equal(isEmptyBody(null), true));
