// The demo catalogue's sections and tags, named in every written edition. Names of sections,
// languages and places are facts.
import type { DemoSection, DemoTag } from '../types.ts';

const n = (name: string, slug: string) => ({ name, slug });

export const SECTIONS: readonly DemoSection[] = [
  {
    key: 'kazakhstan',
    names: {
      kz: n('Қазақстан', 'kazakstan'),
      ru: n('Казахстан', 'kazakhstan'),
      en: n('Kazakhstan', 'kazakhstan'),
      cn: n('哈萨克斯坦', 'hasakesitan'),
      uz: n('Қозоғистон', 'qozogiston'),
    },
  },
  {
    key: 'president',
    names: {
      kz: n('Президент', 'prezident'),
      ru: n('Президент', 'prezident'),
      en: n('President', 'president'),
      cn: n('总统', 'zongtong'),
      uz: n('Президент', 'prezident'),
    },
  },
  {
    key: 'politics',
    names: {
      kz: n('Саясат', 'sayasat'),
      ru: n('Политика', 'politika'),
      en: n('Politics', 'politics'),
      cn: n('政治', 'zhengzhi'),
      uz: n('Сиёсат', 'siyosat'),
    },
  },
  {
    key: 'economy',
    names: {
      kz: n('Экономика', 'ekonomika'),
      ru: n('Экономика', 'ekonomika'),
      en: n('Economy', 'economy'),
      cn: n('经济', 'jingji'),
      uz: n('Иқтисодиёт', 'iqtisodiyot'),
    },
  },
  {
    key: 'analytics',
    names: {
      kz: n('Талдау', 'taldau'),
      ru: n('Аналитика', 'analitika'),
      en: n('Analytics', 'analytics'),
      cn: n('分析', 'fenxi'),
      uz: n('Таҳлил', 'tahlil'),
    },
  },
  {
    key: 'world',
    names: { kz: n('Әлем', 'alem'), ru: n('В мире', 'v-mire'), en: n('World', 'world'), cn: n('国际', 'guoji'), uz: n('Дунё', 'dunyo') },
  },
  {
    key: 'incidents',
    names: {
      kz: n('Оқиға', 'okiga'),
      ru: n('Происшествия', 'proisshestviya'),
      en: n('Incidents', 'incidents'),
      cn: n('事件', 'shijian'),
      uz: n('Ҳодисалар', 'hodisalar'),
    },
  },
];

export const TAGS: readonly DemoTag[] = [
  {
    key: 'astana',
    names: {
      kz: n('Астана', 'astana'),
      ru: n('Астана', 'astana'),
      en: n('Astana', 'astana'),
      cn: n('阿斯塔纳', 'asitana'),
      uz: n('Астана', 'astana'),
    },
  },
  {
    key: 'almaty',
    names: {
      kz: n('Алматы', 'almaty'),
      ru: n('Алматы', 'almaty'),
      en: n('Almaty', 'almaty'),
      cn: n('阿拉木图', 'alamutu'),
      uz: n('Олмаота', 'olmaota'),
    },
  },
  {
    key: 'shymkent',
    names: {
      kz: n('Шымкент', 'shymkent'),
      ru: n('Шымкент', 'shymkent'),
      en: n('Shymkent', 'shymkent'),
      cn: n('奇姆肯特', 'qimukente'),
      uz: n('Чимкент', 'chimkent'),
    },
  },
  {
    key: 'oil-gas',
    names: {
      kz: n('Мұнай-газ', 'munai-gaz'),
      ru: n('Нефть и газ', 'neft-i-gaz'),
      en: n('Oil and gas', 'oil-and-gas'),
      cn: n('石油天然气', 'shiyou-tianranqi'),
      uz: n('Нефть ва газ', 'neft-va-gaz'),
    },
  },
  {
    key: 'agriculture',
    names: {
      kz: n('Ауыл шаруашылығы', 'auyl-sharuashylygy'),
      ru: n('Сельское хозяйство', 'selskoe-hozyaistvo'),
      en: n('Agriculture', 'agriculture'),
      cn: n('农业', 'nongye'),
      uz: n('Қишлоқ хўжалиги', 'qishloq-xojaligi'),
    },
  },
  {
    key: 'education',
    names: {
      kz: n('Білім', 'bilim'),
      ru: n('Образование', 'obrazovanie'),
      en: n('Education', 'education'),
      cn: n('教育', 'jiaoyu'),
      uz: n('Таълим', 'talim'),
    },
  },
  {
    key: 'healthcare',
    names: {
      kz: n('Денсаулық', 'densaulyk'),
      ru: n('Здравоохранение', 'zdravoohranenie'),
      en: n('Healthcare', 'healthcare'),
      cn: n('医疗', 'yiliao'),
      uz: n('Соғлиқни сақлаш', 'sogliqni-saqlash'),
    },
  },
  {
    key: 'digital',
    names: {
      kz: n('Цифрландыру', 'tsifrlandyru'),
      ru: n('Цифровизация', 'tsifrovizatsiya'),
      en: n('Digitalisation', 'digitalisation'),
      cn: n('数字化', 'shuzihua'),
      uz: n('Рақамлаштириш', 'raqamlashtirish'),
    },
  },
  {
    key: 'transport',
    names: {
      kz: n('Көлік', 'kolik'),
      ru: n('Транспорт', 'transport'),
      en: n('Transport', 'transport'),
      cn: n('交通', 'jiaotong'),
      uz: n('Транспорт', 'transport'),
    },
  },
  {
    key: 'weather',
    names: {
      kz: n('Ауа райы', 'aua-raiy'),
      ru: n('Погода', 'pogoda'),
      en: n('Weather', 'weather'),
      cn: n('天气', 'tianqi'),
      uz: n('Об-ҳаво', 'ob-havo'),
    },
  },
  {
    key: 'sport',
    names: { kz: n('Спорт', 'sport'), ru: n('Спорт', 'sport'), en: n('Sport', 'sport'), cn: n('体育', 'tiyu'), uz: n('Спорт', 'sport') },
  },
  {
    key: 'culture',
    names: {
      kz: n('Мәдениет', 'madeniet'),
      ru: n('Культура', 'kultura'),
      en: n('Culture', 'culture'),
      cn: n('文化', 'wenhua'),
      uz: n('Маданият', 'madaniyat'),
    },
  },
  {
    key: 'investment',
    names: {
      kz: n('Инвестиция', 'investitsiya'),
      ru: n('Инвестиции', 'investitsii'),
      en: n('Investment', 'investment'),
      cn: n('投资', 'touzi'),
      uz: n('Инвестициялар', 'investitsiyalar'),
    },
  },
  {
    key: 'energy',
    names: {
      kz: n('Энергетика', 'energetika'),
      ru: n('Энергетика', 'energetika'),
      en: n('Energy', 'energy'),
      cn: n('能源', 'nengyuan'),
      uz: n('Энергетика', 'energetika'),
    },
  },
  {
    key: 'water',
    names: {
      kz: n('Су ресурстары', 'su-resurstary'),
      ru: n('Водные ресурсы', 'vodnye-resursy'),
      en: n('Water', 'water'),
      cn: n('水资源', 'shuiziyuan'),
      uz: n('Сув ресурслари', 'suv-resurslari'),
    },
  },
  {
    key: 'tourism',
    names: {
      kz: n('Туризм', 'turizm'),
      ru: n('Туризм', 'turizm'),
      en: n('Tourism', 'tourism'),
      cn: n('旅游', 'lvyou'),
      uz: n('Туризм', 'turizm'),
    },
  },
  {
    key: 'diplomacy',
    names: {
      kz: n('Дипломатия', 'diplomatiya'),
      ru: n('Дипломатия', 'diplomatiya'),
      en: n('Diplomacy', 'diplomacy'),
      cn: n('外交', 'waijiao'),
      uz: n('Дипломатия', 'diplomatiya'),
    },
  },
  {
    key: 'central-asia',
    names: {
      kz: n('Орталық Азия', 'ortalyk-aziya'),
      ru: n('Центральная Азия', 'tsentralnaya-aziya'),
      en: n('Central Asia', 'central-asia'),
      cn: n('中亚', 'zhongya'),
      uz: n('Марказий Осиё', 'markaziy-osiyo'),
    },
  },
  {
    key: 'space',
    names: {
      kz: n('Ғарыш', 'garysh'),
      ru: n('Космос', 'kosmos'),
      en: n('Space', 'space'),
      cn: n('航天', 'hangtian'),
      uz: n('Коинот', 'koinot'),
    },
  },
  {
    key: 'ecology',
    names: {
      kz: n('Экология', 'ekologiya'),
      ru: n('Экология', 'ekologiya'),
      en: n('Ecology', 'ecology'),
      cn: n('生态', 'shengtai'),
      uz: n('Экология', 'ekologiya'),
    },
  },
  {
    key: 'parliament',
    names: {
      kz: n('Парламент', 'parlament'),
      ru: n('Парламент', 'parlament'),
      en: n('Parliament', 'parliament'),
      cn: n('议会', 'yihui'),
      uz: n('Парламент', 'parlament'),
    },
  },
  {
    key: 'budget',
    names: {
      kz: n('Бюджет', 'byudzhet'),
      ru: n('Бюджет', 'byudzhet'),
      en: n('Budget', 'budget'),
      cn: n('预算', 'yusuan'),
      uz: n('Бюджет', 'byudjet'),
    },
  },
];
