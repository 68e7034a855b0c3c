// The cross-cutting edge cases of scripts.md §5, one table per case.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createConverter } from '../../../src/script/converter.ts';
import type { ConverterOptions } from '../../../src/script/types.ts';

function check(options: ConverterOptions, cases: ReadonlyArray<readonly [string, string]>): void {
  const conv = createConverter(options);
  for (const [source, expected] of cases) assert.equal(conv.convert(source), expected, source);
}

const KK_2018: ConverterOptions = { from: 'kk-Cyrl', to: 'kk-Latn', scheme: 'kk-Latn-2018' };
const KK_2021: ConverterOptions = { from: 'kk-Cyrl', to: 'kk-Latn', scheme: 'kk-Latn-2021' };
const KK_ORTH: ConverterOptions = { from: 'kk-Cyrl', to: 'kk-Latn', scheme: 'kk-Latn-2018-orthography' };
const KK_ARAB: ConverterOptions = { from: 'kk-Cyrl', to: 'kk-Arab' };
const UZ_LATN: ConverterOptions = { from: 'uz-Cyrl', to: 'uz-Latn' };
const UZ_CYRL: ConverterOptions = { from: 'uz-Latn', to: 'uz-Cyrl' };
const KK_CYRL: ConverterOptions = { from: 'kk-Latn', to: 'kk-Cyrl' };

test('§5.1 Latin look-alikes inside Cyrillic words are read as Cyrillic', () => {
  check(KK_2018, [
    ['Үкiмет', 'Úkimet'],
    ['ҚАЗАҚCТАН', 'QAZAQSTAN'],
    ['əлем', 'álem'],
  ]);
  check(KK_2021, [['тiлi', 'tılı']]);
  check(KK_ARAB, [
    ['ۇكiمەتiنiڭ', 'ۇكiمەتiنiڭ'],
    ['Үкiметiнiң', 'ۇكىمەتىنىڭ'],
    ['Есiл-дертiн', 'ەسىل-دەرتىن'],
  ]);
  check(UZ_LATN, [
    ['21 cентябрь', '21 sentabr'],
    ['Хoрaзм', 'Xorazm'],
  ]);
});

test("§5.1 Cyrillic look-alikes inside Latin words are read as Latin, and Egemen's О́ as Ó", () => {
  check(KK_2018, [
    ['ákіmderіne', 'ákimderine'],
    ['О\u0301simi', 'Ósimi'],
  ]);
  check(KK_ARAB, [['ákіmderіne', 'ákimderine']]);
  check(UZ_CYRL, [['Respublikаsi', 'Республикаси']]);
  check(KK_CYRL, [
    ['О\u0301simi', 'Өсімі'],
    ['ákіmderіne', 'әкімдеріне'],
  ]);
});

test('stress marks on Cyrillic vowels are dropped', () => {
  check(KK_2018, [['Ала\u0301ш', 'Alash']]);
  check(UZ_LATN, [['Ўзбекисто\u0301н', 'Oʻzbekiston']]);
});

test('§5.2 ALL CAPS, bylines, initials and mixed-case abbreviations', () => {
  check(KK_2018, [
    ['ШЫҒЫС', 'SHYǴYS'],
    ['Шығыс', 'Shyǵys'],
    ['Ш. Уәлиханов', 'Sh. Ýálıhanov'],
    ['АҚШ', 'AQSH'],
    ['ЯССЫ', 'IASSY'],
    ['Ясауи', 'Iasaýı'],
    ['Байқал БАЙӘДІЛ', 'Baıqal BAIÁDIL'],
    ['Бақытбек СМАҒҰЛ', 'Baqytbek SMAǴUL'],
    ['Қазбек ҚҰТТЫМҰРАТҰЛЫ', 'Qazbek QUTTYMURATULY'],
    ['ҚазАқпарат', 'QazAqparat'],
  ]);
  check(KK_2021, [
    ['ІЛЕ', 'ILE'],
    ['Іле', 'Ile'],
    ['ИСА', 'İSA'],
    ['Иса', 'İsa'],
    ['ШЫМКЕНТ', 'ŞYMKENT'],
  ]);
  check(UZ_LATN, [
    ['ЎЗБЕКИСТОН', 'OʻZBEKISTON'],
    ['Ўзбекистон', 'Oʻzbekiston'],
    ['ЧОРШАНБА', 'CHORSHANBA'],
    ['ЕВРОПА', 'YEVROPA'],
    ['Ш. Мирзиёев', 'Sh. Mirziyoyev'],
    ['ҒАЛАБА', 'GʻALABA'],
  ]);
  check(UZ_CYRL, [
    ['OʻZBEKISTON', 'ЎЗБЕКИСТОН'],
    ['SHAHAR', 'ШАҲАР'],
    ['Sh. Mirziyoyev', 'Ш. Мирзиёев'],
  ]);
});

test('§5.3 hyphenated words get the hamza per part', () => {
  check(KK_ARAB, [
    ['апармай-ақ', 'اپارماي-اق'],
    ['ақыл-парасат', 'اقىل-پاراسات'],
    ['бір-бірі', 'ءبىر-ءبىرى'],
    ['әке-шеше', 'اكە-شەشە'],
    ['үшін', 'ءۇشىن'],
    ['әділдікке', 'ادىلدىككە'],
    ['бірлігін', 'بىرلىگىن'],
    ['дәуірінде', 'داۋىرىندە'],
  ]);
});

test('§5.4 quotes stay, and the hamza goes after an opening quote', () => {
  check(KK_ARAB, [
    ['«тіл»', '«ءتىل»'],
    ['"өз"', '"ءوز"'],
  ]);
  check(KK_2018, [['«Егемен Қазақстан»', '«Egemen Qazaqstan»']]);
});

test('§5.5 dashes: "-" in the agency\'s Arabic edition, kept in Latin', () => {
  check(KK_ARAB, [
    ['жоқ — Жақып Асанов', 'جوق - جاقىپ اسانوۆ'],
    ['2020–2025', '2020-2025'],
  ]);
  check(KK_2018, [['жоқ — Жақып', 'joq — Jaqyp']]);
});

test('§5.6 numbers keep ASCII digits and their separators; sentence commas become ،', () => {
  check(KK_ARAB, [
    ['70, 80 және 3,5 пайыз', '70، 80 جانە 3,5 پايىز'],
    ['№760 бұйрық', '№760 بۇيرىق'],
    ['1 000 000 теңге', '1 000 000 تەڭگە'],
    ['Неге?', 'نەگە؟'],
    ['бірі; екіншісі', 'ءبىرى؛ ەكىنشىسى'],
  ]);
  check(KK_2018, [['3,5 пайыз', '3,5 paıyz']]);
});

test('§5.7 URLs, e-mail addresses, @handles, #hashtags and Latin brand names are untouched', () => {
  const kept = [
    'https://inform.kz/kz/news?id=5,6',
    'www.egemen.kz/article/409450?x=1',
    'fatua.kz/kz/post/view?id=458',
    'press@akorda.kz',
    '@akorda_press',
    '#Қазақстан',
    'KAZINFORM',
    'Egemen Qazaqstan',
  ];
  for (const options of [KK_2018, KK_2021, KK_ARAB, UZ_LATN]) {
    const conv = createConverter(options);
    for (const k of kept) assert.equal(conv.convert(k), k, `${options.to}: ${k}`);
  }
  check(KK_ARAB, [
    ['АСТАНА. KAZINFORM — Толығырақ: https://inform.kz/a?b=1, сұрақ?', 'استانا. KAZINFORM - تولىعىراق: https://inform.kz/a?b=1، سۇراق؟'],
    ['(press@akorda.kz).', '(press@akorda.kz).'],
  ]);
  check(KK_2018, [
    ['Telegramда', 'Telegramda'],
    ['«#Қазақстан»', '«#Қазақстан»'],
  ]);
});

test('§5.8 Russian loanwords per scheme and option', () => {
  check(KK_2018, [
    ['Конституция', 'Konstıtýtsııa'],
    ['Курчатов', 'Kýrchatov'],
    ['Бородулиха', 'Borodýlıha'],
    ['Еуразия', 'Eýrazııa'],
  ]);
  check({ ...KK_2018, options: { tse: 's' } }, [['Конституция', 'Konstıtýsııa']]);
  check({ ...KK_2018, options: { collapseIya: true } }, [['академиялық', 'akademıalyq']]);
  check(KK_ORTH, [
    ['цирк', 'sırk'],
    ['цемент', 'sement'],
    ['сценари', 'senarı'],
    ['актёр', 'aktór'],
    ['парашют', 'parashút'],
    ['прапорщик', 'praporshık'],
    ['академия', 'akademıa'],
    ['институт', 'ınstıtýt'],
  ]);
  check(KK_2021, [
    ['автономиялық', 'avtonomiialyq'],
    ['Азиада', 'Aziada'],
  ]);
  check({ ...KK_2021, options: { che: 'ç', tse: 's' } }, [
    ['Курчатов', 'Kurçatov'],
    ['цирк', 'sirk'],
  ]);
  check(KK_ARAB, [
    ['конституциялық', 'كونستيتۋتسيالىق'],
    ['комиссия', 'كوميسسيا'],
    ['мұқият', 'مۇقيات'],
    ['сыйлық', 'سىيلىق'],
    ['Асанов', 'اسانوۆ'],
    ['Чехия', 'چەحيا'],
    ['жаһандық', 'جاھاندىق'],
  ]);
  check(UZ_LATN, [
    ['цирк', 'sirk'],
    ['кварц', 'kvars'],
    ['антициклон', 'antisiklon'],
    ['конструкция', 'konstruksiya'],
    ['абзац', 'abzas'],
    ['глицерин', 'glitserin'],
    ['конституция', 'konstitutsiya'],
    ['лицей', 'litsey'],
    ['принципи', 'prinsipi'],
    ['презумпцияси', 'prezumpsiyasi'],
    ['община', 'obshina'],
    ['вымпел', 'vimpel'],
    ['мўъжиза', 'moʻjiza'],
    ['эълон', 'eʼlon'],
    ['Исҳоқ', 'Isʼhoq'],
    ['сентябрь', 'sentabr'],
    ['октябрда', 'oktabrda'],
    ['ноябрь', 'noyabr'],
    ['объект', 'obyekt'],
    ['батальон', 'batalyon'],
    ['Мьянма', 'Myanma'],
  ]);
  check(UZ_CYRL, [
    ['eʼlon', 'эълон'],
    ['Isʼhoq', 'Исҳоқ'],
    ['yoʻq', 'йўқ'],
    ['ketsa', 'кетса'],
    ['konstitutsiya', 'конституция'],
    ['litsey', 'лицей'],
    ['aksiya', 'акция'],
    ['vaksinalar', 'вакциналар'],
    ['budjetga', 'бюджетга'],
    ['sentabr', 'сентябр'],
    ['G‘ va O‘', 'Ғ ва Ў'],
    ['ng', 'нг'],
  ]);
});

test('§5.9 е after a vowel: no glide in Kazakh Latin, an option in Arabic, ye in Uzbek', () => {
  check(KK_2018, [
    ['Тоқаев', 'Toqaev'],
    ['Назарбаев', 'Nazarbaev'],
  ]);
  check(KK_2021, [['Тоқаев', 'Toqaev']]);
  check(KK_ARAB, [['Тоқаев', 'توقاەۆ']]);
  check({ ...KK_ARAB, options: { glideBeforeE: true } }, [
    ['Тоқаев', 'توقايەۆ'],
    ['Рзабаев', 'رزابايەۆ'],
  ]);
  check(UZ_LATN, [
    ['Мирзиёев', 'Mirziyoyev'],
    ['Ер', 'Yer'],
    ['ер', 'yer'],
    ['Эркин', 'Erkin'],
    ['шоир-ертакчи', 'shoir-yertakchi'],
  ]);
  check(UZ_CYRL, [
    ['Mirziyoyev', 'Мирзиёев'],
    ['yer', 'ер'],
    ['Erkin', 'Эркин'],
    ['poeziya', 'поэзия'],
    ['kelgan', 'келган'],
  ]);
});

test('§5.11 soft hyphens are stripped everywhere', () => {
  check(KK_2018, [
    ['Қа\u00adзақ\u00adстан', 'Qazaqstan'],
    ['KAZ\u00adINFORM', 'KAZINFORM'],
    ['\u00adаға', 'aǵa'],
  ]);
  check(KK_ARAB, [['ай\u00adтты', 'ايتتى']]);
  check(UZ_CYRL, [['Oʻz\u00adbekiston', 'Ўзбекистон']]);
});

test('input is read as NFC: decomposed letters convert like precomposed ones', () => {
  check(KK_2018, [
    ['и\u0306', 'ı'],
    ['Ё'.normalize('NFD') + 'лка', 'Iolka'],
  ]);
  check(UZ_CYRL, [['O\u0301', 'Ó']]);
});
