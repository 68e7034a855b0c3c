// Script converter speed: MB/s (UTF-8 bytes of input per second) per converter on a ~5 KB news
// article of our own writing. Budget: ≥ 20 MB/s (src/script/README.md). Standalone:
// `node --import tsx bench/script-speed.ts` prints a table; bench/run.ts imports benchScripts().
import { createConverter } from '../src/script/converter.ts';
import type { ConverterOptions } from '../src/script/types.ts';

const KK_PARAGRAPHS = [
  'АСТАНА. KAZINFORM — Қазақстан Республикасының Президенті Қасым-Жомарт Тоқаев Ақордада Үкімет мүшелерімен кеңес өткізіп, елдің әлеуметтік-экономикалық дамуының 2025 жылғы қорытындыларын талқылады.',
  'Мемлекет басшысы ішкі жалпы өнімнің өсімі 6,2 пайызды құрағанын, ал инфляция деңгейі 8,6 пайызға дейін төмендегенін атап өтті. «Бұл – ортақ еңбектің нәтижесі, бірақ алда шешілмеген міндеттер әлі көп», – деді Президент.',
  'Кеңесте өңірлерді газбен қамтамасыз ету, жылу-электр орталықтарын жаңғырту және ауыл шаруашылығын субсидиялау мәселелері қаралды. Шығыс Қазақстан, Павлодар және Қостанай облыстарында 120 шақырымнан астам жылу желісі ауыстырылды.',
  'Президент цифрландыру бағдарламасының барысына да тоқталды. Оның айтуынша, мемлекеттік қызметтердің 92 пайызы электрондық форматқа көшірілген, алайда шалғай ауылдардағы интернет сапасы әлі де сын көтермейді.',
  'Білім және ғылым саласында жаңа мектептер салу жалғасып жатыр. Биыл 217 мектеп пайдалануға берілді, оның 84-і ауылдық жерлерде орналасқан. Мұғалімдердің жалақысы орта есеппен 25 пайызға көтерілді.',
  'Сыртқы саясат тақырыбында Мемлекет басшысы Орталық Азия елдерімен өзара сауданы 2030 жылға қарай 15 миллиард долларға жеткізу міндетін қойды. Толығырақ ақпарат: https://www.akorda.kz/kz/news, сұрақтарыңызды press@akorda.kz мекенжайына жіберуге болады.',
  'Жиын соңында Үкіметке конституциялық реформаның келесі кезеңін әзірлеу, азаматтардың өтініштерін қарау тәртібін жетілдіру және сыбайлас жемқорлыққа қарсы күресті күшейту тапсырылды. #Қазақстан @akorda_press',
];

const UZ_PARAGRAPHS = [
  'ТОШКЕНТ. Ўзбекистон Республикаси Президенти Шавкат Мирзиёев пойтахтдаги янги таълим марказининг очилиш маросимида иштирок этди ва ёшлар билан мулоқот қилди.',
  'Давлат раҳбари мамлакатда сўнгги етти йилда 1 200 дан ортиқ мактаб қурилгани ва таъмирлангани, олий таълим билан қамров даражаси 9 фоиздан 42 фоизга етганини таъкидлади. «Ёшларимиз – келажагимиз таянчи», – деди Президент.',
  'Маросимда Европа ва Осиё университетлари билан ҳамкорлик, хорижий профессорларни жалб этиш ҳамда илмий лойиҳаларни молиялаштириш масалалари муҳокама қилинди. Конференция залида 500 дан зиёд талаба ва ўқитувчи қатнашди.',
  'Шунингдек, рақамли иқтисодиёт, сунъий интеллект ва дастурлаш бўйича махсус курслар ташкил этилиши эълон қилинди. Маълумот учун, ўтган йили IT-паркда 1 600 та компания фаолият юритган, уларнинг экспорти 1,2 миллиард долларга етган.',
  'Тадбир якунида Президент ёш тадбиркорлар билан суҳбатлашиб, уларнинг таклиф ва эътирозларини тинглади. Батафсил маълумот: https://president.uz/uz/lists/view/7000, саволларингизни info@gov.uz манзилига юборинг. #Ўзбекистон',
];

function article(paragraphs: readonly string[], bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = paragraphs[i % paragraphs.length]!;
    parts.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  return parts.join('\n\n');
}

export const KK_ARTICLE = article(KK_PARAGRAPHS, 5_000);
export const UZ_ARTICLE = article(UZ_PARAGRAPHS, 5_000);

interface Case {
  readonly name: string;
  readonly options: ConverterOptions;
  readonly text: string;
}

function cases(): Case[] {
  const kkLatin = createConverter({ from: 'kk-Cyrl', to: 'kk-Latn' }).convert(KK_ARTICLE);
  const uzLatin = createConverter({ from: 'uz-Cyrl', to: 'uz-Latn' }).convert(UZ_ARTICLE);
  return [
    { name: 'kk-Cyrl → kk-Latn-2018', options: { from: 'kk-Cyrl', to: 'kk-Latn', scheme: 'kk-Latn-2018' }, text: KK_ARTICLE },
    {
      name: 'kk-Cyrl → kk-Latn-2018-orthography',
      options: { from: 'kk-Cyrl', to: 'kk-Latn', scheme: 'kk-Latn-2018-orthography' },
      text: KK_ARTICLE,
    },
    { name: 'kk-Cyrl → kk-Latn-2021', options: { from: 'kk-Cyrl', to: 'kk-Latn', scheme: 'kk-Latn-2021' }, text: KK_ARTICLE },
    { name: 'kk-Cyrl → kk-Arab', options: { from: 'kk-Cyrl', to: 'kk-Arab', scheme: 'kk-Arab' }, text: KK_ARTICLE },
    { name: 'kk-Cyrl → kk-Arab-mediawiki', options: { from: 'kk-Cyrl', to: 'kk-Arab', scheme: 'kk-Arab-mediawiki' }, text: KK_ARTICLE },
    { name: 'uz-Cyrl → uz-Latn-1995', options: { from: 'uz-Cyrl', to: 'uz-Latn' }, text: UZ_ARTICLE },
    { name: 'uz-Latn → uz-Cyrl', options: { from: 'uz-Latn', to: 'uz-Cyrl' }, text: uzLatin },
    { name: 'kk-Latn-2018 → kk-Cyrl', options: { from: 'kk-Latn', to: 'kk-Cyrl' }, text: kkLatin },
  ];
}

/**
 * Converts the article for ~`ms` milliseconds after a warm-up, in rounds of 20 conversions, and
 * returns MB/s of the fastest round: the machine is shared, and the best round is the least
 * disturbed measurement of the converter itself.
 */
function measure(convert: (t: string) => string, text: string, ms: number): number {
  const bytes = Buffer.byteLength(text);
  for (let i = 0; i < 200; i++) convert(text);
  let best = Infinity;
  const until = performance.now() + ms;
  while (performance.now() < until) {
    const start = performance.now();
    for (let i = 0; i < 20; i++) convert(text);
    best = Math.min(best, (performance.now() - start) / 20);
  }
  return bytes / 1e6 / (best / 1000);
}

export async function benchScripts(ms = 400): Promise<Array<{ converter: string; mbPerSec: number }>> {
  const results: Array<{ converter: string; mbPerSec: number }> = [];
  for (const c of cases()) {
    const conv = createConverter(c.options);
    const mbPerSec = measure((t) => conv.convert(t), c.text, ms);
    results.push({ converter: c.name, mbPerSec: Math.round(mbPerSec * 10) / 10 });
    await new Promise((r) => setImmediate(r));
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`article: kk ${Buffer.byteLength(KK_ARTICLE)} bytes, uz ${Buffer.byteLength(UZ_ARTICLE)} bytes (UTF-8)`);
  console.log('| converter | MB/s |');
  console.log('|---|---:|');
  for (const r of await benchScripts()) console.log(`| ${r.converter} | ${r.mbPerSec} |`);
}
