// Demo content of the English desk, written for Habarshy (not copied from any news site).
import type { DemoEditionContent } from '../types.ts';

export const content: DemoEditionContent = {
  authors: {
    sultanova: { role: "Social affairs correspondent", bio: "Aigerim Sultanova covers education, employment and everyday life in Kazakhstan’s cities. She joined Habarshy after several years reporting for a regional newspaper in Karaganda." },
    bekov: { role: "Transport correspondent", bio: "Yernar Bekov writes about roads, railways, public transport and the logistics routes that cross Kazakhstan. He is based in Astana and regularly travels with the presidential press pool." },
    zhumabaeva: { role: "Environment correspondent", bio: "Dana Zhumabayeva reports on ecology, water and natural hazards, from the mountains around Almaty to the shores of the Aral Sea. She trained as a geographer before turning to journalism." },
    orlov: { role: "Economics editor", bio: "Pavel Orlov edits Habarshy’s economy coverage and writes on the budget, inflation and investment. He has followed Kazakhstan’s markets and Parliament for more than fifteen years." },
    nurlanuly: { role: "Political correspondent", bio: "Askar Nurlanuly covers the Akorda, Parliament and foreign policy. He previously worked as a correspondent in Ankara and speaks Kazakh, Russian, Turkish and English." },
    "li-wei": { role: "Beijing correspondent", bio: "Li Wei reports for Habarshy from Beijing on relations between China and Central Asia, trade and energy projects. He studied international relations in Almaty and Shanghai." },
    karimov: { role: "Tashkent correspondent", bio: "Jasur Karimov covers Uzbekistan and Central Asian affairs from Tashkent, with a focus on water, energy and transport links across the region." },
    tokhtarova: { role: "Southern regions correspondent", bio: "Saule Tokhtarova is based in Shymkent and writes about the southern regions, culture, tourism and housing. She has a degree in history from a university in Turkistan." },
    smith: { role: "Europe correspondent", bio: "Helen Marsh reports on European affairs, climate diplomacy and Europe’s ties with Central Asia. She has covered international conferences for Habarshy’s English desk since it was founded." },
    yesenova: { role: "Culture and science editor", bio: "Madina Yesenova edits coverage of culture, language and science. She is particularly interested in archives, literature and the history of the Kazakh press." },
    abdullaev: { role: "Photo editor", bio: "Timur Abdullaev heads Habarshy’s photo desk and selects the images that accompany the agency’s reports. He has photographed events in every region of Kazakhstan." },
    "zhang-min": { role: "Technology correspondent", bio: "Zhang Min writes about digital services, the IT industry and cyber security, as well as trade between Kazakhstan and China. She previously worked for a technology magazine in Shenzhen." },
    serikbay: { role: "Agriculture and regions correspondent", bio: "Nurlan Serikbay reports on farming, villages and regional development across Kazakhstan. He grew up on a grain farm in Kostanay region." },
  },
  credits: {
    akorda: "Akorda press service",
    agency: "Habarshy",
    government: "Government press service",
    emergencies: "Ministry of Emergency Situations",
    "city-hall": "City akimat",
    "ministry-agriculture": "Ministry of Agriculture",
    partner: "Partner photo agency",
  },
  stories: {
    // Kazakhstan
    "astana-tram-line": {
      headline: "Astana’s first light-rail line begins carrying passengers on a trial basis",
      lead: "Astana’s first light-rail line has started carrying passengers on a trial basis, linking the airport with the railway station along 22 kilometres and 18 stations. Rides will be free for the first two weeks.",
      paragraphs: [
        "The first trains left the airport terminus shortly after 7 a.m., and by midday the city hall said several thousand people had tried the new service. During the trial period trains run every 12 to 15 minutes until 9 p.m., while engineers monitor signalling, doors and passenger flows.",
        "The 22-kilometre line has 18 stations and connects the airport with the railway station via the left-bank business district and several residential neighbourhoods. Most of the route is elevated, so trains are not held up by the road congestion that slows buses at peak hours.",
        "Travel is free of charge for the first two weeks. A full timetable, with fares paid by the city’s transport card or mobile app, will take effect from next month, when intervals at peak times are expected to become shorter.",
        "City officials say the line should take pressure off the capital’s busiest bus corridors and give residents of outlying districts a faster route to the centre. Bus routes that duplicate the line will be reviewed once passenger numbers become clear.",
        "Among the first passengers were students, pensioners and travellers with suitcases heading for the airport. Many praised the air-conditioned carriages and the view from the elevated track, while some asked for more parking spaces near the outer stations.",
      ],
      quote: { text: "We are using these two weeks to test every part of the system under real loads. Passengers’ comments on signs, announcements and transfers will be taken into account before the full timetable starts.", by: "Daniyar Abenov, deputy head of the Astana city passenger transport department" },
      source: "The press service of the Astana city akimat reported this.",
      captions: [
        "A light-rail train crosses an elevated section of the new line in Astana.",
        "Passengers board a train at one of the 18 stations during the first day of trial operation.",
      ],
    },
    "almaty-schools-heating": {
      headline: "Almaty finishes replacing heating systems in 41 schools before winter",
      lead: "Almaty city hall has completed the replacement of heating systems in 41 schools ahead of the cold season, and six more schools will receive new boilers by mid-December.",
      paragraphs: [
        "The works covered pipes, radiators and heating units in buildings, many of which were built in the 1960s and 1970s and had not been fully renovated since. In several schools the old systems could no longer keep classrooms at the required temperature during frosts.",
        "In six more schools contractors are installing new boilers, and the city hall says this work will be finished by mid-December. Until then, the buildings are being heated by temporary units, and teachers check classroom temperatures every morning.",
        "Pupils in two districts of the city studied in shifts while the works were under way, as some wings of their schools had to be closed. Education officials said the timetable returned to normal as soon as the classrooms were handed back.",
        "The city’s education department noted that the new equipment should cut heating costs and reduce the number of emergency repairs in winter. Parents will be able to report problems with heating through the city’s online reception service.",
      ],
      source: "The press service of the Almaty city akimat reported this.",
      captions: [
        "A technician checks new heating pipes in a school basement in Almaty.",
      ],
    },
    "shymkent-water-pipe": {
      headline: "New water main brings round-the-clock supply to southern Shymkent",
      lead: "Shymkent has opened a new 14-kilometre water main serving its southern microdistricts, giving about 60,000 residents running water around the clock instead of by schedule.",
      paragraphs: [
        "For years, households in the southern part of the city received water only at certain hours of the day, and many families kept tanks and buckets filled in reserve. Pressure often dropped in summer, when demand for watering gardens peaked.",
        "The new 14-kilometre main connects the microdistricts with the city’s central water supply network and a new pumping station. Engineers say the pipes are made of polyethylene, which does not corrode and should last for at least fifty years.",
        "About 60,000 residents now have a constant supply. The city hall says a dispatcher service will monitor pressure in the new line remotely and respond to leaks within hours.",
        "Shymkent plans to build two more water lines next year to reach other fast-growing neighbourhoods on the edge of the city. Officials say the population of the city has grown quickly in the past decade, and the network has struggled to keep up.",
        "Residents of the southern districts welcomed the change, though some asked the city to repair the roads that were dug up during construction. The city hall promised to restore the surfaces before winter.",
      ],
      quote: { text: "For ten years we lived by the schedule and got up at five in the morning to fill containers. Now you turn on the tap at any hour and the water is there.", by: "Gulnara Abdiyeva, a resident of a southern microdistrict of Shymkent" },
      source: "The press service of the Shymkent city akimat reported this.",
      captions: [
        "Workers lay sections of the new water main on the southern edge of Shymkent.",
        "A resident fills a kettle from the tap in a flat in one of the southern microdistricts.",
      ],
    },
    "village-internet": {
      headline: "Fibre-optic internet reaches 350 more villages under national programme",
      lead: "Fibre-optic internet has been brought to 350 more villages this year under a national programme, raising the average connection speed there to 100 Mbit/s.",
      paragraphs: [
        "Under the programme, operators lay fibre-optic cable to settlements that previously relied on slow mobile connections or had no stable internet at all. This year’s work covered villages in every region, from the steppe of Kostanay to the mountain valleys of Zhetysu.",
        "Remote clinics and schools were the first to be connected. Doctors in village medical posts can now hold video consultations with specialists in regional hospitals, and schools can use online lessons and electronic journals without interruptions.",
        "The average speed in connected villages is rising to 100 Mbit/s, enough for video calls, online services and streaming. Households can connect at the same tariffs as in towns, the Ministry of Digital Development said.",
        "Residents say the change is already visible in everyday life. Farmers use online platforms to sell produce and apply for subsidies, while young people who work remotely say they no longer need to move to the city for a job.",
        "The ministry plans to continue the programme next year, with priority given to settlements where the number of schoolchildren is highest. Work in the most remote areas will be combined with satellite connections where cable is too costly.",
      ],
      subheading: "Life online in the countryside",
      source: "Habarshy cites the press service of the Ministry of Digital Development, Innovation and Aerospace Industry.",
      captions: [
        "Technicians lay fibre-optic cable along a rural road.",
      ],
    },
    "national-library-digitised": {
      headline: "National Library puts 12,000 digitised Kazakh books and manuscripts online",
      lead: "The National Library in Astana has published 12,000 digitised old Kazakh books and manuscripts online, including 19th-century newspapers printed in Arabic script, and made them free to read.",
      paragraphs: [
        "The collection brings together rare books, handwritten manuscripts and periodicals that until now could be consulted only in the library’s reading rooms. Some of the items are so fragile that they had been kept out of circulation for decades.",
        "Among the highlights are 19th-century Kazakh newspapers printed in Arabic script, early collections of poetry and folklore, and textbooks from the first Kazakh schools. Each item has been scanned in high resolution and described so that it can be found by title, author or year.",
        "The materials are freely available to anyone, without registration. Researchers, teachers and students can zoom in on pages, download copies and share links to individual documents.",
        "Library staff spent more than two years on the project, working with conservators to clean and stabilise the most damaged volumes before scanning. The library plans to add text recognition so that readers can search inside the documents.",
      ],
      quote: { text: "Many of these books survived in just one or two copies. Now a schoolchild in any village can open a newspaper that their great-great-grandparents read.", by: "Zhanar Omarova, head of the National Library’s digitisation department" },
      source: "A Habarshy correspondent reports from the National Library in Astana.",
      captions: [
        "A librarian scans a page of a 19th-century Kazakh newspaper in Arabic script.",
        "Rare manuscripts prepared for digitisation in the National Library’s reading room.",
      ],
    },
    "snow-leopard-census": {
      headline: "Camera traps count 31 snow leopards in Ile-Alatau national park",
      lead: "Camera traps in the Ile-Alatau national park have recorded 31 snow leopards, four more than in the previous count two years ago, and rangers credit their anti-poaching patrols for the increase.",
      paragraphs: [
        "Researchers installed dozens of camera traps along ridges, gorges and animal trails in the park above Almaty, where the elusive cats are almost never seen by people. Each animal was identified by the unique pattern of spots on its fur.",
        "The images showed 31 individual snow leopards, compared with 27 two years ago. Among them were several females with cubs, which scientists see as a sign that the population is breeding successfully.",
        "Park rangers say regular patrols against poachers have made the mountains safer for the predators and for their prey, such as ibex and argali. Patrol teams cover remote areas on foot and on horseback and remove snares when they find them.",
        "Conservationists note that snow leopards need large territories, and the animals recorded in the park also move into neighbouring reserves. They plan to share the data with colleagues in other parts of the Tien Shan to track the cats’ movements across the region.",
        "The next count is planned in two years. The park also intends to involve volunteers in sorting through the thousands of images collected by the cameras.",
      ],
      source: "Habarshy cites the press service of the Ile-Alatau State National Nature Park.",
      captions: [
        "A snow leopard photographed by a camera trap on a rocky ridge in the Ile-Alatau national park.",
        "A ranger fixes a camera trap to a tree on an animal trail.",
        "A female snow leopard and her cub captured by a camera trap at night.",
      ],
    },
    "aktau-desalination": {
      headline: "Desalination plant near Aktau begins test operation for Mangystau region",
      lead: "A desalination plant near Aktau has begun test operation and will supply 50,000 cubic metres of drinking water a day to the Mangystau region, which has long faced summer shortages.",
      paragraphs: [
        "The plant takes water from the Caspian Sea and turns it into drinking water using reverse osmosis membranes. During the test phase engineers are checking the equipment step by step and sending samples to laboratories for analysis.",
        "At full capacity it will produce 50,000 cubic metres of water a day. The region’s authorities say this will cover a substantial part of the needs of Aktau and nearby settlements, where water was rationed in hot months.",
        "Mangystau has almost no fresh surface water of its own and depends largely on supplies brought through a long pipeline and on older desalination capacity. In summer, when demand rises sharply, some districts received water only at certain hours.",
        "Officials say the new plant will make it possible to build new housing and industrial projects in the region without straining the existing network. Its equipment uses energy-saving technology to reduce the cost of each cubic metre.",
        "The plant is expected to switch to regular operation after the test period, once water quality and the stability of supply have been confirmed. Regional officials say households should notice steadier pressure as early as next summer.",
      ],
      subheading: "A region without rivers",
      source: "Habarshy cites the Government’s press service.",
      captions: [
        "Reverse osmosis units inside the new desalination plant near Aktau.",
      ],
    },
    "youth-jobs-fair": {
      headline: "Youth jobs fair in Karaganda offers 4,500 vacancies from 300 employers",
      lead: "A national youth jobs fair in Karaganda has brought together 300 employers offering 4,500 vacancies, and 900 graduates received invitations to interviews on the first day.",
      paragraphs: [
        "The fair filled the halls of a sports complex in the city, where companies from mining, engineering, construction, IT and services set up stands. Many employers interviewed candidates on the spot or arranged meetings for the following week.",
        "Of the 4,500 vacancies, a large share were for engineers, technicians, teachers and medical staff. Some companies also offered paid internships for final-year students and programmes for young workers in rural areas.",
        "By the end of the first day, 900 graduates had been invited to interviews. Organisers said many visitors came from other regions, with buses provided for students from nearby towns.",
        "Careers advisers ran workshops on writing a CV and preparing for interviews, and employment centres helped young people register on the national job portal. Organisers plan to hold similar fairs in other regions next year.",
      ],
      source: "A Habarshy correspondent reports from Karaganda.",
      captions: [
        "Graduates talk to recruiters at company stands at the youth jobs fair in Karaganda.",
      ],
    },
    "turkistan-restoration": {
      headline: "Restorers complete second stage of work on Turkistan mausoleum complex",
      lead: "Restorers have finished the second stage of conservation work on the mausoleum complex in Turkistan, where visitor numbers have grown by a fifth this year.",
      paragraphs: [
        "The second stage focused on strengthening walls, restoring tiled decoration and protecting the building from moisture. Specialists used traditional materials and techniques, replicating the composition of historical bricks and glazes.",
        "The work was carried out under the supervision of experts in the preservation of medieval architecture, who documented every stage. Damaged fragments were carefully removed, treated and returned to their original places wherever possible.",
        "Turkistan has become one of the country’s main tourist destinations, and visitor numbers have risen by a fifth this year. Local hotels, guides and craftsmen say the flow of pilgrims and tourists has created new jobs in the city.",
        "Restoration specialists stress that the monument must remain open during the works, so the scaffolding was moved gradually around the building. The next stage will concentrate on the interior and the surrounding area.",
        "City authorities say they will also expand visitor facilities, including information points and guided tours in several languages. A new car park and a pedestrian route from the old town are due to open in spring.",
      ],
      source: "Habarshy cites the press service of the Turkistan region akimat.",
      captions: [
        "Restorers work on tiled decoration of the mausoleum complex in Turkistan.",
        "Visitors walk around the restored walls of the mausoleum.",
      ],
    },
    // President
    "president-teachers-award": {
      headline: "Head of State presents state awards to twelve rural teachers",
      lead: "The Head of State has presented state awards to twelve rural teachers at the Akorda and announced higher grants for teachers who move to work in villages.",
      paragraphs: [
        "The ceremony brought together teachers from schools in villages in different regions, including mathematics, Kazakh language, physics and primary school teachers. Several of them have taught in the same small schools for more than thirty years.",
        "Addressing the teachers, the President noted that the quality of education in villages determines the future of the whole country. He thanked the award winners for their dedication and for keeping rural schools alive in difficult conditions.",
        "The Head of State announced that grants for teachers who move to villages will be increased. The measure is intended to attract young specialists to rural schools, many of which lack teachers of science subjects.",
        "The President also instructed the government to continue building and renovating village schools and to provide teachers with housing. Officials will report on the results of the measures next year.",
      ],
      subheading: "More support for moving to villages",
      source: "Habarshy cites the press service of Akorda.",
      captions: [
        "The Head of State presents an award to a rural teacher at the Akorda.",
        "Award-winning teachers at the ceremony in Astana.",
      ],
    },
    "president-foreign-investors-council": {
      headline: "President chairs Foreign Investors Council as five deals are signed",
      lead: "The President has chaired a session of the Foreign Investors Council in Astana, where participants discussed processing industry, logistics and green energy, and five investment agreements were signed on the sidelines.",
      paragraphs: [
        "The council brought together heads of international companies, financial institutions and government members. Discussions focused on developing processing industries, improving logistics and expanding green energy.",
        "The President noted that Kazakhstan aims to move from exporting raw materials towards producing goods with higher added value. He called on investors to take part in projects in metallurgy, chemicals, food processing and machine building.",
        "Participants also discussed transport corridors and the role of the country as a logistics hub between Asia and Europe. Several companies presented plans for warehouses and terminals along key routes.",
        "On the sidelines of the session, five investment agreements were signed, covering projects in renewable energy, logistics and processing. The government will oversee their implementation.",
        "The Head of State instructed ministers to simplify procedures for investors and ensure that agreements are honoured. The next session of the council is planned for next year.",
      ],
      source: "Habarshy cites the press service of Akorda.",
      captions: [
        "The President speaks at the session of the Foreign Investors Council in Astana.",
        "Representatives of companies sign investment agreements on the sidelines of the council.",
      ],
    },
    "president-regional-visit-pavlodar": {
      headline: "Head of State visits Pavlodar region, inspects power plant and new workshop",
      lead: "The Head of State has visited Pavlodar region, where he inspected a modernised power plant and a new aluminium rolling workshop and met residents whose homes were repaired after spring floods.",
      paragraphs: [
        "At the power plant the President was shown new boilers and turbines installed during modernisation. Engineers said the upgrade had increased output and reduced emissions, improving the reliability of heat and power supply for the region.",
        "The Head of State then visited a new aluminium rolling workshop, which produces sheets and strips for the construction and packaging industries. The plant has created several hundred jobs, and most of its products are exported.",
        "In a district affected by spring floods, the President met residents whose houses had been repaired or rebuilt. Families told him about the help they had received, and some raised questions about infrastructure and roads.",
        "The Head of State instructed local authorities to complete all restoration work and to strengthen flood protection before next spring. He also stressed the need to develop processing industries in the region.",
      ],
      quote: { text: "In spring the water reached the windows, and we thought we had lost everything. Now we have a dry, warm house again, and the children are back at their own school.", by: "Raushan Zhakupova, a resident of a flood-affected village in Pavlodar region" },
      source: "Habarshy cites the press service of Akorda.",
      captions: [
        "The Head of State inspects the modernised power plant in Pavlodar region.",
        "Workers at the new aluminium rolling workshop.",
        "The President talks to residents of a district where housing was repaired after the spring floods.",
      ],
    },
    "president-security-council": {
      headline: "President holds Security Council meeting on cyber security",
      lead: "The President has held a meeting of the Security Council on cyber security and the protection of critical infrastructure, and gave instructions to the government and special services.",
      paragraphs: [
        "The meeting reviewed threats to information systems of state bodies, energy facilities, transport and banks. Participants discussed the growing number of cyber attacks and attempts to steal personal data.",
        "The President noted that the protection of critical infrastructure is an integral part of national security. He instructed the government to strengthen requirements for the security of information systems and to improve coordination between agencies.",
        "The special services were tasked with improving the detection of cyber threats and responding to incidents more quickly. The Head of State also called for training more specialists in information security.",
        "Particular attention was paid to the protection of citizens’ personal data. The government is to report on the fulfilment of the instructions within the set deadlines.",
      ],
      source: "Habarshy cites the press service of Akorda.",
      captions: [
        "The President chairs a meeting of the Security Council at the Akorda.",
      ],
    },
    "president-decree-science": {
      headline: "Presidential decree raises basic science funding to 1% of GDP by 2029",
      lead: "A presidential decree will raise funding for basic science to 1% of GDP by 2029 and create a national fund to support young researchers.",
      paragraphs: [
        "The decree sets out a gradual increase in state funding for fundamental research over the next few years. The money is to go to laboratories, equipment and research grants at universities and institutes.",
        "A national fund for young researchers will be set up to finance the projects of scientists at the start of their careers. It will offer grants, internships and support for publications in international journals.",
        "Scientists have long argued that low funding drives talented young people out of research. The decree is intended to make scientific careers more attractive and to keep researchers in the country.",
        "The government has been instructed to prepare the necessary legislative changes and to report on progress each year. Universities welcomed the decision and said they were ready to open new laboratories.",
        "The Ministry of Science and Higher Education will oversee the fund and set the rules for grant competitions. The first call for applications from young researchers is expected next year.",
      ],
      quote: { text: "For a young scientist, a stable grant means you can plan a research project for three years instead of looking for money every few months.", by: "Aliya Serikova, a doctoral researcher in molecular biology in Astana" },
      source: "Habarshy cites the press service of Akorda.",
      captions: [
        "Researchers at work in a university laboratory in Astana.",
      ],
    },
    "president-phone-call-uzbekistan": {
      headline: "Presidents of Kazakhstan and Uzbekistan discuss border industrial zone by phone",
      lead: "The Presidents of Kazakhstan and Uzbekistan have discussed the joint industrial zone on the border, water sharing and trade in a telephone conversation and agreed to meet next month.",
      paragraphs: [
        "The leaders reviewed progress on the joint industrial zone being built on the border between the two countries. The zone is expected to host manufacturing and logistics companies and to simplify trade between businesses on both sides.",
        "The sides also discussed the rational use of water resources of transboundary rivers. They noted the importance of coordinating water releases during the growing season.",
        "The Presidents expressed satisfaction with the growth of trade and agreed to continue working towards expanding it. They paid particular attention to cooperation in industry, energy and transport.",
        "At the end of the conversation, the heads of state agreed to meet next month to discuss these issues in more detail. The governments of both countries were asked to prepare a package of documents for signing.",
      ],
      source: "Habarshy cites the press service of Akorda.",
      captions: [
        "The President of Kazakhstan during the telephone conversation at the Akorda.",
      ],
    },
    "president-farmers-meeting": {
      headline: "Head of State meets Kostanay farmers after 22-million-tonne grain harvest",
      lead: "The Head of State has met farmers in Kostanay region after the harvest, which brought in 22 million tonnes of grain nationwide, and said subsidies for irrigation equipment will be extended.",
      paragraphs: [
        "The meeting took place at a large farm in Kostanay region, one of the country’s main grain-growing areas. The President toured fields, a modern elevator and a workshop where agricultural machinery is repaired.",
        "Farmers reported that this year’s grain harvest reached 22 million tonnes, one of the best results in recent years. They spoke about the challenges of storing and transporting such volumes, as well as the rising cost of fuel and fertiliser.",
        "The Head of State thanked the farmers for their work and said the state would continue to support the agricultural sector. He announced that subsidies for the purchase of irrigation equipment would be extended.",
        "Agricultural experts say irrigation is crucial for reducing the dependence of harvests on the weather, as droughts have become more frequent in the northern regions. Drip and sprinkler systems also allow farmers to grow more profitable crops such as vegetables and oilseeds.",
        "The President instructed the government to improve grain logistics, expand storage capacity and help farmers find new export markets. The Ministry of Agriculture is to present proposals within a month.",
      ],
      quote: { text: "With irrigation you can plan. Without it, we look at the sky every morning in June and hope for rain.", by: "Bolat Kenzhebayev, head of a farm in Kostanay region" },
      subheading: "Irrigation support to continue",
      source: "Habarshy cites the press service of Akorda.",
      captions: [
        "The Head of State talks to farmers in a field in Kostanay region.",
        "Grain is unloaded at an elevator in Kostanay region after the harvest.",
      ],
    },
    "president-address-culture": {
      headline: "President meets cultural figures in Astana, presents Altyn Adam award to three artists",
      lead: "The President has met figures of culture and art in Astana, spoken about supporting Kazakh cinema and regional theatres, and presented the Altyn Adam award to three artists.",
      paragraphs: [
        "The meeting brought together writers, actors, directors, musicians and artists from across the country. The President noted that culture plays an important role in strengthening national identity and the unity of society.",
        "The Head of State spoke about the need to support Kazakh cinema, including films for children and young people, and to help domestic films reach international audiences. He also drew attention to the condition of theatres in the regions, many of which need renovation.",
        "The President presented the Altyn Adam award to three artists for their contribution to the development of national culture. The laureates thanked the Head of State and spoke about their plans for new works.",
        "Participants raised questions about funding for creative projects, the training of young specialists and the protection of copyright. The government was instructed to consider their proposals.",
      ],
      source: "Habarshy cites the press service of Akorda.",
      captions: [
        "The President meets figures of culture and art in Astana.",
      ],
    },
    "president-china-visit": {
      headline: "Head of State’s state visit to China brings railway and agriculture deals",
      lead: "The Head of State has paid a state visit to China, during which the sides signed agreements on a second railway crossing, agricultural exports and the opening of cultural centres.",
      paragraphs: [
        "The visit began with an official welcoming ceremony in Beijing, followed by talks in narrow and expanded formats. The sides discussed trade, investment, transport, energy and cultural ties.",
        "One of the main outcomes was an agreement on building a second railway crossing on the border between the two countries. It is expected to increase the capacity of rail freight and reduce waiting times for trains.",
        "The sides also signed documents on the export of Kazakh agricultural products to China, including grain, meat and oilseeds. Kazakh exporters hope the agreements will open up new opportunities on one of the world’s largest food markets.",
        "Agreements were reached on opening cultural centres in both countries to promote language learning, culture and exchanges between young people. The first centres are expected to open next year.",
        "The Head of State noted that relations between the two countries are based on mutual trust and good neighbourliness. He invited Chinese companies to invest in processing and infrastructure projects in Kazakhstan.",
        "Business representatives who accompanied the delegation held meetings with Chinese partners and signed several commercial contracts. The sides agreed to continue dialogue at the level of governments and regions.",
      ],
      subheading: "Culture and business ties",
      source: "Habarshy cites the press service of Akorda.",
      captions: [
        "The official welcoming ceremony during the Head of State’s state visit to China.",
        "The delegations of Kazakhstan and China hold talks in Beijing.",
        "Documents are exchanged after the signing of agreements.",
      ],
    },
    // Politics
    "mazhilis-budget-reading": {
      headline: "Mazhilis approves three-year republican budget in first reading",
      lead: "The Mazhilis has approved the three-year republican budget in the first reading, with revenues planned to grow by 8% a year, while deputies asked the government to raise spending on regional roads.",
      paragraphs: [
        "Presenting the draft, government members said revenues are expected to grow by 8% a year thanks to economic growth and better tax administration. Expenditure will be directed primarily at social obligations, education, healthcare and infrastructure.",
        "Deputies called for more money to repair roads in the regions, noting that many local roads connecting villages with district centres are in poor condition. They also raised questions about the efficiency of spending and the completion of unfinished construction projects.",
        "The government said it would consider the deputies’ proposals before the second reading. Ministers stressed the need to keep the budget deficit under control and reduce reliance on transfers from the National Fund.",
        "The draft will now be revised in committees, after which it will be considered in the second reading and sent to the Senate. The budget must be adopted before the start of the new financial year in January.",
      ],
      quote: { text: "An 8% growth in revenues is realistic if the economy keeps its current pace, but the real test will be whether spending brings results, not just whether it is made.", by: "Yerlan Mukhamedov, an economist at an Almaty research institute" },
      source: "A Habarshy correspondent reports from the Mazhilis.",
      captions: [
        "Deputies of the Mazhilis vote on the draft republican budget.",
      ],
    },
    "senate-water-code": {
      headline: "Senate adopts new Water Code with metering for farms and fines",
      lead: "The Senate has adopted the new Water Code, which introduces water metering for farms, fines for illegal water intake and a digital register of water users.",
      paragraphs: [
        "The code replaces the previous legislation and aims to make water use more efficient in the face of growing shortages. Senators said that agriculture accounts for the largest share of water consumption, and much of it is lost in outdated canals.",
        "Under the new rules, farms will be required to install water meters, and payment will be based on actual consumption. Fines are introduced for illegal water intake, which has been a source of conflict between water users in several regions.",
        "A digital register of water users will collect data on who uses water, how much and for what purposes. Authorities say this will help plan distribution and respond faster to shortages.",
        "The code also provides for the modernisation of irrigation systems and support for water-saving technologies. Farmers who switch to drip irrigation will be eligible for subsidies.",
        "The code now goes to the President for signature. Most of its provisions will take effect six months after publication, giving farms time to install meters.",
      ],
      subheading: "Support for water-saving technologies",
      source: "A Habarshy correspondent reports from the Senate.",
      captions: [
        "Senators at the plenary session where the new Water Code was adopted.",
      ],
    },
    "local-elections-rural-akims": {
      headline: "Rural akim elections held in 200 districts with 64% turnout",
      lead: "Elections of rural akims have taken place in 200 districts, with turnout at 64%, and a third of the winners are under 40.",
      paragraphs: [
        "Voters in villages and rural districts chose the heads of their local administrations from among several candidates. Candidates included civil servants, teachers, farmers and entrepreneurs.",
        "Turnout reached 64%, according to the election commissions. Polling stations opened in the morning and closed in the evening, and there were no serious violations reported.",
        "A third of the newly elected akims are under 40. Observers say this reflects a growing interest among young people in local government.",
        "The newly elected akims are expected to take office in the coming days. Their main tasks will include improving roads, water supply and the maintenance of local infrastructure.",
      ],
      source: "Habarshy cites the Government’s press service.",
      captions: [
        "Residents cast their votes at a polling station in a village.",
      ],
    },
    "ministry-reform-civil-service": {
      headline: "All state job competitions to move online with anonymous testing",
      lead: "The civil service agency has announced that from next year all competitions for state jobs will be held online with anonymous testing.",
      paragraphs: [
        "Candidates will submit documents and take tests through a single online platform, without having to visit state bodies in person. The tests will be anonymous, so the commission will not know whose results it is reviewing.",
        "The agency says the reform aims to make recruitment more transparent and to reduce the risk of bias. It also expects more candidates from the regions to apply, as they will no longer need to travel to the capital.",
        "Interviews will be recorded on video, and the recordings will be kept for a certain period in case of complaints. Candidates will be able to see their results and challenge them online.",
        "The agency plans to test the system in several state bodies before it is introduced everywhere. Experts welcomed the initiative but noted that the quality of the tests themselves would be crucial.",
      ],
      quote: { text: "A candidate from a small town should have exactly the same chances as someone who lives next door to the ministry. The online format and anonymous testing make that possible.", by: "Samat Iskakov, spokesperson for the civil service agency" },
      source: "Habarshy cites the press service of the Agency for Civil Service Affairs.",
      captions: [
        "A candidate takes an online test for a civil service position.",
      ],
    },
    "kazakh-language-law": {
      headline: "Deputies propose state-language labels for all consumer products and apps",
      lead: "Deputies have proposed amendments that would require state-language versions of all consumer product labels and mobile applications, with a public discussion open until the end of the month.",
      paragraphs: [
        "Under the proposal, manufacturers and importers would have to provide information on labels in the Kazakh language, in addition to other languages. The requirement would also apply to the interfaces of apps and online services used by consumers.",
        "The authors of the amendments argue that citizens have the right to receive information in the state language. They say many products and services still lack Kazakh versions or offer poor translations.",
        "Business associations have asked for a transition period, noting that changing labels and software requires time and money. Some companies said they already offer Kazakh versions and support the initiative.",
        "The draft is available for public discussion on the government’s online platform until the end of the month. After that, the authors will finalise the text, taking into account comments from citizens and businesses.",
      ],
      source: "A Habarshy correspondent reports from the Parliament.",
      captions: [
        "Product labels on supermarket shelves.",
      ],
    },
    "government-housing-programme": {
      headline: "Government approves 120,000 rental flats for young families and teachers",
      lead: "The government has approved a housing programme that will provide 120,000 rental flats for young families and teachers over three years, with mortgage rates of 5–7%.",
      paragraphs: [
        "The programme aims to make housing more affordable for people who cannot buy a flat at market prices. Rental flats will be allocated to young families, teachers and other categories in need of housing.",
        "Over three years, 120,000 flats will be built or bought in various regions, with most in the largest cities. Tenants will pay a reduced rent and, after a certain period, will be able to buy the flat.",
        "The programme also includes mortgages at rates of 5–7% for eligible categories. Banks participating in the programme will receive compensation from the state.",
        "Officials said that applications will be accepted through the electronic government portal, and queues will be formed transparently. The first flats are expected to be handed over next year.",
        "Experts say the programme could ease pressure on the rental market in large cities. They warn, however, that construction quality and deadlines must be closely monitored.",
      ],
      quote: { text: "I have worked at a school for six years and rented a room all that time. A flat with affordable rent would mean I can finally stay in the city where I teach.", by: "Aizhan Dosmaganbetova, a primary school teacher in Kokshetau" },
      source: "Habarshy cites the Government’s press service.",
      captions: [
        "New residential buildings under construction for the rental housing programme.",
        "A young family looks at a flat in a new building.",
      ],
    },
    "ombudsman-report": {
      headline: "Human rights commissioner reports most complaints concern housing, pensions and courts",
      lead: "The human rights commissioner has presented an annual report, noting that most complaints concerned housing, pensions and courts, and that 70% of them were resolved.",
      paragraphs: [
        "The report summarises complaints received by the commissioner’s office over the past year. Most concerned housing issues, pension payments and court proceedings.",
        "According to the report, 70% of complaints were resolved, either by restoring rights or by providing clarification. In other cases, complainants were advised to go to court or other competent bodies.",
        "The commissioner also drew attention to the rights of persons with disabilities, children and older people. The report contains recommendations to state bodies on improving legislation and practice.",
        "Deputies who heard the report asked questions about specific cases and the follow-up to recommendations. The commissioner’s office will monitor how state bodies respond.",
      ],
      source: "A Habarshy correspondent reports from the Parliament.",
      captions: [
        "The human rights commissioner presents the annual report.",
      ],
    },
    "maslikhat-astana-transport": {
      headline: "Astana maslikhat approves single transport fare and free rides for schoolchildren",
      lead: "The Astana maslikhat has approved a single public transport fare and free rides for schoolchildren from January.",
      paragraphs: [
        "Under the decision, passengers will pay the same fare regardless of the route or type of transport, including buses and the new light-rail line. Transfers within a certain time will be free.",
        "Schoolchildren will be able to travel free of charge from January. They will need to register their transport card in the city’s mobile app or at service points.",
        "Deputies said the decision aims to make public transport more attractive and reduce traffic on the city’s roads. The city hall will compensate carriers for lost revenue from the budget.",
        "Parents welcomed the decision, saying it would save families money each month. Transport experts noted that the single fare would make the system simpler and more convenient for passengers.",
      ],
      source: "The press service of the Astana city akimat reported this.",
      captions: [
        "A city bus at a stop in Astana.",
      ],
    },
    "anti-corruption-online-services": {
      headline: "Online licensing halves bribery complaints, anti-corruption agency says",
      lead: "The anti-corruption agency reports that moving licences online has cut bribery complaints in licensing by half over two years.",
      paragraphs: [
        "Over the past two years, most licences and permits have been moved to online services, so applicants no longer need to meet officials in person. Decisions are made within set deadlines, and the status of applications can be tracked online.",
        "According to the agency, the number of complaints about bribery in licensing has fallen by half over this period. Businesses say the process has become faster and more predictable.",
        "The agency plans to continue analysing areas where corruption risks remain, such as land allocation and public procurement. It also recommends expanding automatic decision-making in routine cases.",
        "Experts note that digitalisation reduces opportunities for bribery but does not eliminate them entirely. Internal controls, open data and the possibility of appealing decisions online remain important, they say.",
      ],
      source: "Habarshy cites the press service of the Anti-Corruption Agency.",
      captions: [
        "An entrepreneur applies for a licence through an online service.",
      ],
    },
    // Economy
    "inflation-november": {
      headline: "Annual inflation slows to 8.1% in November as base rate holds",
      lead: "Annual inflation in Kazakhstan slowed to 8.1% in November, with food prices rising more slowly than services, and the national bank kept the base rate unchanged.",
      paragraphs: [
        "According to official statistics, annual inflation slowed to 8.1% in November. Food prices rose more slowly than in previous months, helped by a good harvest and stable supplies.",
        "Prices for services continued to rise faster, driven by increases in utility tariffs, transport and other paid services. Non-food products also showed moderate growth.",
        "The national bank kept the base rate unchanged, saying that inflationary risks remained. It noted that the decision takes into account the situation on external markets and the pace of economic growth.",
        "Economists say inflation could continue to slow next year if tariff increases are moderate and the exchange rate remains stable. However, they warn that budget spending and consumer demand could put pressure on prices.",
        "The national bank will announce its next decision on the base rate in accordance with its published schedule. Analysts do not expect a cut before inflation falls closer to the target range.",
      ],
      quote: { text: "Slower food inflation is a good sign, but services are where inflation is now most persistent, and that is what the national bank is watching.", by: "Aigul Tasmagambetova, chief economist at an Almaty investment company" },
      subheading: "What economists expect",
      source: "Habarshy cites the Government’s press service.",
      captions: [
        "Shoppers at a market in Astana.",
      ],
    },
    "wheat-exports-record": {
      headline: "Kazakhstan exports record 11 million tonnes of wheat and flour",
      lead: "Kazakhstan exported a record 11 million tonnes of wheat and flour in the marketing year, with new buyers in North Africa and Southeast Asia.",
      paragraphs: [
        "The Ministry of Agriculture said exports of wheat and flour reached a record 11 million tonnes in the marketing year. The result was helped by a large harvest and demand on international markets.",
        "Traditional buyers in Central Asia and neighbouring countries remained the main destinations, but new buyers appeared in North Africa and Southeast Asia. Shipments went by rail and through ports on the Caspian and Black Seas.",
        "Exporters say Kazakh wheat is valued for its high protein content and quality. Flour mills in the north of the country increased production to meet demand.",
        "The ministry plans to keep diversifying export markets and to support new grain terminals and railway wagons. Officials say a wider range of buyers makes farmers less vulnerable to price swings in any single market.",
      ],
      source: "Habarshy cites the press service of the Ministry of Agriculture.",
      captions: [
        "Grain is loaded into railway wagons at an elevator.",
        "Bags of Kazakh flour prepared for export.",
      ],
    },
    "oil-output-tengiz": {
      headline: "Oil output rises as Tengiz expansion reaches full capacity",
      lead: "Kazakhstan’s oil output has risen after the expansion project at the Tengiz field reached full capacity, while the country continues to keep to its agreed production level.",
      paragraphs: [
        "The expansion project at Tengiz, one of the largest oil fields in the country, has reached full capacity. The project included new production facilities and technology to increase the amount of oil recovered from the reservoir.",
        "As a result, the country’s oil output has risen. The Ministry of Energy said Kazakhstan continues to keep to its agreed production level within the framework of its international commitments.",
        "Oil remains a key source of export revenue and budget income. The government plans to use the additional revenue to support economic diversification.",
        "Industry analysts note that the increase at Tengiz will be partly offset by natural decline at older fields in western Kazakhstan. Maintaining the agreed level will therefore require careful balancing between projects.",
        "They also stress the importance of investing in refining and petrochemicals so that more value is added inside the country. Several such projects in Atyrau region are currently at the design stage.",
      ],
      subheading: "Looking beyond crude",
      source: "Habarshy cites the press service of the Ministry of Energy.",
      captions: [
        "Production facilities at the Tengiz oil field.",
      ],
    },
    "middle-corridor-cargo": {
      headline: "Trans-Caspian cargo grows by a third as Aktau and Kuryk open terminals",
      lead: "Cargo shipped along the Trans-Caspian route has grown by a third, and the ports of Aktau and Kuryk have received new container terminals to handle the rising flow.",
      paragraphs: [
        "The Trans-Caspian International Transport Route, often called the Middle Corridor, links China with Europe via Kazakhstan, the Caspian Sea, the South Caucasus and Türkiye. Shippers have been turning to it as an alternative to longer sea routes and to northern overland routes.",
        "According to the transport ministry, the volume of cargo on the route has increased by a third compared with last year. Containers with consumer goods, machinery parts and agricultural products make up a growing share of the traffic.",
        "New container terminals have opened at the Caspian ports of Aktau and Kuryk, with modern cranes, storage yards and rail sidings. Port operators say they can now handle trains and ships faster and reduce the time containers spend waiting on the shore.",
        "Freight forwarders welcome the expansion but point out that bottlenecks remain, including the limited number of vessels on the Caspian and differences in customs procedures between countries. They are calling for a single digital system to track cargo along the whole route.",
        "The government plans further investment in rail lines leading to the ports and in the fleet of container ships. Officials expect volumes to keep growing next year as new agreements with transit countries take effect.",
      ],
      quote: { text: "Two years ago a container could wait a week in port for a ship. With the new terminals and better scheduling we are bringing that down to two or three days.", by: "Murat Abenov, operations director of a freight forwarding company in Aktau" },
      source: "Habarshy cites the press service of the Ministry of Transport.",
      captions: [
        "Cranes unload containers at the new terminal in the port of Aktau.",
        "A container train arrives at the port of Kuryk on the Caspian coast.",
      ],
    },
    "wind-farm-zhambyl": {
      headline: "100 MW wind farm built with foreign investment starts operating in Zhambyl region",
      lead: "A 100-megawatt wind farm built with foreign investment has gone into operation in Zhambyl region and will supply enough electricity for around 200,000 homes.",
      paragraphs: [
        "The wind farm stands on an open steppe plateau where strong, steady winds blow for much of the year. Its turbines, each taller than a 40-storey building, were delivered in parts and assembled on site over roughly eighteen months.",
        "The project was financed by foreign investors together with a Kazakh partner, and the electricity will be sold under a long-term contract. The operator says the farm will generate enough power for about 200,000 homes.",
        "During construction, several hundred local workers were employed, and around 40 permanent jobs have been created for technicians and operators. The company says it has trained young engineers from the region to service the turbines.",
        "The southern regions of Kazakhstan have long depended on electricity supplied from the north and from neighbouring countries. Energy officials say local generation from renewables will help balance the grid and reduce losses from long-distance transmission.",
      ],
      source: "Habarshy cites the press service of the Zhambyl region akimat.",
      captions: [
        "Wind turbines of the new wind farm on the steppe in Zhambyl region.",
        "Technicians inspect a turbine at the wind farm’s control site.",
      ],
    },
    "small-business-loans": {
      headline: "Development fund issues 15,000 preferential loans to small businesses this year",
      lead: "A state development fund has issued 15,000 preferential loans to small businesses this year, most of them in services, food processing and tourism.",
      paragraphs: [
        "The loans are provided at reduced interest rates, with part of the rate subsidised by the state. Entrepreneurs can also receive guarantees if they lack sufficient collateral, which has long been one of the main obstacles to borrowing.",
        "Most of the 15,000 loans went to companies in services, food processing and tourism. Typical borrowers include bakeries, small dairies, repair shops, guest houses and family-run cafés in regional towns.",
        "The fund says that about a third of the borrowers are women entrepreneurs and that many projects are in rural areas. Applications can be submitted online, and decisions on small loans are made within a few days.",
        "Business associations say the programme has helped companies survive higher costs and expand production. They are asking the government to keep the same conditions next year and to simplify reporting requirements.",
        "The fund plans to increase the share of loans for manufacturing next year. It will also offer free training courses in accounting and marketing for first-time entrepreneurs.",
      ],
      source: "Habarshy cites the Government’s press service.",
      captions: [
        "A baker prepares bread at a small bakery that received a preferential loan.",
      ],
    },
    "tourism-visitors-growth": {
      headline: "Foreign visitors to Kazakhstan up 25% in nine months",
      lead: "The number of foreign visitors to Kazakhstan grew by 25% in the first nine months of the year, with most coming from China, Uzbekistan and Russia, helped by new flights to Almaty and Turkistan.",
      paragraphs: [
        "Tourism officials say the growth was driven by simplified entry rules, new air connections and growing interest in the country’s nature and history. Almaty and its mountains remain the most popular destination, followed by Astana, Turkistan and the Charyn Canyon.",
        "Visitors from China, Uzbekistan and Russia made up the largest groups. Tour operators also report more travellers from South Korea, India and the Gulf countries, many of whom come for short city-and-mountain trips.",
        "New direct flights to Almaty and Turkistan have made the country easier to reach. Turkistan’s airport, which opened only a few years ago, now receives regular international flights.",
        "Hotel occupancy in Almaty rose noticeably during the summer and autumn months. Hoteliers say the shortage of mid-range accommodation remains a problem during peak periods.",
        "Industry representatives say more needs to be done to train guides who speak foreign languages and to improve roads and facilities near natural attractions. The tourism authorities plan to launch a new promotion campaign abroad next year.",
        "Local businesses say the rise in visitors is already felt in restaurants, souvenir shops and transport services. In Almaty region, families in mountain villages are opening guest houses for hikers and skiers.",
      ],
      subheading: "What the industry still needs",
      source: "A Habarshy correspondent reports, citing data from the Ministry of Tourism and Sports.",
      captions: [
        "Tourists take photographs in the mountains near Almaty.",
        "Passengers arrive at Turkistan airport on an international flight.",
      ],
    },
    "it-exports": {
      headline: "Kazakhstan’s IT services exports pass 700 million dollars",
      lead: "Exports of IT services from Kazakhstan have passed 700 million dollars, and the Astana Hub technology park now hosts 1,600 companies.",
      paragraphs: [
        "The figure includes software development, outsourcing, IT consulting and online services sold to clients abroad. The main markets are the United States, Europe, neighbouring Central Asian countries and the Gulf.",
        "The Astana Hub technology park now has 1,600 resident companies, which enjoy tax incentives and simplified rules for hiring foreign specialists. Many of them are small teams working on fintech, e-commerce and educational platforms.",
        "Officials say exports have grown quickly in recent years thanks to the incentives and to a new generation of developers trained in local universities and coding schools. Several Kazakh start-ups have attracted investment from international venture funds.",
        "The government aims to raise IT exports further by supporting companies entering new markets and by training more specialists. Industry representatives say the shortage of experienced engineers and managers is now their main constraint.",
      ],
      source: "Habarshy cites the press service of the Ministry of Digital Development, Innovation and Aerospace Industry.",
      captions: [
        "Developers at work in an office at the Astana Hub technology park.",
      ],
    },
    "rare-earths-deposit": {
      headline: "Geologists confirm rare-earth metals deposit in Karaganda region",
      lead: "Geologists have confirmed a deposit of rare-earth metals in Karaganda region, and the government is seeking investors to process the ore as exploration continues.",
      paragraphs: [
        "The deposit was identified during geological surveys of the region, and laboratory analysis of drill samples confirmed the presence of several rare-earth elements. These metals are used in magnets for electric motors and wind turbines, electronics and other high-tech products.",
        "Exploration is continuing to determine the size of the reserves and the concentration of metals in the ore. Geologists say more drilling will be needed before reliable estimates can be published.",
        "The government says it is looking for investors interested not only in mining but also in processing the ore in Kazakhstan. Officials want to avoid exporting raw concentrate and instead develop production of higher-value materials.",
        "Experts note that rare-earth projects require complex technology and strict environmental controls. They say the deposit could attract interest from companies in Europe and Asia seeking to diversify supplies of critical raw materials.",
        "The Ministry of Industry and Construction plans to present the project to potential partners at upcoming investment forums. Officials say environmental studies will be carried out in parallel with exploration.",
      ],
      quote: { text: "Finding the ore is only the first step. The real value will come if we can separate and refine these metals here, and that requires years of work and serious partners.", by: "Kanat Zhumagulov, a geologist with a research institute in Karaganda" },
      source: "Habarshy cites the Government’s press service.",
      captions: [
        "Geologists examine drill core samples from the deposit in Karaganda region.",
      ],
    },
    // Analytics
    "analysis-grain-logistics": {
      headline: "Analysis: why record harvests put a strain on grain logistics",
      lead: "Record harvests are good news for farmers, but they also expose the limits of Kazakhstan’s grain logistics, from a shortage of wagons to crowded elevators and ports.",
      paragraphs: [
        "Each autumn, when the harvest comes in, farmers in the north of the country face the same problem: getting grain from the field to the buyer. In good years, elevators fill up quickly, and some grain has to be stored in temporary facilities or sold at lower prices.",
        "The shortage of grain wagons is one of the main bottlenecks. Farmers and traders say they sometimes wait weeks for wagons, while exporters must meet delivery deadlines under their contracts.",
        "Many elevators were built decades ago and need modernisation. Their capacity is not always located where it is needed, and the equipment for drying and cleaning grain is often outdated.",
        "Ports on the Caspian Sea and transit routes through neighbouring countries also have limited capacity. Exporters say that delays at borders and transhipment points add to costs and make Kazakh grain less competitive.",
        "Farmers suggest expanding storage on farms, building new elevators near railway lines and introducing a transparent online system for booking wagons. Some are already investing in silos and grain bags to store harvests until prices rise.",
        "Experts add that processing more grain inside the country into flour, pasta and animal feed would reduce the pressure on logistics. They also recommend long-term contracts with railway operators to guarantee wagon supply in peak months.",
      ],
      quote: { text: "A good harvest should not turn into a logistics crisis. If we plan wagons and storage a year in advance, farmers will be able to sell at a fair price instead of in a hurry.", by: "Serik Akhmetov, an agricultural economist in Kostanay" },
      subheading: "What farmers and experts propose",
      source: "A Habarshy analysis based on data from the Ministry of Agriculture and interviews with farmers and experts.",
      captions: [
        "Grain trucks queue at an elevator in northern Kazakhstan during the harvest.",
      ],
    },
    "analysis-water-central-asia": {
      headline: "Analysis: shrinking glaciers and rising demand test Central Asia’s water sharing",
      lead: "Glaciers in the mountains of Central Asia are shrinking while demand for water grows, and the region’s states are searching for ways to share their rivers and build joint projects.",
      paragraphs: [
        "The major rivers of Central Asia, including the Syr Darya and the Amu Darya, are fed by glaciers and snow in the Tien Shan and Pamir mountains. Scientists say many of these glaciers have lost a significant part of their volume in recent decades.",
        "At the same time, the population of the region is growing, and agriculture, industry and cities need more water. Irrigated farming accounts for the largest share of consumption, and much water is lost in old canals.",
        "Upstream countries, such as Kyrgyzstan and Tajikistan, want to use water for hydropower, especially in winter, while downstream countries, including Kazakhstan and Uzbekistan, need it for irrigation in summer. Balancing these interests has been a source of tension for decades.",
        "In recent years, however, the countries of the region have stepped up cooperation. They agree on seasonal water releases, exchange data on river flows and discuss joint hydropower projects such as Kambarata-1.",
        "Experts say the key to long-term solutions lies in modernising irrigation, introducing water metering and creating common monitoring systems. They also recommend involving international financial institutions to fund infrastructure.",
        "Governments plan to develop a regional water strategy and to set up joint bodies to manage transboundary rivers. The success of these efforts will depend on trust and the willingness to share both costs and benefits.",
      ],
      subheading: "Joint projects and plans",
      source: "A Habarshy analysis based on data from regional water management bodies and interviews with experts.",
      captions: [
        "A glacier in the Tien Shan mountains that feeds rivers in Central Asia.",
        "An irrigation canal running through farmland in the south of the region.",
      ],
    },
    "analysis-latin-alphabet": {
      headline: "Analysis: how Kazakh’s transition to the Latin alphabet is progressing",
      lead: "The transition of the Kazakh language to the Latin alphabet is moving forward step by step, and schools, publishers and the media are preparing for the change while experts debate how fast it should go.",
      paragraphs: [
        "The decision to switch the Kazakh language from Cyrillic to Latin script was taken several years ago, and the alphabet has since been revised to better reflect the sounds of the language. The current version was adopted after public discussions and consultations with linguists.",
        "Since then, work has focused on preparing the groundwork: spelling rules, dictionaries and terminology. Signs, official documents and some state websites have begun to appear in both scripts.",
        "Schools are gradually preparing teachers and textbooks for the new script. Primary school teachers have taken training courses, and publishers are preparing Latin-script editions of textbooks and children’s books.",
        "Media outlets are also experimenting with Latin-script versions of their websites and publications. Some have launched separate pages, while others offer automatic conversion from Cyrillic.",
        "Experts disagree on the timing of the full transition. Some argue that a gradual approach avoids confusion and unnecessary costs, while others believe a clear deadline would speed up the process.",
      ],
      quote: { text: "An alphabet cannot be changed by decree alone. What matters is that children read good books in the new script and that adults see it every day on signs and screens.", by: "Gulmira Abisheva, a linguist at a university in Astana" },
      source: "A Habarshy analysis based on interviews with linguists, teachers and publishers.",
      captions: [
        "A primary school lesson using Kazakh textbooks in the Latin script.",
      ],
    },
    "analysis-ai-public-services": {
      headline: "Analysis: artificial intelligence in public services and the risks experts see",
      lead: "Artificial intelligence is increasingly used in Kazakhstan’s public services, from chatbots to document recognition, but experts warn of risks that need to be managed.",
      paragraphs: [
        "Chatbots now answer citizens’ questions on the electronic government portal and in messaging apps, handling thousands of requests a day. They help people find the right service, check the status of applications and fill in forms.",
        "Document recognition systems read scanned passports, certificates and forms, reducing the time needed to process applications. Officials say this frees staff to deal with more complex cases.",
        "State bodies are also testing AI to analyse data, predict demand for services and detect fraud. In healthcare, pilot projects use algorithms to help doctors read X-rays and scans.",
        "Experts warn that AI systems can make mistakes and that decisions affecting citizens must be checked by people. They also point to the need to protect personal data and to ensure that algorithms do not discriminate.",
        "Specialists recommend clear rules on the use of AI in the public sector, including transparency about when citizens are dealing with a machine. Work on such rules is already under way in the government.",
      ],
      subheading: "Rules for algorithms",
      source: "A Habarshy analysis based on data from the Government’s press service and interviews with experts.",
      captions: [
        "A citizen uses a chatbot on the electronic government portal.",
      ],
    },
    "analysis-housing-prices": {
      headline: "Analysis: housing prices in Astana and Almaty rise more slowly this year",
      lead: "Housing prices in Astana and Almaty rose more slowly this year, and analysts say mortgage programmes and new supply are changing the market for buyers.",
      paragraphs: [
        "After several years of rapid growth, prices in the two largest cities have shown more moderate increases. Analysts say this is due to high interest rates, which have reduced demand for commercial mortgages, and to a large number of new buildings.",
        "In Astana, developers have put a record number of flats on the market, particularly in new districts on the left bank. In Almaty, construction is limited by available land, and prices in central districts remain high.",
        "State mortgage programmes with reduced rates remain the main source of demand for many buyers. However, they are only available to certain categories of citizens and for housing within a set price range.",
        "The secondary market has also slowed, with sellers more willing to negotiate. Real estate agents say buyers are paying more attention to the quality of buildings, infrastructure and transport links.",
        "Analysts expect prices to continue rising moderately next year, in line with inflation. Much will depend on the national bank’s decisions on interest rates and on the volume of new construction.",
      ],
      quote: { text: "For the first time in several years, buyers have time to think and compare. That is healthy for the market, even if it is not what developers would like.", by: "Nurzhan Tlegenov, a real estate analyst in Almaty" },
      source: "A Habarshy analysis based on official statistics and interviews with market participants.",
      captions: [
        "New residential buildings on the left bank of Astana.",
      ],
    },
    "analysis-green-energy": {
      headline: "Analysis: what it will take to double the share of renewables by 2030",
      lead: "Renewable sources now provide 7% of Kazakhstan’s electricity, and reaching the target of 15% by 2030 will require major investment in the grid and in energy storage.",
      paragraphs: [
        "Over the past decade, dozens of wind and solar power plants have been built across the country, mainly in the south and in the steppe regions where wind and sunshine are abundant. Today they produce about 7% of the country’s electricity.",
        "The government aims to raise that share to 15% by 2030. Officials say new auctions for renewable projects will be held each year, and investors from Europe, Asia and the Middle East have shown interest.",
        "The main challenge is the grid. Wind and solar plants produce power unevenly, depending on the weather and time of day, and the existing network was designed for large coal-fired plants in the north.",
        "Experts say new transmission lines are needed to connect the regions and to carry electricity from the south to the north and vice versa. They also stress the importance of storage systems, such as large batteries, and flexible gas-fired plants that can quickly compensate for fluctuations.",
        "Investment in the grid and storage will cost billions of dollars, and experts say tariffs and regulation need to be adjusted to attract private capital. They also point to the need to train specialists to operate modern energy systems.",
        "Supporters of the energy transition say the effort will pay off, reducing emissions and dependence on coal. But they warn that without a reliable grid, new wind and solar farms could end up producing power that the system cannot absorb.",
      ],
      subheading: "The grid and storage",
      source: "A Habarshy analysis based on data from the Ministry of Energy and interviews with experts.",
      captions: [
        "Solar panels at a power plant in southern Kazakhstan.",
        "Workers install a high-voltage transmission line.",
      ],
    },
    "analysis-aral-sea": {
      headline: "Analysis: the Northern Aral Sea twenty years after the Kokaral dam",
      lead: "Twenty years after the Kokaral dam was built, the Northern Aral Sea has partly recovered, with fish catches rising and salinity falling, and a new phase of works is being prepared.",
      paragraphs: [
        "The Kokaral dam separated the northern part of the sea from the rapidly shrinking southern part. Water from the Syr Darya began to accumulate behind it, and the level of the Northern Aral Sea rose within a few years.",
        "Salinity has fallen significantly, allowing freshwater fish species to return. Fishermen in Aralsk and nearby villages, who had lost their livelihoods when the sea retreated, have resumed fishing, and catches have grown many times over.",
        "Fish processing plants have reopened, and fish from the Aral Sea is sold in Kazakhstan and exported. Local residents say the improvement has brought back jobs and a sense of hope to the region.",
        "However, the sea has not returned to its former shores, and the town of Aralsk is still some distance from the water. The level of the sea depends on the volume of water flowing down the Syr Darya, which varies from year to year.",
        "The next phase of works is aimed at raising the level further and bringing the water closer to Aralsk. Experts also stress the need to use water more efficiently upstream so that more reaches the sea.",
      ],
      quote: { text: "When I was a boy, the sea was gone and my father sold his boat. Now my son and I go out fishing together every spring.", by: "Zhaksylyk Ospanov, a fisherman from a village near Aralsk" },
      source: "A Habarshy analysis based on data from regional authorities and interviews with scientists and residents.",
      captions: [
        "The Kokaral dam separating the Northern Aral Sea.",
        "Fishermen bring in their catch on the shore of the Northern Aral Sea.",
      ],
    },
    "analysis-middle-corridor": {
      headline: "Analysis: what the Middle Corridor needs to rival established routes",
      lead: "The Middle Corridor has attracted growing interest as a route between China and Europe, but experts say it still needs investment, coordination and reliability to become a real alternative.",
      paragraphs: [
        "The route crosses Kazakhstan, the Caspian Sea, Azerbaijan, Georgia and Türkiye, avoiding longer maritime routes. Interest in it has grown as shippers look for ways to diversify supply chains.",
        "Cargo volumes have risen in recent years, but they remain small compared with the main sea routes. The transit time is still unpredictable, as cargo must be transferred several times between rail and ships.",
        "Experts say the key problems are the limited capacity of Caspian ports and ships, differing rail gauges and customs procedures, and the lack of a single tariff. Shippers want to know exactly how long delivery will take and how much it will cost.",
        "Countries along the route have agreed to harmonise procedures, introduce electronic documents and invest in infrastructure. Kazakhstan is building new rail lines and expanding its Caspian ports.",
        "Analysts believe that if these measures are implemented, the Middle Corridor could become a stable part of Eurasian trade. But they note that competition from other routes will remain strong and that reliability will be decisive.",
      ],
      subheading: "Reliability will decide",
      source: "A Habarshy analysis based on data from transport operators and interviews with experts.",
      captions: [
        "A container ship leaves a Caspian port on the Middle Corridor route.",
      ],
    },
    "analysis-youth-survey": {
      headline: "Analysis: what a survey of 5,000 young people says about their values",
      lead: "A survey of 5,000 young people in Kazakhstan shows what they value, where they want to work and why many choose IT and engineering.",
      paragraphs: [
        "The survey covered young people aged 16 to 29 in all regions, in both cities and villages. Respondents were asked about their values, plans for the future and views on work and education.",
        "Family, health and education came out as the most important values. Most respondents said they wanted a stable job with a good salary, and many also mentioned the opportunity for professional growth.",
        "IT and engineering were the most popular fields among those choosing a future profession. Young people explained their choice by high salaries, the ability to work remotely and the demand for specialists.",
        "Many respondents said they would like to start their own business, but they pointed to a lack of start-up capital and experience. Young people in villages were more likely to say they planned to move to a city.",
        "Sociologists say the results show a pragmatic generation that values education and career opportunities. They recommend expanding access to quality education in the regions and supporting young entrepreneurs.",
      ],
      source: "A Habarshy analysis based on the results of a sociological survey.",
      captions: [
        "Students at a university in Astana.",
      ],
    },
    // World
    "sco-summit": {
      headline: "SCO leaders adopt declaration on transport links and cross-border crime",
      lead: "Leaders of the Shanghai Cooperation Organisation have met for a summit and adopted a declaration on developing transport links and fighting cross-border crime.",
      paragraphs: [
        "The summit brought together the heads of state of the organisation’s member countries, as well as observers and guests. The leaders discussed regional security, trade and economic cooperation in closed and open sessions.",
        "The declaration adopted at the end of the summit calls for the development of transport corridors connecting the member states, including railways, roads and logistics hubs. Participants agreed to simplify border procedures and to coordinate infrastructure projects.",
        "The leaders also agreed to strengthen cooperation against cross-border crime, including drug trafficking, cybercrime and illegal migration. Law enforcement agencies are to exchange information more actively and hold joint exercises.",
        "Kazakhstan’s delegation put forward proposals on the development of transit routes through Central Asia and on food security. The Head of State held several bilateral meetings on the sidelines of the summit.",
        "The next summit will be held next year in the member country that has taken over the rotating chairmanship. Preparations will begin at a meeting of foreign ministers in the spring.",
      ],
      source: "A Habarshy correspondent reports from the summit of the Shanghai Cooperation Organisation.",
      captions: [
        "Leaders of the SCO member states pose for a group photo at the summit.",
        "The plenary session of the Shanghai Cooperation Organisation summit.",
      ],
    },
    "un-climate-talks": {
      headline: "UN climate conference ends with deal to fund adaptation in vulnerable countries",
      lead: "The UN climate conference has closed with an agreement to finance adaptation in vulnerable countries, and Kazakhstan’s delegation presented its plan to reach carbon neutrality.",
      paragraphs: [
        "After two weeks of negotiations, which ran into an extra night, delegates agreed on a mechanism to help vulnerable countries adapt to the effects of climate change. The money is to be spent on flood defences, drought-resistant agriculture and early-warning systems.",
        "Developing countries had pressed for larger commitments, arguing that they suffer most from climate change while contributing least to emissions. Some delegations said the agreed amounts were a step forward but still fell short of what was needed.",
        "The Kazakh delegation presented the country’s plan to achieve carbon neutrality, which includes expanding renewable energy, modernising coal-fired power plants and planting forests. Delegates also described Kazakhstan’s experience in restoring the Northern Aral Sea.",
        "Environmental organisations welcomed the agreement on adaptation but criticised the lack of progress on reducing emissions. The next conference is expected to focus on national plans to cut greenhouse gases.",
      ],
      source: "A Habarshy correspondent reports from the UN climate conference.",
      captions: [
        "Delegates applaud at the closing session of the UN climate conference.",
      ],
    },
    "uzbekistan-high-speed-rail": {
      headline: "Uzbekistan launches high-speed train from Tashkent to Khiva",
      lead: "Uzbekistan has launched a high-speed train service from Tashkent to the ancient city of Khiva, cutting travel time to about six hours.",
      paragraphs: [
        "The train runs via Samarkand, Bukhara and Urgench, linking the capital with some of the country’s most popular tourist destinations. Previously, the journey to Khiva by rail took much longer and required changes.",
        "Travel time between Tashkent and Khiva has been cut to about six hours. The modern trains have business and economy class carriages, a buffet and Wi-Fi on board.",
        "Uzbek railway officials say the new service will boost tourism to Khorezm region, where Khiva’s old town is a UNESCO World Heritage site. Tour operators expect more foreign visitors to include Khiva in their itineraries.",
        "Tickets went on sale online several weeks before the launch, and the first trains were fully booked. The railway plans to add more services during the tourist season.",
      ],
      quote: { text: "I used to fly or take an overnight train to visit my parents in Khiva. Now I can leave Tashkent in the morning and be home for dinner.", by: "Dilnoza Rakhimova, a passenger on the first train" },
      source: "Habarshy cites the press service of Uzbekistan’s national railway company.",
      captions: [
        "The high-speed train at Tashkent railway station before its first trip to Khiva.",
        "Passengers in a carriage of the new high-speed train.",
      ],
    },
    "kyrgyzstan-hydropower": {
      headline: "Kyrgyzstan, Kazakhstan and Uzbekistan agree to jointly build Kambarata-1",
      lead: "Kyrgyzstan, Kazakhstan and Uzbekistan have agreed to jointly build the Kambarata-1 hydropower plant and to share the electricity it produces.",
      paragraphs: [
        "The Kambarata-1 plant is to be built on the Naryn River in Kyrgyzstan and will be one of the largest hydropower plants in Central Asia. The project has been discussed for decades, but its high cost and questions about water use delayed construction.",
        "Under the agreement, the three countries will finance the project together and share the electricity produced. The plant is also expected to help regulate the flow of water in the Syr Darya basin.",
        "Energy officials say the plant will help Kyrgyzstan cover its winter electricity shortages and provide the region with clean energy. Downstream countries are interested in a reliable water supply for irrigation in summer.",
        "The sides will set up a joint company to manage the project and attract international financing. Feasibility studies and environmental assessments are to be completed before construction begins.",
        "Experts say the agreement shows a new level of trust among Central Asian countries on water and energy issues. They note, however, that the project will take years to complete and will require careful coordination.",
      ],
      subheading: "Years of work ahead",
      source: "Habarshy cites the press service of the Ministry of Energy.",
      captions: [
        "The valley of the Naryn River, where the Kambarata-1 hydropower plant is to be built.",
      ],
    },
    "china-kazakhstan-trade": {
      headline: "Trade between China and Kazakhstan grows 12% in ten months",
      lead: "Trade between China and Kazakhstan grew by 12% in the first ten months of the year, with machinery and agricultural products leading the growth.",
      paragraphs: [
        "According to customs data, China remains one of Kazakhstan’s largest trading partners. Imports from China are dominated by machinery, equipment, vehicles and consumer goods.",
        "Kazakh exports to China include metals, oil and gas, as well as a growing volume of agricultural products such as grain, oilseeds, meat and honey. Exporters say demand for Kazakh food products in China is rising.",
        "The growth in trade was supported by the expansion of border crossings and rail links. The two countries have agreed to build a second railway crossing and to develop logistics centres on the border.",
        "Experts expect trade to keep growing, especially in processed goods. They note that Kazakhstan seeks to increase the share of value-added products in its exports to China.",
      ],
      source: "Habarshy cites customs statistics.",
      captions: [
        "Trucks at a border crossing between Kazakhstan and China.",
      ],
    },
    "europe-central-asia-forum": {
      headline: "Europe–Central Asia forum focuses on raw materials, digital links and education",
      lead: "A Europe–Central Asia investment forum has discussed critical raw materials, digital connections and educational exchanges between the two regions.",
      paragraphs: [
        "The forum brought together government officials, business leaders and experts from the European Union and Central Asian countries. Participants discussed ways to increase investment and trade between the regions.",
        "Critical raw materials were one of the main topics, as European countries seek to diversify supplies of metals needed for batteries, electronics and renewable energy. Central Asian countries presented projects in mining and processing.",
        "The sides also discussed digital connections, including fibre-optic cables and data centres, as well as transport routes. Participants agreed that better connections would benefit both regions.",
        "Educational exchanges were another focus of the forum. Universities from Europe and Central Asia agreed to expand student and teacher exchanges and to develop joint programmes.",
      ],
      quote: { text: "Central Asia has the resources and Europe has the technology and capital. The question is how to build partnerships where processing and jobs stay in the region.", by: "Anna Lindqvist, a Brussels-based analyst specialising in Central Asia" },
      source: "A Habarshy correspondent reports from the Europe–Central Asia investment forum.",
      captions: [
        "Participants of the Europe–Central Asia investment forum at a plenary session.",
      ],
    },
    "turkic-states-meeting": {
      headline: "Turkic states’ foreign ministers agree on alphabet group and youth exchanges",
      lead: "Foreign ministers of the Organization of Turkic States have met and agreed to set up a working group on a common alphabet and to launch a youth exchange programme.",
      paragraphs: [
        "The meeting brought together the foreign ministers of the organisation’s member states, who discussed cooperation in politics, economy, culture and education. The ministers reviewed the implementation of decisions taken at the last summit.",
        "The ministers agreed to set up a working group on a common alphabet for Turkic languages. The group, which will include linguists from member countries, is to study how to bring alphabets closer together.",
        "A youth exchange programme will allow students and young professionals to study and work in other member countries. Organisers say the programme will strengthen ties between the peoples of the Turkic world.",
        "The ministers also discussed transport and trade cooperation and preparations for the next summit of heads of state. Kazakhstan’s delegation proposed holding a forum of Turkic universities next autumn.",
      ],
      source: "A Habarshy correspondent reports from the meeting of the Council of Foreign Ministers of the Organization of Turkic States.",
      captions: [
        "Foreign ministers of the Organization of Turkic States at their meeting.",
      ],
    },
    "space-launch-baikonur": {
      headline: "Rocket from Baikonur delivers research satellite with Kazakh payload to orbit",
      lead: "A rocket launched from the Baikonur cosmodrome has delivered a research satellite to orbit, carrying a Kazakh scientific payload on board.",
      paragraphs: [
        "The rocket lifted off on schedule, and the satellite separated from the upper stage and reached its planned orbit. Ground stations established contact with the spacecraft shortly after separation.",
        "The Kazakh payload was developed by scientists and engineers at research institutes and universities in the country. It is designed to carry out experiments in space physics and Earth observation.",
        "Data from the payload will be received by ground stations in Kazakhstan and processed by local researchers. Scientists hope the results will contribute to studies of the upper atmosphere and climate.",
        "The launch is part of efforts to develop the country’s space industry and train specialists. Several young engineers who took part in the project watched the launch at the cosmodrome.",
      ],
      quote: { text: "We spent three years building and testing this instrument. Seeing it go into orbit and hearing the first signal was a moment none of us will forget.", by: "Yerbol Dzhaksybekov, head of the team that developed the Kazakh payload" },
      source: "Habarshy cites the press service of the Ministry of Digital Development, Innovation and Aerospace Industry.",
      captions: [
        "The rocket lifts off from the Baikonur cosmodrome.",
        "Engineers prepare the Kazakh scientific payload before the launch.",
        "Specialists watch the launch from the control centre.",
      ],
    },
    "olympic-team-results": {
      headline: "Kazakh athletes win three gold medals at Asian Winter Games",
      lead: "Kazakh athletes have won three gold medals at the Asian Winter Games, with speed skaters and freestyle skiers leading the team’s performance.",
      paragraphs: [
        "Speed skaters brought the team two of its gold medals, winning in individual distances. The victories came after years of training at the country’s indoor skating rinks in Astana.",
        "The third gold medal came in freestyle skiing, where a Kazakh athlete won the moguls competition. The team also won several silver and bronze medals in biathlon, cross-country skiing and figure skating.",
        "Coaches said the results showed the progress of young athletes who had come through sports schools in recent years. Many of them competed at international level for the first time.",
        "The team will return home after the closing ceremony, and a welcome event is planned at the airport in Astana. The athletes are now preparing for the world championships and the next Winter Olympic Games.",
      ],
      source: "A Habarshy correspondent reports from the Asian Winter Games.",
      captions: [
        "A Kazakh speed skater crosses the finish line at the Asian Winter Games.",
        "Kazakh athletes celebrate on the podium with their gold medals.",
      ],
    },
    // Incidents
    "snowstorm-roads-closed": {
      headline: "Snowstorm closes roads in Akmola and Karaganda regions, 140 people evacuated",
      lead: "A snowstorm has closed sections of national roads in Akmola and Karaganda regions, and rescuers evacuated 140 people from stranded cars; the roads reopened the next morning.",
      paragraphs: [
        "The storm brought heavy snow and strong winds, reducing visibility to a few metres and creating snowdrifts on the roads. Traffic police closed several sections of national roads to all vehicles.",
        "Rescuers from the Ministry of Emergency Situations worked through the night to reach stranded drivers and passengers. They evacuated 140 people, including children, to heated points set up in nearby villages and roadside cafés.",
        "Road services cleared the snow overnight, and the roads reopened the next morning. Drivers were asked to check the weather and road conditions before setting off.",
        "Forecasters warned that strong winds and snowfall could return in the coming days. The ministry advised residents to avoid long journeys during storm warnings and to carry warm clothing, food and fuel.",
      ],
      quote: { text: "Some people had been sitting in their cars for several hours with the engine running. We got everyone out, and nobody needed hospital treatment.", by: "Ruslan Akhmediyarov, head of a rescue team in Akmola region" },
      source: "Habarshy cites the press service of the Ministry of Emergency Situations.",
      captions: [
        "Rescuers help passengers from a car stranded in snow on a national road.",
        "Snowploughs clear a section of road after the snowstorm.",
      ],
    },
    "almaty-earthquake-drill": {
      headline: "Almaty holds citywide earthquake drill involving 300,000 people",
      lead: "Almaty has held a citywide earthquake drill in which 300,000 people in schools and offices took part, and new warning sirens were tested.",
      paragraphs: [
        "The drill began with a signal from the warning system, after which pupils, students and office workers practised leaving buildings and gathering in safe places. Emergency services timed how long the evacuation took.",
        "Around 300,000 people took part in the exercise across the city. Schools, universities, hospitals and large businesses were involved.",
        "New warning sirens installed in different districts were tested during the drill. Officials said most of them worked as expected, and the remaining faults would be fixed.",
        "Almaty is located in a seismically active zone, and experts say regular drills help people react correctly in a real earthquake. Residents were reminded to prepare an emergency bag with documents, water and medicine.",
      ],
      source: "Habarshy cites the press service of the Ministry of Emergency Situations.",
      captions: [
        "Pupils leave a school building during the earthquake drill in Almaty.",
      ],
    },
    "forest-fire-abai": {
      headline: "Forest fire in Abai region put out after two days",
      lead: "A forest fire in Abai region has been put out after two days of work by 600 firefighters and aircraft, and no people were hurt.",
      paragraphs: [
        "The fire broke out in a forest area and spread quickly due to dry weather and strong winds. Emergency services sent ground crews and aircraft to contain it.",
        "Around 600 firefighters, rescuers and forestry workers took part in the operation, using more than 80 vehicles. Aircraft dropped water on areas that were difficult to reach on the ground.",
        "After two days, the fire was put out, having covered several hundred hectares of pine forest and dry grass. No people were hurt. Emergency services said nearby villages had not been threatened, although some residents helped by digging firebreaks.",
        "Specialists are now assessing the damage to the forest and investigating the cause of the fire. Officials reminded residents and tourists of the ban on lighting fires in forests during dry periods.",
      ],
      subheading: "Cause under investigation",
      source: "Habarshy cites the press service of the Ministry of Emergency Situations.",
      captions: [
        "An aircraft drops water on a forest fire in Abai region.",
        "Firefighters work to extinguish the fire in the forest.",
      ],
    },
    "flood-preparedness": {
      headline: "Regions reinforce dams and clear riverbeds ahead of spring floods",
      lead: "Regions of Kazakhstan are preparing for spring floods by reinforcing dams, clearing 400 kilometres of riverbeds and launching a new flood-warning app.",
      paragraphs: [
        "After severe floods in several regions in previous years, authorities have stepped up preparations. Dams and embankments are being reinforced, and pumping equipment has been checked and repaired.",
        "Around 400 kilometres of riverbeds have been cleared of debris and sediment to allow water to flow more freely. Work has focused on areas where rivers overflowed their banks in the past.",
        "A new flood-warning app will send residents alerts about rising water levels and instructions on what to do. It will also show the locations of evacuation points and shelters.",
        "Emergency services are monitoring snow cover and ice on rivers, which will determine the scale of spring floods. Residents of areas at risk were advised to prepare emergency bags and to follow official information.",
      ],
      quote: { text: "The app gives people time. Even a few extra hours of warning can be enough to move livestock, documents and valuables to safety.", by: "Asel Nurmagambetova, spokesperson for the Ministry of Emergency Situations" },
      source: "Habarshy cites the press service of the Ministry of Emergency Situations.",
      captions: [
        "Workers reinforce a dam ahead of spring floods.",
      ],
    },
    "gas-leak-evacuation": {
      headline: "Gas pipe damaged during road works in Shymkent, residents evacuated",
      lead: "A gas pipe was damaged during road works in Shymkent, and residents of two blocks of flats were evacuated for four hours; nobody was hurt.",
      paragraphs: [
        "The pipe was damaged by an excavator during road works in one of the city’s districts. Residents noticed a strong smell of gas shortly after noon and called emergency services.",
        "Rescuers and gas service workers arrived within minutes, cordoned off the area and evacuated about 150 residents of two blocks of flats. The evacuation lasted about four hours until the leak was repaired.",
        "Nobody was hurt, and residents were allowed to return home after gas concentrations were checked. The gas supply to nearby buildings was restored in the evening.",
        "Officials are investigating whether the road works contractor had coordinated the works with the gas service. Emergency services reminded contractors of the need to check the location of underground utilities before digging.",
      ],
      source: "Habarshy cites the press service of the Ministry of Emergency Situations.",
      captions: [
        "Gas service workers repair the damaged pipe in Shymkent.",
      ],
    },
    "mountain-rescue-tourists": {
      headline: "Mountain rescuers find four lost tourists in Trans-Ili Alatau",
      lead: "Mountain rescuers have found four tourists who got lost in the Trans-Ili Alatau after a night-long search, and all of them are safe.",
      paragraphs: [
        "The tourists set out on a hiking trip in the mountains near Almaty but lost their way as the weather deteriorated. In the evening they called emergency services and reported that they could not find the path back.",
        "Mountain rescuers searched throughout the night, despite low temperatures and poor visibility. They used the tourists’ phone signal to narrow down the search area.",
        "In the morning, the rescuers found the group and helped them descend. All four were safe, though tired and cold, and did not need hospital treatment.",
        "Emergency services reminded tourists to register their routes before going into the mountains and to check the weather forecast. They also advised carrying warm clothing, food, water and a charged phone.",
      ],
      source: "Habarshy cites the press service of the Ministry of Emergency Situations.",
      captions: [
        "Mountain rescuers search for tourists in the Trans-Ili Alatau.",
        "Rescuers help the tourists descend after finding them.",
      ],
    },
    "ice-fishing-warning": {
      headline: "Emergency services warn ice fishers after two rescued on Lake Balkhash",
      lead: "Emergency services have warned ice fishers about thin ice on reservoirs after two people were rescued on Lake Balkhash.",
      paragraphs: [
        "The two fishermen were on the ice of Lake Balkhash when it began to crack and a section broke away. They called for help, and rescuers reached them by hovercraft and brought them ashore.",
        "Emergency services say the ice on many reservoirs is still thin and unstable, especially near river mouths and in areas with currents. They warned that going onto the ice is dangerous until it is thick enough.",
        "Rescuers advised fishers to go onto the ice in groups, to carry rescue equipment and to check the thickness of the ice before moving on. They also recommended informing relatives about where they were going.",
        "Patrols will monitor popular fishing spots on reservoirs throughout the winter season. In the past week alone, rescuers persuaded more than 200 fishers to leave unsafe ice, the ministry said.",
      ],
      source: "Habarshy cites the press service of the Ministry of Emergency Situations.",
      captions: [
        "Rescuers on the ice of Lake Balkhash.",
      ],
    },
    "traffic-accident-bus": {
      headline: "Passenger bus skids off road near Taraz, eight taken to hospital",
      lead: "A passenger bus skidded off the road near Taraz, and eight people were taken to hospital with light injuries; police are checking the driver’s working hours.",
      paragraphs: [
        "The bus was travelling on an intercity route when it skidded on a slippery section of road and went into a ditch. Other drivers stopped to help passengers leave the bus.",
        "There were 27 passengers on board, and ambulances took eight of them to hospital with light injuries. Doctors said their condition was satisfactory, and some were expected to be discharged the same day.",
        "Police are checking whether the driver complied with the rules on working hours and rest, as well as the technical condition of the bus. An investigation has been opened.",
        "Road services treated the road with anti-icing materials after the accident. Police reminded drivers to reduce speed on slippery roads and to respect rest requirements on long trips.",
      ],
      source: "Habarshy cites the press service of the Ministry of Emergency Situations.",
      captions: [
        "The bus that skidded off the road near Taraz.",
      ],
    },
    "cyber-fraud-warning": {
      headline: "Police warn of fraud calls imitating bank security services",
      lead: "Police have warned citizens about fraud calls from people pretending to be bank security staff, while a new law allows banks to block suspicious transfers for 24 hours.",
      paragraphs: [
        "Fraudsters call citizens pretending to be employees of a bank’s security service and claim that someone is trying to steal money from their account. They then persuade victims to transfer money to a safe account or to reveal codes from text messages.",
        "Police say such calls have become more frequent, and that fraudsters often use spoofed numbers that look like official bank numbers. Older people are particularly at risk.",
        "Under a new law, banks can block suspicious transfers for 24 hours to give customers time to check whether they are dealing with fraudsters. Banks will contact the customer to confirm the transfer.",
        "Police advise citizens not to share codes from text messages and to hang up if a caller asks for personal data. If in doubt, people should call the bank themselves using the number on the back of their card.",
      ],
      quote: { text: "A real bank will never ask you to move your money to a safe account or to read out a code. If you hear that, it is a fraudster, so just hang up.", by: "Daulet Sarsenbayev, a police spokesperson for cybercrime" },
      source: "Habarshy cites the Government’s press service.",
      captions: [
        "A woman receives a suspicious call on her mobile phone.",
      ],
    },
  },
};
