// Typed labels ("Түзету:", "Фото:") that the site prints itself: found and stripped in every
// written edition's words, and the editor's copy of the label lists equals the server's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labelsOf, stripTypedLabel, typedLabel } from '../../src/content/typedLabels.ts';
import * as server from '../../src/services/newsroom/typedLabels.ts';
import * as editor from '../../src/newsroom-ui/editor/typedLabels.ts';

test('the editor warns about exactly the labels the server strips', () => {
  assert.deepEqual(editor.CORRECTION_LABELS, server.CORRECTION_LABELS);
  assert.deepEqual(editor.CREDIT_LABELS, server.CREDIT_LABELS);
});

test('labels come from the templates, longest first, with the first word of a longer one', () => {
  assert.deepEqual(labelsOf(['Фото: {credit}', 'Photo credit: {credit}', '图片来源：{credit}']), [
    'Photo credit',
    'Photo',
    'Фото',
    '图片来源',
  ]);
});

const CASES: [string, string, string | null][] = [
  ['Фото: ҚазАқпарат', 'ҚазАқпарат', 'Фото'],
  ['фото:ҚазАқпарат', 'ҚазАқпарат', 'фото'],
  ['  Photo credit :  Reuters', 'Reuters', 'Photo credit'],
  ['Photo: AP', 'AP', 'Photo'],
  ['图片来源：新华社', '新华社', '图片来源'],
  ['Фото: Фото: Дүйсен', 'Дүйсен', 'Фото'],
  ['Фотограф Дүйсен', 'Фотограф Дүйсен', null],
  ['ҚазАқпарат (фото: архив)', 'ҚазАқпарат (фото: архив)', null],
];

for (const [typed, stripped, label] of CASES) {
  test(`credit ${JSON.stringify(typed)}`, () => {
    assert.equal(stripTypedLabel(typed, server.CREDIT_LABELS), stripped);
    assert.equal(editor.creditLabel(typed), label);
  });
}

test('correction notes in kz, ru, en, uz', () => {
  for (const typed of ['Түзету: Аты түзетілді', 'Исправление: Аты түзетілді', 'correction: Аты түзетілді', 'Тузатиш: Аты түзетілді']) {
    assert.equal(stripTypedLabel(typed, server.CORRECTION_LABELS), 'Аты түзетілді', typed);
  }
  assert.equal(typedLabel('Түзетілген нұсқа', server.CORRECTION_LABELS), null);
});
