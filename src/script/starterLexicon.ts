// Starter exception lexicon, seeded into the database by the lead engineer; editors extend it.
// Only words the rules get wrong for a reason the rules cannot see (a compound, a split name, a
// publisher's habit, a closed list). Source words are Cyrillic, lower case, NFC; the converter
// gives the spelling the source word's case. Every entry is checked in
// test/unit/script/converter.test.ts to differ from what the rules alone write.
import type { Scheme } from './types.ts';

export interface StarterLexiconEntry {
  readonly word: string;
  readonly scheme: Scheme;
  readonly spelling: string;
}

export const STARTER_LEXICON: readonly StarterLexiconEntry[] = [
  // kk-Arab — deviations from the hamza rule in the agency's own Arabic texts (scripts.md §3.2):
  // төр + аға is a compound, so the front part keeps its hamza although ғ is present.
  { word: 'төраға', scheme: 'kk-Arab', spelling: 'ءتوراعا' },
  { word: 'төрағасы', scheme: 'kk-Arab', spelling: 'ءتوراعاسى' },
  { word: 'төрағасының', scheme: 'kk-Arab', spelling: 'ءتوراعاسىنىڭ' },
  { word: 'төрағалық', scheme: 'kk-Arab', spelling: 'ءتوراعالىق' },
  { word: 'төрағалығымен', scheme: 'kk-Arab', spelling: 'ءتوراعالىعىمەن' },
  // Patronymics in -ұлы are written as two words (Момышұлы → مومىش ۇلى).
  { word: 'момышұлы', scheme: 'kk-Arab', spelling: 'مومىش ۇلى' },
  { word: 'байтұрсынұлы', scheme: 'kk-Arab', spelling: 'بايتۇرسىن ۇلى' },
  { word: 'байтұрсынұлының', scheme: 'kk-Arab', spelling: 'بايتۇرسىن ۇلىنىڭ' },
  // бірақ: front word with қ; dalanews writes the hamza. Remove if the desk prefers بىراق.
  { word: 'бірақ', scheme: 'kk-Arab', spelling: 'ءبىراق' },

  // kk-Latn-*: щ in native words is a doubled ш (2018 rules: ащы → ashshy).
  { word: 'ащы', scheme: 'kk-Latn-2018', spelling: 'ashshy' },
  { word: 'ащысы', scheme: 'kk-Latn-2018', spelling: 'ashshysy' },
  { word: 'тұщы', scheme: 'kk-Latn-2018', spelling: 'tushshy' },
  { word: 'ащы', scheme: 'kk-Latn-2018-orthography', spelling: 'ashshy' },
  { word: 'ащысы', scheme: 'kk-Latn-2018-orthography', spelling: 'ashshysy' },
  { word: 'тұщы', scheme: 'kk-Latn-2018-orthography', spelling: 'tushshy' },
  { word: 'ащы', scheme: 'kk-Latn-2021', spelling: 'aşşy' },
  { word: 'ащысы', scheme: 'kk-Latn-2021', spelling: 'aşşysy' },
  { word: 'тұщы', scheme: 'kk-Latn-2021', spelling: 'tūşşy' },

  // uz-Latn-1995 — established spellings that differ from the letter rules (scripts.md §4.2).
  { word: 'мещан', scheme: 'uz-Latn-1995', spelling: 'meshshan' }, // the one щ → shsh of the rules
  { word: 'герцеговина', scheme: 'uz-Latn-1995', spelling: 'gertsegovina' }, // CLDR: ts after r
  { word: 'финляндия', scheme: 'uz-Latn-1995', spelling: 'finlandiya' }, // CLDR: я → a
  { word: 'финляндияда', scheme: 'uz-Latn-1995', spelling: 'finlandiyada' },
  { word: 'финляндиянинг', scheme: 'uz-Latn-1995', spelling: 'finlandiyaning' },
  { word: 'бюджет', scheme: 'uz-Latn-1995', spelling: 'budjet' }, // media usage (kun.uz, lotin-kirill)
  { word: 'бюджети', scheme: 'uz-Latn-1995', spelling: 'budjeti' },
  { word: 'бюджетга', scheme: 'uz-Latn-1995', spelling: 'budjetga' },
  { word: 'бюджетдан', scheme: 'uz-Latn-1995', spelling: 'budjetdan' },
  { word: 'бюджетнинг', scheme: 'uz-Latn-1995', spelling: 'budjetning' },
  { word: 'бюджетни', scheme: 'uz-Latn-1995', spelling: 'budjetni' },
  { word: 'бюджетда', scheme: 'uz-Latn-1995', spelling: 'budjetda' },
];
