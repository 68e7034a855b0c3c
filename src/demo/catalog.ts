// The demo newsroom's shared catalogue: sections, tags, authors and the list of stories
// every desk tells. Names of sections, languages and places are facts; everything else is
// written for Habarshy.
import type { DemoAuthor, DemoSection, DemoStory, DemoTag } from './types.ts';

const n = (name: string, slug: string) => ({ name, slug });

export const SECTIONS: readonly DemoSection[] = [
  { key: 'kazakhstan', names: { kz: n('Қазақстан', 'kazakstan'), ru: n('Казахстан', 'kazakhstan'), en: n('Kazakhstan', 'kazakhstan'), cn: n('哈萨克斯坦', 'hasakesitan'), uz: n('Қозоғистон', 'qozogiston') } },
  { key: 'president', names: { kz: n('Президент', 'prezident'), ru: n('Президент', 'prezident'), en: n('President', 'president'), cn: n('总统', 'zongtong'), uz: n('Президент', 'prezident') } },
  { key: 'politics', names: { kz: n('Саясат', 'sayasat'), ru: n('Политика', 'politika'), en: n('Politics', 'politics'), cn: n('政治', 'zhengzhi'), uz: n('Сиёсат', 'siyosat') } },
  { key: 'economy', names: { kz: n('Экономика', 'ekonomika'), ru: n('Экономика', 'ekonomika'), en: n('Economy', 'economy'), cn: n('经济', 'jingji'), uz: n('Иқтисодиёт', 'iqtisodiyot') } },
  { key: 'analytics', names: { kz: n('Талдау', 'taldau'), ru: n('Аналитика', 'analitika'), en: n('Analytics', 'analytics'), cn: n('分析', 'fenxi'), uz: n('Таҳлил', 'tahlil') } },
  { key: 'world', names: { kz: n('Әлем', 'alem'), ru: n('В мире', 'v-mire'), en: n('World', 'world'), cn: n('国际', 'guoji'), uz: n('Дунё', 'dunyo') } },
  { key: 'incidents', names: { kz: n('Оқиға', 'okiga'), ru: n('Происшествия', 'proisshestviya'), en: n('Incidents', 'incidents'), cn: n('事件', 'shijian'), uz: n('Ҳодисалар', 'hodisalar') } },
];

export const TAGS: readonly DemoTag[] = [
  { key: 'astana', names: { kz: n('Астана', 'astana'), ru: n('Астана', 'astana'), en: n('Astana', 'astana'), cn: n('阿斯塔纳', 'asitana'), uz: n('Астана', 'astana') } },
  { key: 'almaty', names: { kz: n('Алматы', 'almaty'), ru: n('Алматы', 'almaty'), en: n('Almaty', 'almaty'), cn: n('阿拉木图', 'alamutu'), uz: n('Олмаота', 'olmaota') } },
  { key: 'shymkent', names: { kz: n('Шымкент', 'shymkent'), ru: n('Шымкент', 'shymkent'), en: n('Shymkent', 'shymkent'), cn: n('奇姆肯特', 'qimukente'), uz: n('Чимкент', 'chimkent') } },
  { key: 'oil-gas', names: { kz: n('Мұнай-газ', 'munai-gaz'), ru: n('Нефть и газ', 'neft-i-gaz'), en: n('Oil and gas', 'oil-and-gas'), cn: n('石油天然气', 'shiyou-tianranqi'), uz: n('Нефть ва газ', 'neft-va-gaz') } },
  { key: 'agriculture', names: { kz: n('Ауыл шаруашылығы', 'auyl-sharuashylygy'), ru: n('Сельское хозяйство', 'selskoe-hozyaistvo'), en: n('Agriculture', 'agriculture'), cn: n('农业', 'nongye'), uz: n('Қишлоқ хўжалиги', 'qishloq-xojaligi') } },
  { key: 'education', names: { kz: n('Білім', 'bilim'), ru: n('Образование', 'obrazovanie'), en: n('Education', 'education'), cn: n('教育', 'jiaoyu'), uz: n('Таълим', 'talim') } },
  { key: 'healthcare', names: { kz: n('Денсаулық', 'densaulyk'), ru: n('Здравоохранение', 'zdravoohranenie'), en: n('Healthcare', 'healthcare'), cn: n('医疗', 'yiliao'), uz: n('Соғлиқни сақлаш', 'sogliqni-saqlash') } },
  { key: 'digital', names: { kz: n('Цифрландыру', 'tsifrlandyru'), ru: n('Цифровизация', 'tsifrovizatsiya'), en: n('Digitalisation', 'digitalisation'), cn: n('数字化', 'shuzihua'), uz: n('Рақамлаштириш', 'raqamlashtirish') } },
  { key: 'transport', names: { kz: n('Көлік', 'kolik'), ru: n('Транспорт', 'transport'), en: n('Transport', 'transport'), cn: n('交通', 'jiaotong'), uz: n('Транспорт', 'transport') } },
  { key: 'weather', names: { kz: n('Ауа райы', 'aua-raiy'), ru: n('Погода', 'pogoda'), en: n('Weather', 'weather'), cn: n('天气', 'tianqi'), uz: n('Об-ҳаво', 'ob-havo') } },
  { key: 'sport', names: { kz: n('Спорт', 'sport'), ru: n('Спорт', 'sport'), en: n('Sport', 'sport'), cn: n('体育', 'tiyu'), uz: n('Спорт', 'sport') } },
  { key: 'culture', names: { kz: n('Мәдениет', 'madeniet'), ru: n('Культура', 'kultura'), en: n('Culture', 'culture'), cn: n('文化', 'wenhua'), uz: n('Маданият', 'madaniyat') } },
  { key: 'investment', names: { kz: n('Инвестиция', 'investitsiya'), ru: n('Инвестиции', 'investitsii'), en: n('Investment', 'investment'), cn: n('投资', 'touzi'), uz: n('Инвестициялар', 'investitsiyalar') } },
  { key: 'energy', names: { kz: n('Энергетика', 'energetika'), ru: n('Энергетика', 'energetika'), en: n('Energy', 'energy'), cn: n('能源', 'nengyuan'), uz: n('Энергетика', 'energetika') } },
  { key: 'water', names: { kz: n('Су ресурстары', 'su-resurstary'), ru: n('Водные ресурсы', 'vodnye-resursy'), en: n('Water', 'water'), cn: n('水资源', 'shuiziyuan'), uz: n('Сув ресурслари', 'suv-resurslari') } },
  { key: 'tourism', names: { kz: n('Туризм', 'turizm'), ru: n('Туризм', 'turizm'), en: n('Tourism', 'tourism'), cn: n('旅游', 'lvyou'), uz: n('Туризм', 'turizm') } },
  { key: 'diplomacy', names: { kz: n('Дипломатия', 'diplomatiya'), ru: n('Дипломатия', 'diplomatiya'), en: n('Diplomacy', 'diplomacy'), cn: n('外交', 'waijiao'), uz: n('Дипломатия', 'diplomatiya') } },
  { key: 'central-asia', names: { kz: n('Орталық Азия', 'ortalyk-aziya'), ru: n('Центральная Азия', 'tsentralnaya-aziya'), en: n('Central Asia', 'central-asia'), cn: n('中亚', 'zhongya'), uz: n('Марказий Осиё', 'markaziy-osiyo') } },
  { key: 'space', names: { kz: n('Ғарыш', 'garysh'), ru: n('Космос', 'kosmos'), en: n('Space', 'space'), cn: n('航天', 'hangtian'), uz: n('Коинот', 'koinot') } },
  { key: 'ecology', names: { kz: n('Экология', 'ekologiya'), ru: n('Экология', 'ekologiya'), en: n('Ecology', 'ecology'), cn: n('生态', 'shengtai'), uz: n('Экология', 'ekologiya') } },
  { key: 'parliament', names: { kz: n('Парламент', 'parlament'), ru: n('Парламент', 'parlament'), en: n('Parliament', 'parliament'), cn: n('议会', 'yihui'), uz: n('Парламент', 'parlament') } },
  { key: 'budget', names: { kz: n('Бюджет', 'byudzhet'), ru: n('Бюджет', 'byudzhet'), en: n('Budget', 'budget'), cn: n('预算', 'yusuan'), uz: n('Бюджет', 'byudjet') } },
];

/** Fictional staff of the demo agency. */
export const AUTHORS: readonly DemoAuthor[] = [
  { key: 'sultanova', slug: 'aigerim-sultanova', names: { kz: 'Әйгерім Сұлтанова', ru: 'Айгерим Султанова', en: 'Aigerim Sultanova', cn: '艾格丽姆·苏尔坦诺娃', uz: 'Айгерим Султонова' } },
  { key: 'bekov', slug: 'ernar-bekov', names: { kz: 'Ернар Беков', ru: 'Ернар Беков', en: 'Yernar Bekov', cn: '叶尔纳尔·别科夫', uz: 'Ернар Беков' } },
  { key: 'zhumabaeva', slug: 'dana-zhumabaeva', names: { kz: 'Дана Жұмабаева', ru: 'Дана Жумабаева', en: 'Dana Zhumabayeva', cn: '达娜·朱马巴耶娃', uz: 'Дана Жумабоева' } },
  { key: 'orlov', slug: 'pavel-orlov', names: { kz: 'Павел Орлов', ru: 'Павел Орлов', en: 'Pavel Orlov', cn: '帕维尔·奥尔洛夫', uz: 'Павел Орлов' } },
  { key: 'nurlanuly', slug: 'asqar-nurlanuly', names: { kz: 'Асқар Нұрланұлы', ru: 'Аскар Нурланулы', en: 'Askar Nurlanuly', cn: '阿斯卡尔·努尔兰乌勒', uz: 'Асқар Нурланули' } },
  { key: 'li-wei', slug: 'li-wei', names: { kz: 'Ли Вэй', ru: 'Ли Вэй', en: 'Li Wei', cn: '李伟', uz: 'Ли Вэй' } },
  { key: 'karimov', slug: 'jasur-karimov', names: { kz: 'Жасұр Каримов', ru: 'Жасур Каримов', en: 'Jasur Karimov', cn: '贾苏尔·卡里莫夫', uz: 'Жасур Каримов' } },
  { key: 'tokhtarova', slug: 'saule-tokhtarova', names: { kz: 'Сәуле Тоқтарова', ru: 'Сауле Тохтарова', en: 'Saule Tokhtarova', cn: '萨乌列·托赫塔罗娃', uz: 'Сауле Тўхтарова' } },
  { key: 'smith', slug: 'helen-marsh', names: { kz: 'Хелен Марш', ru: 'Хелен Марш', en: 'Helen Marsh', cn: '海伦·马什', uz: 'Хелен Марш' } },
  { key: 'yesenova', slug: 'madina-yesenova', names: { kz: 'Мәдина Есенова', ru: 'Мадина Есенова', en: 'Madina Yesenova', cn: '玛迪娜·叶谢诺娃', uz: 'Мадина Есенова' } },
  { key: 'abdullaev', slug: 'timur-abdullaev', names: { kz: 'Темір Абдуллаев', ru: 'Тимур Абдуллаев', en: 'Timur Abdullaev', cn: '帖木儿·阿卜杜拉耶夫', uz: 'Темур Абдуллаев' } },
  { key: 'zhang-min', slug: 'zhang-min', names: { kz: 'Чжан Минь', ru: 'Чжан Минь', en: 'Zhang Min', cn: '张敏', uz: 'Чжан Минь' } },
  { key: 'serikbay', slug: 'nurlan-serikbay', names: { kz: 'Нұрлан Серікбай', ru: 'Нурлан Серикбай', en: 'Nurlan Serikbay', cn: '努尔兰·谢里克拜', uz: 'Нурлан Серикбой' } },
];

/** Photo credit holders, named per edition in each desk's content file. */
export const CREDITS = ['akorda', 'agency', 'government', 'emergencies', 'city-hall', 'ministry-agriculture', 'partner'] as const;

const s = (
  key: string, section: DemoStory['section'], tags: string[], authors: string[],
  photos: 1 | 2 | 3, credit: (typeof CREDITS)[number], gist: string, breaking?: boolean,
): DemoStory => ({ key, section, tags, authors, photos, credit, gist, ...(breaking ? { breaking } : {}) });

/** Every story is told by every desk (kz, ru, en, cn, uz). Ordered newest first. */
export const STORIES: readonly DemoStory[] = [
  // Kazakhstan
  s('astana-tram-line', 'kazakhstan', ['astana', 'transport'], ['bekov'], 2, 'city-hall', 'The first light-rail line in Astana carries passengers on a trial basis: 22 km, 18 stations from the airport to the railway station, free rides for the first two weeks, full timetable from the next month.'),
  s('almaty-schools-heating', 'kazakhstan', ['almaty', 'education'], ['sultanova'], 1, 'city-hall', 'Almaty city hall finished replacing heating systems in 41 schools before winter; 6 more schools get new boilers by mid-December; pupils in two districts studied in shifts during the works.'),
  s('shymkent-water-pipe', 'kazakhstan', ['shymkent', 'water'], ['tokhtarova'], 2, 'city-hall', 'Shymkent opened a new 14 km water main to its southern microdistricts; about 60,000 residents now get water around the clock instead of by schedule; the city plans two more lines next year.'),
  s('village-internet', 'kazakhstan', ['digital'], ['serikbay'], 1, 'government', 'Fibre-optic internet reached 350 more villages this year under a national programme; average speed rises to 100 Mbit/s; remote clinics and schools were connected first.'),
  s('national-library-digitised', 'kazakhstan', ['culture', 'digital'], ['yesenova'], 2, 'agency', 'The National Library in Astana put 12,000 digitised old Kazakh books and manuscripts online, including 19th-century newspapers in Arabic script, freely readable.'),
  s('snow-leopard-census', 'kazakhstan', ['ecology', 'almaty'], ['zhumabaeva'], 3, 'partner', 'Camera traps in the Ile-Alatau national park counted 31 snow leopards, four more than two years ago; rangers credit the anti-poaching patrols.'),
  s('aktau-desalination', 'kazakhstan', ['water', 'energy'], ['nurlanuly'], 1, 'government', 'A desalination plant near Aktau began test operation, supplying 50,000 cubic metres of drinking water a day to the Mangystau region, which has long faced summer shortages.'),
  s('youth-jobs-fair', 'kazakhstan', ['education'], ['sultanova'], 1, 'agency', 'A national youth jobs fair in Karaganda offered 4,500 vacancies from 300 employers; 900 graduates got interview invitations on the first day.'),
  s('turkistan-restoration', 'kazakhstan', ['culture', 'tourism'], ['tokhtarova'], 2, 'partner', 'Restorers finished the second stage of conservation work on the mausoleum complex in Turkistan; visitor numbers there grew by a fifth this year.'),
  // President
  s('president-teachers-award', 'president', ['education', 'astana'], ['nurlanuly'], 2, 'akorda', 'The Head of State presented state awards to twelve rural teachers at the Akorda and announced higher grants for teachers who move to villages.'),
  s('president-foreign-investors-council', 'president', ['investment', 'astana'], ['orlov'], 2, 'akorda', 'The President chaired a session of the Foreign Investors Council; participants discussed processing industry, logistics and green energy; five investment agreements were signed on the sidelines.'),
  s('president-regional-visit-pavlodar', 'president', ['energy'], ['bekov'], 3, 'akorda', 'The Head of State visited Pavlodar region, inspected a modernised power plant and a new aluminium rolling workshop, and met residents of a district where housing was repaired after spring floods.'),
  s('president-security-council', 'president', ['diplomacy'], ['nurlanuly'], 1, 'akorda', 'The President held a meeting of the Security Council on cyber security and protection of critical infrastructure, and gave instructions to the government and special services.'),
  s('president-decree-science', 'president', ['education', 'digital'], ['yesenova'], 1, 'akorda', 'A presidential decree raises funding for basic science to 1% of GDP by 2029 and creates a national fund for young researchers.'),
  s('president-phone-call-uzbekistan', 'president', ['central-asia', 'diplomacy'], ['karimov'], 1, 'akorda', 'The Presidents of Kazakhstan and Uzbekistan discussed by phone the joint industrial zone on the border, water sharing and trade, and agreed to meet next month.'),
  s('president-farmers-meeting', 'president', ['agriculture'], ['serikbay'], 2, 'akorda', 'The Head of State met farmers in Kostanay region after the harvest; grain harvest reached 22 million tonnes; subsidies for irrigation equipment will be extended.'),
  s('president-address-culture', 'president', ['culture'], ['tokhtarova'], 1, 'akorda', 'The President met figures of culture and art in Astana, spoke about supporting Kazakh cinema and theatres in regions, and presented the Altyn Adam award to three artists.'),
  s('president-china-visit', 'president', ['diplomacy', 'investment'], ['li-wei', 'orlov'], 3, 'akorda', 'The Head of State paid a state visit to China; the sides signed agreements on a second railway crossing, agricultural exports and cultural centres.'),
  // Politics
  s('mazhilis-budget-reading', 'politics', ['parliament', 'budget'], ['orlov'], 1, 'agency', 'The Mazhilis approved the three-year republican budget in the first reading; revenues are planned to grow 8% a year; deputies asked to raise spending on roads in regions.'),
  s('senate-water-code', 'politics', ['parliament', 'water'], ['zhumabaeva'], 1, 'agency', 'The Senate adopted the new Water Code; it introduces water metering for farms, fines for illegal intake and a digital register of water users.'),
  s('local-elections-rural-akims', 'politics', ['parliament'], ['serikbay'], 1, 'government', 'Elections of rural akims took place in 200 districts; turnout was 64%; a third of the winners are under 40.'),
  s('ministry-reform-civil-service', 'politics', ['digital'], ['sultanova'], 1, 'government', 'The civil service agency announced that from next year all state job competitions will be held online with anonymous testing.'),
  s('kazakh-language-law', 'politics', ['culture', 'education'], ['nurlanuly'], 1, 'agency', 'Deputies proposed amendments to require state-language versions of all consumer product labels and apps; a public discussion runs until the end of the month.'),
  s('government-housing-programme', 'politics', ['budget'], ['tokhtarova'], 2, 'government', 'The government approved a housing programme: 120,000 rental flats for young families and teachers over three years, with mortgage rates of 5-7%.'),
  s('ombudsman-report', 'politics', ['parliament'], ['yesenova'], 1, 'agency', 'The human rights commissioner presented an annual report: most complaints concerned housing, pensions and courts; 70% were resolved.'),
  s('maslikhat-astana-transport', 'politics', ['astana', 'transport'], ['bekov'], 1, 'city-hall', 'The Astana maslikhat approved a single public transport fare and free rides for schoolchildren from January.'),
  s('anti-corruption-online-services', 'politics', ['digital'], ['orlov'], 1, 'government', 'The anti-corruption agency reports that moving licences online cut bribery complaints in licensing by half over two years.'),
  // Economy
  s('inflation-november', 'economy', ['budget'], ['orlov'], 1, 'government', 'Annual inflation slowed to 8.1% in November; food prices rose slower than services; the national bank kept the base rate unchanged.'),
  s('wheat-exports-record', 'economy', ['agriculture', 'central-asia'], ['serikbay'], 2, 'ministry-agriculture', 'Kazakhstan exported a record 11 million tonnes of wheat and flour in the marketing year; new buyers in North Africa and Southeast Asia.'),
  s('oil-output-tengiz', 'economy', ['oil-gas', 'energy'], ['nurlanuly'], 1, 'government', 'Oil output rose after the expansion project at Tengiz reached full capacity; the country keeps to its agreed production level.'),
  s('middle-corridor-cargo', 'economy', ['transport', 'investment'], ['bekov'], 2, 'partner', 'Cargo on the Trans-Caspian route grew by a third; the Aktau and Kuryk ports got new container terminals.'),
  s('wind-farm-zhambyl', 'economy', ['energy', 'investment'], ['li-wei'], 2, 'partner', 'A 100 MW wind farm went into operation in Zhambyl region, built with foreign investment; it will supply power for 200,000 homes.'),
  s('small-business-loans', 'economy', ['investment'], ['sultanova'], 1, 'government', 'A development fund issued 15,000 preferential loans to small businesses this year, mostly in services, food processing and tourism.'),
  s('tourism-visitors-growth', 'economy', ['tourism', 'almaty'], ['tokhtarova'], 2, 'agency', 'Foreign visitors grew by 25% in nine months; most came from China, Uzbekistan and Russia; new flights to Almaty and Turkistan helped.'),
  s('it-exports', 'economy', ['digital', 'investment'], ['zhang-min'], 1, 'government', 'Exports of IT services passed 700 million dollars; the Astana Hub park now hosts 1,600 companies.'),
  s('rare-earths-deposit', 'economy', ['investment'], ['orlov'], 1, 'government', 'Geologists confirmed a rare-earth metals deposit in Karaganda region; exploration continues, and the government seeks investors for processing.'),
  // Analytics
  s('analysis-grain-logistics', 'analytics', ['agriculture', 'transport'], ['serikbay'], 1, 'partner', 'Analysis: why record harvests strain grain logistics — wagons, elevators and ports, what farmers and experts suggest.'),
  s('analysis-water-central-asia', 'analytics', ['water', 'central-asia'], ['karimov'], 2, 'partner', 'Analysis: glaciers shrink and demand grows; how Central Asian states share water and what joint projects are planned.'),
  s('analysis-latin-alphabet', 'analytics', ['culture', 'education'], ['yesenova'], 1, 'agency', 'Analysis: the transition of the Kazakh language to the Latin alphabet — what has been done, how schools and media prepare, and what experts say about timing.'),
  s('analysis-ai-public-services', 'analytics', ['digital'], ['zhang-min'], 1, 'government', 'Analysis: artificial intelligence in public services — chatbots, document recognition and the risks experts see.'),
  s('analysis-housing-prices', 'analytics', ['budget', 'astana', 'almaty'], ['tokhtarova'], 1, 'agency', 'Analysis: housing prices in Astana and Almaty rose slower this year; what mortgage programmes and new supply mean for buyers.'),
  s('analysis-green-energy', 'analytics', ['energy', 'ecology'], ['li-wei'], 2, 'partner', 'Analysis: renewables give 7% of electricity; what grid and storage investments are needed to reach 15% by 2030.'),
  s('analysis-aral-sea', 'analytics', ['water', 'ecology'], ['zhumabaeva'], 2, 'partner', 'Analysis: twenty years after the Kokaral dam, the Northern Aral Sea — fish catches, salinity and the next phase of works.'),
  s('analysis-middle-corridor', 'analytics', ['transport', 'diplomacy'], ['bekov'], 1, 'partner', 'Analysis: what the Middle Corridor needs to become a real alternative route between China and Europe.'),
  s('analysis-youth-survey', 'analytics', ['education'], ['sultanova'], 1, 'agency', 'Analysis: a survey of 5,000 young people — what they value, where they want to work and why many choose IT and engineering.'),
  // World
  s('sco-summit', 'world', ['diplomacy', 'central-asia'], ['li-wei'], 2, 'agency', 'Leaders of the Shanghai Cooperation Organisation met for a summit and adopted a declaration on transport links and fighting cross-border crime.'),
  s('un-climate-talks', 'world', ['ecology', 'diplomacy'], ['smith'], 1, 'agency', 'The UN climate conference closed with an agreement to finance adaptation in vulnerable countries; the Kazakh delegation presented its carbon neutrality plan.'),
  s('uzbekistan-high-speed-rail', 'world', ['transport', 'central-asia'], ['karimov'], 2, 'partner', 'Uzbekistan launched a high-speed train from Tashkent to Khiva; travel time fell to six hours.'),
  s('kyrgyzstan-hydropower', 'world', ['energy', 'water', 'central-asia'], ['karimov'], 1, 'partner', 'Kyrgyzstan, Kazakhstan and Uzbekistan agreed to jointly build the Kambarata-1 hydropower plant and share its electricity.'),
  s('china-kazakhstan-trade', 'world', ['investment', 'diplomacy'], ['zhang-min'], 1, 'agency', 'Trade between China and Kazakhstan grew 12% in ten months; machinery and agricultural products lead.'),
  s('europe-central-asia-forum', 'world', ['diplomacy', 'investment'], ['smith'], 1, 'agency', 'A Europe–Central Asia investment forum discussed critical raw materials, digital links and education exchanges.'),
  s('turkic-states-meeting', 'world', ['diplomacy', 'culture'], ['nurlanuly'], 1, 'agency', 'Foreign ministers of the Organization of Turkic States met and agreed on a common alphabet working group and a youth exchange programme.'),
  s('space-launch-baikonur', 'world', ['space'], ['orlov'], 3, 'partner', 'A rocket launched from Baikonur delivered a research satellite to orbit; a Kazakh scientific payload is on board.'),
  s('olympic-team-results', 'world', ['sport'], ['bekov'], 2, 'agency', 'Kazakh athletes won three gold medals at the Asian Winter Games; speed skating and freestyle led.'),
  // Incidents
  s('snowstorm-roads-closed', 'incidents', ['weather', 'transport'], ['sultanova'], 2, 'emergencies', 'A snowstorm closed sections of national roads in Akmola and Karaganda regions; rescuers evacuated 140 people from stranded cars; roads reopened next morning.', true),
  s('almaty-earthquake-drill', 'incidents', ['almaty'], ['zhumabaeva'], 1, 'emergencies', 'Almaty held a citywide earthquake drill; 300,000 people in schools and offices took part; new warning sirens were tested.'),
  s('forest-fire-abai', 'incidents', ['ecology', 'weather'], ['serikbay'], 2, 'emergencies', 'A forest fire in Abai region was put out after two days; 600 firefighters and aircraft worked; no people were hurt.'),
  s('flood-preparedness', 'incidents', ['water', 'weather'], ['tokhtarova'], 1, 'emergencies', 'Regions prepare for spring floods: dams reinforced, 400 km of riverbeds cleared, and a new flood-warning app launched.'),
  s('gas-leak-evacuation', 'incidents', ['shymkent', 'oil-gas'], ['bekov'], 1, 'emergencies', 'A gas pipe was damaged during road works in Shymkent; residents of two blocks were evacuated for four hours; nobody was hurt.'),
  s('mountain-rescue-tourists', 'incidents', ['tourism', 'almaty'], ['zhumabaeva'], 2, 'emergencies', 'Mountain rescuers found four tourists lost in the Trans-Ili Alatau after a night search; all are safe.'),
  s('ice-fishing-warning', 'incidents', ['weather'], ['sultanova'], 1, 'emergencies', 'Emergency services warn ice fishers about thin ice on reservoirs; two people were rescued on Lake Balkhash.'),
  s('traffic-accident-bus', 'incidents', ['transport'], ['orlov'], 1, 'emergencies', 'A passenger bus skidded off the road near Taraz; eight people were taken to hospital with light injuries; police check the driver’s working hours.'),
  s('cyber-fraud-warning', 'incidents', ['digital'], ['zhang-min'], 1, 'government', 'Police warn of fraud calls imitating bank security services; a new law lets banks block suspicious transfers for 24 hours.'),
];
