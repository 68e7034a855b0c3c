// The demo agency's fictional staff and the photo credit holders.
import type { DemoAuthor } from '../types.ts';

/** Fictional staff of the demo agency. */
export const AUTHORS: readonly DemoAuthor[] = [
  {
    key: 'sultanova',
    slug: 'aigerim-sultanova',
    names: {
      kz: 'Әйгерім Сұлтанова',
      ru: 'Айгерим Султанова',
      en: 'Aigerim Sultanova',
      cn: '艾格丽姆·苏尔坦诺娃',
      uz: 'Айгерим Султонова',
    },
  },
  {
    key: 'bekov',
    slug: 'ernar-bekov',
    names: { kz: 'Ернар Беков', ru: 'Ернар Беков', en: 'Yernar Bekov', cn: '叶尔纳尔·别科夫', uz: 'Ернар Беков' },
  },
  {
    key: 'zhumabaeva',
    slug: 'dana-zhumabaeva',
    names: { kz: 'Дана Жұмабаева', ru: 'Дана Жумабаева', en: 'Dana Zhumabayeva', cn: '达娜·朱马巴耶娃', uz: 'Дана Жумабоева' },
  },
  {
    key: 'orlov',
    slug: 'pavel-orlov',
    names: { kz: 'Павел Орлов', ru: 'Павел Орлов', en: 'Pavel Orlov', cn: '帕维尔·奥尔洛夫', uz: 'Павел Орлов' },
  },
  {
    key: 'nurlanuly',
    slug: 'asqar-nurlanuly',
    names: { kz: 'Асқар Нұрланұлы', ru: 'Аскар Нурланулы', en: 'Askar Nurlanuly', cn: '阿斯卡尔·努尔兰乌勒', uz: 'Асқар Нурланули' },
  },
  { key: 'li-wei', slug: 'li-wei', names: { kz: 'Ли Вэй', ru: 'Ли Вэй', en: 'Li Wei', cn: '李伟', uz: 'Ли Вэй' } },
  {
    key: 'karimov',
    slug: 'jasur-karimov',
    names: { kz: 'Жасұр Каримов', ru: 'Жасур Каримов', en: 'Jasur Karimov', cn: '贾苏尔·卡里莫夫', uz: 'Жасур Каримов' },
  },
  {
    key: 'tokhtarova',
    slug: 'saule-tokhtarova',
    names: { kz: 'Сәуле Тоқтарова', ru: 'Сауле Тохтарова', en: 'Saule Tokhtarova', cn: '萨乌列·托赫塔罗娃', uz: 'Сауле Тўхтарова' },
  },
  {
    key: 'smith',
    slug: 'helen-marsh',
    names: { kz: 'Хелен Марш', ru: 'Хелен Марш', en: 'Helen Marsh', cn: '海伦·马什', uz: 'Хелен Марш' },
  },
  {
    key: 'yesenova',
    slug: 'madina-yesenova',
    names: { kz: 'Мәдина Есенова', ru: 'Мадина Есенова', en: 'Madina Yesenova', cn: '玛迪娜·叶谢诺娃', uz: 'Мадина Есенова' },
  },
  {
    key: 'abdullaev',
    slug: 'timur-abdullaev',
    names: { kz: 'Темір Абдуллаев', ru: 'Тимур Абдуллаев', en: 'Timur Abdullaev', cn: '帖木儿·阿卜杜拉耶夫', uz: 'Темур Абдуллаев' },
  },
  { key: 'zhang-min', slug: 'zhang-min', names: { kz: 'Чжан Минь', ru: 'Чжан Минь', en: 'Zhang Min', cn: '张敏', uz: 'Чжан Минь' } },
  {
    key: 'serikbay',
    slug: 'nurlan-serikbay',
    names: { kz: 'Нұрлан Серікбай', ru: 'Нурлан Серикбай', en: 'Nurlan Serikbay', cn: '努尔兰·谢里克拜', uz: 'Нурлан Серикбой' },
  },
];

/** Photo credit holders, named per edition in each desk's content file. */
export const CREDITS = ['akorda', 'agency', 'government', 'emergencies', 'city-hall', 'ministry-agriculture', 'partner'] as const;
