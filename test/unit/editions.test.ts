import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  contentEdition,
  DERIVED_EDITIONS,
  derivedFrom,
  EDITION_CODES,
  EDITIONS,
  editionsShowing,
  isEditionCode,
  isUiLang,
  isWrittenEdition,
  MENU_ORDER,
  SCRIPT_SOURCES,
  UI_LANGS,
  WRITTEN_EDITIONS,
} from '../../src/editions/editions.ts';
import { WRITTEN_STRINGS } from '../../src/editions/strings/all.ts';
import { NEWS_LANGUAGE } from '../../src/services/sitemaps.ts';
import { EDITION_LANGUAGE } from '../../src/search/analyze.ts';
import { DERIVED_OF, WRITTEN_EDITIONS as EDITOR_WRITTEN } from '../../src/newsroom-ui/editor/types.ts';
import { EDITION_NAMES } from '../../src/newsroom-ui/strings.ts';

const FACTS = [
  'code',
  'kind',
  'lang',
  'language',
  'script',
  'label',
  'dir',
  'intlLocale',
  'dateOrder',
  'ogLocale',
  'newsLanguage',
  'inMenu',
  'newsroomUi',
] as const;

test('every edition in the table has every language fact', () => {
  for (const code of EDITION_CODES) {
    const e = EDITIONS[code] as unknown as Record<string, unknown>;
    for (const fact of FACTS) assert.notEqual(e[fact], undefined, `${code}.${fact}`);
    assert.equal(e['code'], code);
    assert.ok(
      Intl.PluralRules.supportedLocalesOf([String(e['intlLocale'])]).length === 1,
      `${code}: Intl knows ${String(e['intlLocale'])}`,
    );
    assert.match(String(e['ogLocale']), /^[a-z]{2}_[A-Z]{2}$/, code);
    assert.match(String(e['newsLanguage']), /^[a-z]{2,3}(-[a-z]{2})?$/, code);
    assert.ok(
      String(e['lang']).toLowerCase().startsWith(String(e['language'])),
      `${code}: lang ${String(e['lang'])} is ${String(e['language'])}`,
    );
  }
});

test('a derived edition converts a written one, and a script switch leads both ways', () => {
  for (const code of DERIVED_EDITIONS) {
    const e = EDITIONS[code];
    assert.equal(e.kind, 'derived');
    if (e.kind !== 'derived') continue;
    assert.ok(isWrittenEdition(e.source), code);
    assert.equal(e.from, EDITIONS[e.source].script, `${code} converts from its source's script`);
    assert.equal(e.to, e.script, `${code} converts into its own script`);
    assert.equal(e.language, EDITIONS[e.source].language, code);
  }
  for (const code of EDITION_CODES) {
    const e = EDITIONS[code];
    if (e.scriptSwitch) assert.equal(EDITIONS[e.scriptSwitch].scriptSwitch, code, `${code} ⇄ ${e.scriptSwitch}`);
  }
});

test('the lists are filters of the table, in table order', () => {
  assert.deepEqual(EDITION_CODES, ['kz', 'qz', 'ru', 'en', 'cn', 'uz', 'uz-latn', 'tote']);
  assert.deepEqual(
    WRITTEN_EDITIONS,
    EDITION_CODES.filter((c) => EDITIONS[c].kind === 'written'),
  );
  assert.deepEqual(
    DERIVED_EDITIONS,
    EDITION_CODES.filter((c) => EDITIONS[c].kind === 'derived'),
  );
  assert.deepEqual(
    MENU_ORDER,
    EDITION_CODES.filter((c) => EDITIONS[c].inMenu),
  );
  assert.deepEqual(
    UI_LANGS,
    EDITION_CODES.filter((c) => EDITIONS[c].newsroomUi),
  );
  assert.deepEqual(SCRIPT_SOURCES, ['kz', 'uz']);
  assert.deepEqual(
    derivedFrom('kz').map((d) => d.code),
    ['qz', 'tote'],
  );
  assert.deepEqual(editionsShowing('uz'), ['uz', 'uz-latn']);
  for (const code of EDITION_CODES) assert.ok(editionsShowing(contentEdition(code)).includes(code));
  assert.ok(isEditionCode('uz-latn') && !isEditionCode('toString') && !isWrittenEdition('qz') && isUiLang('kz') && !isUiLang('cn'));
});

test("every list elsewhere is the registry's: sitemaps, search, the newsroom", () => {
  for (const code of EDITION_CODES) {
    assert.equal(NEWS_LANGUAGE[code], EDITIONS[code].newsLanguage, code);
    assert.equal(EDITION_LANGUAGE[code], EDITIONS[code].language, code);
  }
  assert.deepEqual([...EDITOR_WRITTEN], [...WRITTEN_EDITIONS]);
  assert.deepEqual(Object.keys(EDITION_NAMES), [...WRITTEN_EDITIONS]);
  assert.deepEqual(Object.keys(DERIVED_OF), [...SCRIPT_SOURCES]);
  assert.deepEqual(
    DERIVED_OF['kz']?.map((d) => [d.edition, d.scheme, d.dir, d.lang]),
    [
      ['qz', 'kk-Latn-2018', 'ltr', 'kk-Latn'],
      ['tote', 'kk-Arab', 'rtl', 'kk-Arab'],
    ],
  );
  assert.deepEqual(Object.keys(WRITTEN_STRINGS).sort(), [...WRITTEN_EDITIONS].sort(), 'every written edition has UI strings');
});
