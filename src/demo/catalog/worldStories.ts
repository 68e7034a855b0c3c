// The catalogue's economy, analytics, world news and incidents. Ordered newest first.
import type { DemoStory } from '../types.ts';
import { s } from './story.ts';

export const WORLD_STORIES: readonly DemoStory[] = [
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
