// The catalogue's stories from Kazakhstan: the country, the president and politics.
// Ordered newest first.
import type { DemoStory } from '../types.ts';
import { s } from './story.ts';

export const HOME_STORIES: readonly DemoStory[] = [
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
];
