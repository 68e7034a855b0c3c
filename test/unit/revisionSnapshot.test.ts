import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CorruptSnapshotError, parseRevisionSnapshot } from '../../src/services/newsroom/revisions.ts';

const body = { version: 1, blocks: [{ type: 'paragraph', content: [{ text: 'Сәлем' }] }] };

test('a stored snapshot is read with typed fields: texts, the body, the section, tags, authors, lead photo and its own texts, flags and correction note', () => {
  const s = parseRevisionSnapshot(
    JSON.stringify({
      id: 7,
      headline: 'Жаңалық',
      lead: 'Лид',
      body: JSON.stringify(body),
      section_id: 3,
      status: 'draft',
      slug: 'zhanalyq',
      source_line: 'Ақорда',
      seo_title: 'SEO',
      seo_description: 'Desc',
      tagIds: [4, 5],
      authorIds: [2],
      hero_asset_id: 9,
      breaking: 1,
      pinned: 0,
      correction_note: 'Түзетілді',
      hero_texts: { caption: 'Астана', credit: 'Әлия Сейітова' },
    }),
  );
  assert.deepEqual(
    { ...s, raw: undefined },
    {
      headline: 'Жаңалық',
      lead: 'Лид',
      body,
      sectionId: 3,
      status: 'draft',
      slug: 'zhanalyq',
      sourceLine: 'Ақорда',
      seoTitle: 'SEO',
      seoDescription: 'Desc',
      tagIds: [4, 5],
      authorIds: [2],
      heroAssetId: 9,
      breaking: true,
      pinned: false,
      correctionNote: 'Түзетілді',
      heroTexts: { caption: 'Астана', credit: 'Әлия Сейітова' },
      raw: undefined,
    },
  );
  assert.equal(s.raw['id'], 7, 'the stored snapshot stays at hand for the comparison');
});

test('an older snapshot without later fields reads them as empty', () => {
  const s = parseRevisionSnapshot(JSON.stringify({ headline: 'H', body: null }));
  assert.equal(s.seoTitle, '');
  assert.equal(s.lead, '');
  assert.equal(s.body, null);
  assert.equal(s.sectionId, undefined);
  assert.deepEqual([s.tagIds, s.authorIds], [[], []]);
});

test('a snapshot whose fields have the wrong types is refused, not turned into text', () => {
  for (const bad of [
    '{',
    '[]',
    JSON.stringify({ headline: 12 }),
    JSON.stringify({ tagIds: ['4'] }),
    JSON.stringify({ body: '{not json' }),
  ]) {
    assert.throws(() => parseRevisionSnapshot(bad), CorruptSnapshotError, bad);
  }
});
