// createConverter: the one entry point for script conversion (contract in types.ts).
import { convertText } from './convertText.ts';
import type { Engine } from './engine.ts';
import { kkArabEngine } from './kkArab.ts';
import { kkCyrlEngine } from './kkCyrl.ts';
import { kkLatnEngine } from './kkLatn.ts';
import type { Conversion, Converter, ConverterOptions, Lexicon, Scheme, ScriptTag, UnsureWord } from './types.ts';
import { uzCyrlEngine } from './uzCyrl.ts';
import { uzLatnEngine } from './uzLatn.ts';

export interface SupportedPair {
  readonly from: ScriptTag;
  readonly to: ScriptTag;
  readonly schemes: readonly Scheme[];
  readonly defaultScheme: Scheme;
}

export const SUPPORTED_PAIRS: readonly SupportedPair[] = [
  { from: 'kk-Cyrl', to: 'kk-Latn', schemes: ['kk-Latn-2018', 'kk-Latn-2018-orthography', 'kk-Latn-2021'], defaultScheme: 'kk-Latn-2018' },
  { from: 'kk-Cyrl', to: 'kk-Arab', schemes: ['kk-Arab', 'kk-Arab-mediawiki'], defaultScheme: 'kk-Arab' },
  { from: 'uz-Cyrl', to: 'uz-Latn', schemes: ['uz-Latn-1995'], defaultScheme: 'uz-Latn-1995' },
  { from: 'uz-Latn', to: 'uz-Cyrl', schemes: ['uz-Latn-1995'], defaultScheme: 'uz-Latn-1995' },
  { from: 'kk-Latn', to: 'kk-Cyrl', schemes: ['kk-Latn-2018', 'kk-Latn-2018-orthography'], defaultScheme: 'kk-Latn-2018' },
];

export class UnsupportedConversionError extends Error {
  override readonly name = 'UnsupportedConversionError';
  constructor(from: string, to: string, scheme: string | undefined) {
    const valid = SUPPORTED_PAIRS.map((p) => `${p.from} → ${p.to} (${p.schemes.join(', ')}; default ${p.defaultScheme})`).join('; ');
    super(`No script conversion ${from} → ${to}${scheme === undefined ? '' : ` with scheme ${scheme}`}. Supported: ${valid}.`);
  }
}

function engineFor(pair: SupportedPair, scheme: Scheme, options: ConverterOptions['options']): Engine {
  switch (pair.to) {
    case 'kk-Latn':
      return kkLatnEngine(scheme as 'kk-Latn-2018' | 'kk-Latn-2018-orthography' | 'kk-Latn-2021', options);
    case 'kk-Arab':
      return kkArabEngine(scheme as 'kk-Arab' | 'kk-Arab-mediawiki', options);
    case 'uz-Latn':
      return uzLatnEngine();
    case 'uz-Cyrl':
      return uzCyrlEngine();
    case 'kk-Cyrl':
      return kkCyrlEngine(scheme as 'kk-Latn-2018' | 'kk-Latn-2018-orthography');
  }
}

const APOSTROPHES = /[`´ʻʼ‘’]/g;

/** Lexicon keys as the loop looks them up: NFC, lower case, apostrophes as "'" for Latin sources. */
function normalizeLexicon(lexicon: Lexicon | undefined, latinSource: boolean): Lexicon | null {
  if (lexicon === undefined || lexicon.size === 0) return null;
  const out = new Map<string, string>();
  for (const [key, value] of lexicon) {
    let k = key.normalize('NFC').toLowerCase();
    if (latinSource) k = k.replace(APOSTROPHES, "'");
    out.set(k, value.normalize('NFC'));
  }
  return out;
}

export function createConverter(options: ConverterOptions): Converter {
  const pair = SUPPORTED_PAIRS.find((p) => p.from === options.from && p.to === options.to);
  const scheme = options.scheme ?? pair?.defaultScheme;
  if (pair === undefined || scheme === undefined || !pair.schemes.includes(scheme)) {
    throw new UnsupportedConversionError(options.from, options.to, options.scheme);
  }
  const engine = engineFor(pair, scheme, options.options);
  const lexicon = normalizeLexicon(options.lexicon, engine.source === 'Latn');
  return {
    from: pair.from,
    to: pair.to,
    scheme,
    convert: (text: string): string => convertText(text, engine, lexicon, null),
    report: (text: string): Conversion => {
      const unsure: UnsureWord[] = [];
      return { text: convertText(text, engine, lexicon, unsure), unsure };
    },
  };
}
