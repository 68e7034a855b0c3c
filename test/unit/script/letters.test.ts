// Every letter of every scheme, in lower case, as a capital inside a lower-case word (title form
// of digraphs: ҚазАқпарат) and in an ALL CAPS word — always between two д/d, so that the position
// rules (word start, after a vowel) stay out of the way; they have their own tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createConverter } from '../../../src/script/converter.ts';
import type { ConverterOptions } from '../../../src/script/types.ts';

/** Rows "source lower title upper"; "-" stands for an empty output. */
function rows(table: string): Array<[string, string, string, string]> {
  return table
    .trim()
    .split('\n')
    .map(
      (line) =>
        line
          .trim()
          .split(/\s+/)
          .map((cell) => (cell === '-' ? '' : cell)) as [string, string, string, string],
    );
}

function checkLetters(options: ConverterOptions, table: string, d: [string, string], target: [string, string]): void {
  const conv = createConverter(options);
  for (const [src, lower, title, upper] of rows(table)) {
    const srcUpper = src.toUpperCase();
    const srcTitle = src[0]!.toUpperCase() + src.slice(1);
    assert.equal(conv.convert(`${d[0]}${src}${d[0]}`), `${target[0]}${lower}${target[0]}`, `${src} lower`);
    assert.equal(conv.convert(`${d[0]}${srcTitle}${d[0]}`), `${target[0]}${title}${target[0]}`, `${src} title`);
    assert.equal(conv.convert(`${d[1]}${srcUpper}${d[1]}`), `${target[1]}${upper}${target[1]}`, `${src} caps`);
  }
}

const KK_CYRL = ['д', 'Д'] as [string, string];
const LATN_D = ['d', 'D'] as [string, string];

test('kk-Latn-2018: every Cyrillic letter (mechanical, as Kazinform publishes)', () => {
  checkLetters(
    { from: 'kk-Cyrl', to: 'kk-Latn', scheme: 'kk-Latn-2018' },
    `
    а a A A
    ә á Á Á
    б b B B
    в v V V
    г g G G
    ғ ǵ Ǵ Ǵ
    д d D D
    е e E E
    ё ıo Io IO
    ж j J J
    з z Z Z
    и ı I I
    й ı I I
    к k K K
    қ q Q Q
    л l L L
    м m M M
    н n N N
    ң ń Ń Ń
    о o O O
    ө ó Ó Ó
    п p P P
    р r R R
    с s S S
    т t T T
    у ý Ý Ý
    ұ u U U
    ү ú Ú Ú
    ф f F F
    х h H H
    һ h H H
    ц ts Ts TS
    ч ch Ch CH
    ш sh Sh SH
    щ sh Sh SH
    ъ - - -
    ы y Y Y
    і i I I
    ь - - -
    э e E E
    ю ıý Iý IÝ
    я ıa Ia IA
  `,
    KK_CYRL,
    LATN_D,
  );
});

test('kk-Latn-2018-orthography: the letters that differ from the mechanical scheme', () => {
  checkLetters(
    { from: 'kk-Cyrl', to: 'kk-Latn', scheme: 'kk-Latn-2018-orthography' },
    `
    ц s S S
    ё ó Ó Ó
    ю ú Ú Ú
    щ sh Sh SH
    ш sh Sh SH
    и ı I I
    я ıa Ia IA
  `,
    KK_CYRL,
    LATN_D,
  );
});

test('kk-Latn-2021: every Cyrillic letter, with İ/i and I/ı from explicit tables', () => {
  checkLetters(
    { from: 'kk-Cyrl', to: 'kk-Latn', scheme: 'kk-Latn-2021' },
    `
    а a A A
    ә ä Ä Ä
    б b B B
    в v V V
    г g G G
    ғ ğ Ğ Ğ
    д d D D
    е e E E
    ё io İo İO
    ж j J J
    з z Z Z
    и i İ İ
    й i İ İ
    к k K K
    қ q Q Q
    л l L L
    м m M M
    н n N N
    ң ñ Ñ Ñ
    о o O O
    ө ö Ö Ö
    п p P P
    р r R R
    с s S S
    т t T T
    у u U U
    ұ ū Ū Ū
    ү ü Ü Ü
    ф f F F
    х h H H
    һ h H H
    ц ts Ts TS
    ч ch Ch CH
    ш ş Ş Ş
    щ ş Ş Ş
    ъ - - -
    ы y Y Y
    і ı I I
    ь - - -
    э e E E
    ю iu İu İU
    я ia İa İA
  `,
    KK_CYRL,
    LATN_D,
  );
});

test('uz-Latn-1995: every Cyrillic letter between consonants', () => {
  checkLetters(
    { from: 'uz-Cyrl', to: 'uz-Latn' },
    `
    а a A A
    б b B B
    в v V V
    г g G G
    д d D D
    е e E E
    ё yo Yo YO
    ж j J J
    з z Z Z
    и i I I
    й y Y Y
    к k K K
    л l L L
    м m M M
    н n N N
    о o O O
    п p P P
    р r R R
    с s S S
    т t T T
    у u U U
    ф f F F
    х x X X
    ц s S S
    ч ch Ch CH
    ш sh Sh SH
    щ sh Sh SH
    ъ ʼ ʼ ʼ
    ы i I I
    ь - - -
    э e E E
    ю yu Yu YU
    я ya Ya YA
    ў oʻ Oʻ Oʻ
    қ q Q Q
    ғ gʻ Gʻ Gʻ
    ҳ h H H
  `,
    KK_CYRL,
    LATN_D,
  );
});

test('uz-Latn → uz-Cyrl: every letter and digraph, with every apostrophe accepted', () => {
  checkLetters(
    { from: 'uz-Latn', to: 'uz-Cyrl' },
    `
    a а А А
    b б Б Б
    v в В В
    g г Г Г
    d д Д Д
    e е Е Е
    yo ё Ё Ё
    j ж Ж Ж
    z з З З
    i и И И
    y й Й Й
    k к К К
    l л Л Л
    m м М М
    n н Н Н
    o о О О
    p п П П
    r р Р Р
    s с С С
    t т Т Т
    u у У У
    f ф Ф Ф
    x х Х Х
    ch ч Ч Ч
    sh ш Ш Ш
    yu ю Ю Ю
    ya я Я Я
    oʻ ў Ў Ў
    o‘ ў Ў Ў
    o' ў Ў Ў
    o’ ў Ў Ў
    o\` ў Ў Ў
    q қ Қ Қ
    gʻ ғ Ғ Ғ
    g‘ ғ Ғ Ғ
    h ҳ Ҳ Ҳ
    ʼ ъ ъ ъ
  `,
    LATN_D,
    KK_CYRL,
  );
});

test('kk-Latn-2018 → kk-Cyrl: every letter of the 2018 alphabet', () => {
  checkLetters(
    { from: 'kk-Latn', to: 'kk-Cyrl' },
    `
    a а А А
    á ә Ә Ә
    b б Б Б
    v в В В
    g г Г Г
    ǵ ғ Ғ Ғ
    e е Е Е
    j ж Ж Ж
    z з З З
    ı и І І
    k к К К
    q қ Қ Қ
    l л Л Л
    m м М М
    n н Н Н
    ń ң Ң Ң
    o о О О
    ó ө Ө Ө
    p п П П
    r р Р Р
    s с С С
    t т Т Т
    ý у У У
    u ұ Ұ Ұ
    ú ү Ү Ү
    f ф Ф Ф
    h х Х Х
    ch ч Ч Ч
    sh ш Ш Ш
    y ы Ы Ы
    i і І І
  `,
    LATN_D,
    KK_CYRL,
  );
});

test('kk-Arab (agency): every Cyrillic letter; front-vowel words get one hamza', () => {
  const conv = createConverter({ from: 'kk-Cyrl', to: 'kk-Arab' });
  const cases: Array<[string, string]> = [
    ['а', 'ا'],
    ['ә', 'ءا'],
    ['б', 'ب'],
    ['в', 'ۆ'],
    ['г', 'گ'],
    ['ғ', 'ع'],
    ['д', 'د'],
    ['е', 'ە'],
    ['ё', 'يو'],
    ['ж', 'ج'],
    ['з', 'ز'],
    ['и', 'ي'],
    ['й', 'ي'],
    ['к', 'ك'],
    ['қ', 'ق'],
    ['л', 'ل'],
    ['м', 'م'],
    ['н', 'ن'],
    ['ң', 'ڭ'],
    ['о', 'و'],
    ['ө', 'ءو'],
    ['п', 'پ'],
    ['р', 'ر'],
    ['с', 'س'],
    ['т', 'ت'],
    ['у', 'ۋ'],
    ['ұ', 'ۇ'],
    ['ү', 'ءۇ'],
    ['ф', 'ف'],
    ['х', 'ح'],
    ['һ', 'ھ'],
    ['ц', 'تس'],
    ['ч', 'چ'],
    ['ш', 'ش'],
    ['щ', 'شش'],
    ['ъ', ''],
    ['ы', 'ى'],
    ['і', 'ءى'],
    ['ь', ''],
    ['э', 'ە'],
    ['ю', 'يۋ'],
    ['я', 'يا'],
  ];
  for (const [cyr, arab] of cases) {
    const hamza = arab.startsWith('ء') ? 'ء' : '';
    const body = arab.replace('ء', '');
    for (const word of [`д${cyr}д`, `Д${cyr.toUpperCase()}д`, `Д${cyr.toUpperCase()}Д`]) {
      assert.equal(conv.convert(word), `${hamza}د${body}د`, word);
    }
  }
});

test('kk-Arab-mediawiki: the letters where MediaWiki differs from the agency', () => {
  const conv = createConverter({ from: 'kk-Cyrl', to: 'kk-Arab', scheme: 'kk-Arab-mediawiki' });
  assert.equal(conv.convert('дид'), 'دىيد');
  assert.equal(conv.convert('дчд'), 'دتشد');
  assert.equal(conv.convert('дһд'), 'دحد');
  assert.equal(conv.convert('іс'), '\u0674ىس');
  assert.equal(conv.convert('Аллаһ'), 'ﷲ');
  assert.equal(conv.convert('2024, 50%?'), '۲۰۲۴، ۵۰٪؟');
});
