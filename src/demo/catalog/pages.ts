// The demo agency's static pages in every written edition (written for this project; the agency,
// its addresses and numbers are invented). A line starting with "## " is a heading, one starting
// with "- " an item of a list; every other line is a paragraph.
import type { WrittenEditionCode } from '../../editions/editions.ts';
import { BODY_VERSION, type Block, type Body } from '../../content/body.ts';

export type PageSlug = 'about' | 'contacts' | 'staff' | 'terms';

export interface DemoPage {
  readonly title: string;
  readonly lines: readonly string[];
}

export const DEMO_PAGES: Readonly<Record<WrittenEditionCode, Readonly<Record<PageSlug, DemoPage>>>> = {
  en: {
    about: {
      title: 'About Habarshy',
      lines: [
        'Habarshy is a national news agency that reports on Kazakhstan and the world around the clock in Kazakh, Russian, English, Chinese and Uzbek.',
        'Our correspondents work in every region of the country and in the capitals of its neighbours. Partners, newspapers and broadcasters take our news by feed and API.',
        '## What we stand for',
        '- Facts first: every report names its source.',
        '- Corrections in the open: a changed story says what changed.',
        '- One story in every language: each edition tells the same news for its readers.',
      ],
    },
    contacts: {
      title: 'Contacts',
      lines: [
        'Newsroom (around the clock): +7 700 000 00 00, newsroom@habarshy.example',
        'Partners and subscriptions: partners@habarshy.example',
        'Corrections: if you find a mistake in our reporting, write to corrections@habarshy.example and name the story.',
        'Address: 1 Example Avenue, Astana, Kazakhstan (demo address).',
      ],
    },
    staff: {
      title: 'Editorial staff',
      lines: [
        'Editor-in-chief: Aigerim Demo',
        'Deputy editors: the heads of the Kazakh, Russian, English, Chinese and Uzbek desks',
        'Duty editors take the newsroom in shifts, day and night. Each desk has its own editors, correspondents and translators.',
        'The names on this page are those of the demo newsroom, not real people.',
      ],
    },
    terms: {
      title: 'Terms of reuse',
      lines: [
        'You may quote our reports in part with a link to the story on Habarshy.',
        'Full reprints, photos and videos need a partner agreement: write to partners@habarshy.example.',
        'Photos carry the credit of their author or source; keep it whenever you show them.',
      ],
    },
  },
  kz: {
    about: {
      title: '«Хабаршы» туралы',
      lines: [
        '«Хабаршы» — Қазақстан мен әлем жаңалықтарын тәулік бойы қазақ, орыс, ағылшын, қытай және өзбек тілдерінде жеткізетін ұлттық ақпарат агенттігі.',
        'Тілшілеріміз еліміздің барлық өңірінде және көрші мемлекеттердің астаналарында жұмыс істейді. Серіктестер, газеттер мен телеарналар жаңалықтарымызды арна мен API арқылы алады.',
        '## Біздің ұстанымымыз',
        '- Алдымен дерек: әр хабарда дереккөз аталады.',
        '- Түзетулер ашық: өзгерген материал не өзгергенін айтады.',
        '- Бір оқиға — барлық тілде: әр басылым бір жаңалықты өз оқырманына жеткізеді.',
      ],
    },
    contacts: {
      title: 'Байланыс',
      lines: [
        'Редакция (тәулік бойы): +7 700 000 00 00, newsroom@habarshy.example',
        'Серіктестік және жазылым: partners@habarshy.example',
        'Түзетулер: материалымыздан қате тапсаңыз, corrections@habarshy.example мекенжайына жазып, материалды атаңыз.',
        'Мекенжай: Қазақстан, Астана, Үлгі даңғылы, 1 (демо мекенжай).',
      ],
    },
    staff: {
      title: 'Редакция',
      lines: [
        'Бас редактор: Әйгерім Демо',
        'Бас редактордың орынбасарлары: қазақ, орыс, ағылшын, қытай және өзбек бөлімдерінің басшылары',
        'Кезекші редакторлар редакцияны күндіз-түні ауысыммен басқарады. Әр бөлімнің өз редакторлары, тілшілері мен аудармашылары бар.',
        'Бұл беттегі есімдер — демо редакцияныкі, нақты адамдар емес.',
      ],
    },
    terms: {
      title: 'Материалдарды пайдалану шарттары',
      lines: [
        'Хабарларымыздан үзінді келтіруге болады, бірақ «Хабаршыдағы» материалға сілтеме беру міндетті.',
        'Толық көшіріп басу, фото және бейне үшін серіктестік келісім қажет: partners@habarshy.example мекенжайына жазыңыз.',
        'Фотосуреттерде авторы немесе дереккөзі көрсетіледі; оларды жариялағанда оны сақтаңыз.',
      ],
    },
  },
  ru: {
    about: {
      title: 'О «Хабаршы»',
      lines: [
        '«Хабаршы» — национальное информационное агентство, которое круглосуточно рассказывает о Казахстане и мире на казахском, русском, английском, китайском и узбекском языках.',
        'Наши корреспонденты работают во всех регионах страны и в столицах соседних государств. Партнёры, газеты и телеканалы получают наши новости по лентам и через API.',
        '## Наши принципы',
        '- Сначала факты: в каждом сообщении назван источник.',
        '- Исправления открыто: изменённый материал говорит, что изменилось.',
        '- Одна история на всех языках: каждая редакция рассказывает ту же новость своим читателям.',
      ],
    },
    contacts: {
      title: 'Контакты',
      lines: [
        'Редакция (круглосуточно): +7 700 000 00 00, newsroom@habarshy.example',
        'Партнёрство и подписка: partners@habarshy.example',
        'Исправления: если вы нашли ошибку в нашем материале, напишите на corrections@habarshy.example и укажите материал.',
        'Адрес: Казахстан, Астана, проспект Примерный, 1 (демонстрационный адрес).',
      ],
    },
    staff: {
      title: 'Редакция',
      lines: [
        'Главный редактор: Айгерим Демо',
        'Заместители главного редактора: руководители казахской, русской, английской, китайской и узбекской редакций',
        'Дежурные редакторы ведут выпуск посменно, днём и ночью. В каждой редакции свои редакторы, корреспонденты и переводчики.',
        'Имена на этой странице — имена демонстрационной редакции, а не реальных людей.',
      ],
    },
    terms: {
      title: 'Условия использования материалов',
      lines: [
        'Наши сообщения можно цитировать частично со ссылкой на материал на «Хабаршы».',
        'Полная перепечатка, фото и видео — только по партнёрскому соглашению: пишите на partners@habarshy.example.',
        'У фотографий указан автор или источник; сохраняйте подпись при публикации.',
      ],
    },
  },
  cn: {
    about: {
      title: '关于哈巴尔舍通讯社',
      lines: [
        '哈巴尔舍通讯社是一家国家通讯社，以哈萨克语、俄语、英语、中文和乌兹别克语全天候报道哈萨克斯坦和世界新闻。',
        '我们的记者在全国各地区以及邻国首都工作。合作伙伴、报纸和电视台通过订阅源和API获取我们的新闻。',
        '## 我们的原则',
        '- 事实第一：每条报道都注明来源。',
        '- 公开更正：修改过的报道会说明改动内容。',
        '- 一个新闻，多种语言：各语种版本为各自的读者报道同一新闻。',
      ],
    },
    contacts: {
      title: '联系我们',
      lines: [
        '编辑部（全天候）：+7 700 000 00 00，newsroom@habarshy.example',
        '合作与订阅：partners@habarshy.example',
        '更正：如发现我们报道中的错误，请写信至 corrections@habarshy.example 并注明相关报道。',
        '地址：哈萨克斯坦阿斯塔纳示例大街1号（演示地址）。',
      ],
    },
    staff: {
      title: '编辑部',
      lines: [
        '总编辑：艾格里姆·德莫',
        '副总编辑：哈萨克语、俄语、英语、中文和乌兹别克语编辑部负责人',
        '值班编辑日夜轮班主持编辑部工作。各编辑部都有自己的编辑、记者和翻译。',
        '本页姓名属于演示编辑部，并非真实人物。',
      ],
    },
    terms: {
      title: '转载条款',
      lines: [
        '可部分引用我们的报道，但须附上哈巴尔舍通讯社原文链接。',
        '全文转载、图片和视频须签订合作协议：请写信至 partners@habarshy.example。',
        '图片均注明作者或来源；使用时请保留署名。',
      ],
    },
  },
  uz: {
    about: {
      title: '«Хабаршы» ҳақида',
      lines: [
        '«Хабаршы» — Қозоғистон ва дунё янгиликларини кеча-кундуз қозоқ, рус, инглиз, хитой ва ўзбек тилларида етказадиган миллий ахборот агентлиги.',
        'Мухбирларимиз мамлакатнинг барча ҳудудларида ва қўшни давлатлар пойтахтларида ишлайди. Ҳамкорлар, газеталар ва телеканаллар янгиликларимизни тасма ва API орқали олади.',
        '## Тамойилларимиз',
        '- Аввал далил: ҳар бир хабарда манба кўрсатилади.',
        '- Тузатишлар очиқ: ўзгартирилган материал нима ўзгарганини айтади.',
        '- Битта воқеа — барча тилларда: ҳар бир нашр бир янгиликни ўз ўқувчисига етказади.',
      ],
    },
    contacts: {
      title: 'Алоқа',
      lines: [
        'Таҳририят (кеча-кундуз): +7 700 000 00 00, newsroom@habarshy.example',
        'Ҳамкорлик ва обуна: partners@habarshy.example',
        'Тузатишлар: материалимизда хато топсангиз, corrections@habarshy.example манзилига ёзинг ва материални кўрсатинг.',
        'Манзил: Қозоғистон, Остона, Намуна шоҳкўчаси, 1 (намойиш манзили).',
      ],
    },
    staff: {
      title: 'Таҳририят',
      lines: [
        'Бош муҳаррир: Айгерим Демо',
        'Бош муҳаррир ўринбосарлари: қозоқ, рус, инглиз, хитой ва ўзбек бўлимлари раҳбарлари',
        'Навбатчи муҳаррирлар таҳририятни кеча-кундуз навбат билан бошқаради. Ҳар бир бўлимнинг ўз муҳаррирлари, мухбирлари ва таржимонлари бор.',
        'Бу саҳифадаги исмлар намойиш таҳририятига тегишли, ҳақиқий одамларники эмас.',
      ],
    },
    terms: {
      title: 'Материаллардан фойдаланиш шартлари',
      lines: [
        'Хабарларимиздан қисман иқтибос келтириш мумкин, лекин «Хабаршы»даги материалга ҳавола бериш шарт.',
        'Тўлиқ кўчириб босиш, фото ва видео учун ҳамкорлик шартномаси керак: partners@habarshy.example манзилига ёзинг.',
        'Суратларда муаллиф ёки манба кўрсатилган; эълон қилишда уни сақланг.',
      ],
    },
  },
};

/** The body blocks of a demo page's lines. */
export function pageBody(lines: readonly string[]): Body {
  const blocks: Block[] = [];
  for (const line of lines) {
    if (line.startsWith('## ')) {
      blocks.push({ type: 'heading', level: 2, content: [{ type: 'text', text: line.slice(3) }] });
    } else if (line.startsWith('- ')) {
      const last = blocks[blocks.length - 1];
      const item = [{ type: 'text' as const, text: line.slice(2) }];
      if (last?.type === 'list') last.items.push(item);
      else blocks.push({ type: 'list', ordered: false, items: [item] });
    } else {
      blocks.push({ type: 'paragraph', content: [{ type: 'text', text: line }] });
    }
  }
  return { version: BODY_VERSION, blocks };
}
