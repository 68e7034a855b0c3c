// Readable Latin slugs for every edition: Cyrillic by transliteration, Chinese by pinyin.
import slugify from '@sindresorhus/slugify';
import { pinyin } from 'pinyin-pro';

/** Kazakh and Uzbek letters that the general transliteration table does not know. */
const EXTRA: [string, string][] = [
  ['ә', 'a'],
  ['ғ', 'g'],
  ['қ', 'q'],
  ['ң', 'n'],
  ['ө', 'o'],
  ['ұ', 'u'],
  ['ү', 'u'],
  ['һ', 'h'],
  ['і', 'i'],
  ['ў', 'o'],
  ['ҳ', 'h'],
  ['Ә', 'A'],
  ['Ғ', 'G'],
  ['Қ', 'Q'],
  ['Ң', 'N'],
  ['Ө', 'O'],
  ['Ұ', 'U'],
  ['Ү', 'U'],
  ['Һ', 'H'],
  ['І', 'I'],
  ['Ў', 'O'],
  ['Ҳ', 'H'],
  ['ʻ', ''],
  ['ʼ', ''],
  ['’', ''],
  ["'", ''],
];

const HAN = /[\u3400-\u9fff]/;
export const MAX_SLUG_LENGTH = 80;

/** A URL slug of lower-case ASCII letters, digits and hyphens, at most 80 characters. */
export function makeSlug(text: string): string {
  let source = text.normalize('NFC');
  if (HAN.test(source)) {
    source = pinyin(source, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(' ');
  }
  let slug = slugify(source, { customReplacements: EXTRA, decamelize: false });
  if (slug.length > MAX_SLUG_LENGTH) {
    slug = slug.slice(0, MAX_SLUG_LENGTH);
    const cut = slug.lastIndexOf('-');
    if (cut > 20) slug = slug.slice(0, cut);
  }
  return slug || 'article';
}
