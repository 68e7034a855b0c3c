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
        "The plant is expected to switch to regular operation after the test period, once water quality and stability of supply have been confirmed.",
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
        "City authorities say they will also expand visitor facilities, including information points and guided tours in several languages.",
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
        "The Ministry of Science and Higher Education will oversee the fund and set the rules for grant competitions.",
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
        "At the end of the conversation, the heads of state agreed to hold a meeting next month to discuss these issues in more detail.",
      ],
      source: "Habarshy cites the press service of Akorda.",
      captions: [
        "The President of Kazakhstan during the telephone conversation at the Akorda.",
      ],
    },
  },
};
