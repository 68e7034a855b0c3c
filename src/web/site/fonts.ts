// The reader site's self-hosted fonts: Noto Sans (interface, headlines), Noto Serif (article text)
// and Noto Naskh Arabic (ق ز), so that every letter of every edition comes from one designed
// family instead of whatever the reader's system picks for ә, ғ, қ, ң, ө, ұ, ү, һ, ҳ, ǵ, ń or ۇ.
//
// The files come from the @fontsource packages, already split by script with `unicode-range`, so a
// browser downloads only the parts a page uses. Their "extended" parts (latin-ext 55–60 KB,
// cyrillic-ext 22–25 KB, arabic 53 KB) hold far more than our languages need: those are cut down
// with subset-font (HarfBuzz) to the letters of Kazakh, Uzbek and the other editions, keeping the
// shaping rules of what remains. Chinese falls back to the reader's system CJK fonts (a CJK web font
// would weigh megabytes). Subsetting takes about a second; the result is cached on disk.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';

export interface FontFile {
  readonly url: string;
  readonly body: Buffer;
}

/** A family's files, the `@font-face` rules that name them, and what each script should preload. */
export interface SiteFonts {
  readonly files: readonly FontFile[];
  readonly css: string;
  /** Per script of an edition (`Cyrl`, `Latn`, `Arab`, `Hans`): the font URLs worth preloading. */
  readonly preload: Readonly<Record<FontScript, readonly string[]>>;
}

export type FontScript = 'Cyrl' | 'Latn' | 'Arab' | 'Hans';

const require = createRequire(import.meta.url);

/** Code points as a string, from inclusive ranges. */
function span(...ranges: readonly (readonly [number, number])[]): string {
  let out = '';
  for (const [from, to] of ranges) for (let c = from; c <= to; c++) out += String.fromCodePoint(c);
  return out;
}

// What the "extended" parts are cut down to. Latin: Latin Extended-A (Kazakh 2018/2021 á ǵ ı ń ó
// ú ý ş, Turkish, Central European names), ǵ/Ǵ from Extended-B, ș ț, the tenge and rouble signs.
// Cyrillic: the block holding the letters of Kazakh (ғ қ ң ү ұ һ ә ө), Uzbek (ҳ) and the other
// languages of the region (Tatar, Bashkir, Kyrgyz). Arabic: the Arabic block (Kazakh's ٴ ۆ ۇ ۋ ە ى ڭ
// and the rest), with the joiners and hyphens the converter and editors use.
const LATIN_EXT = span([0x0100, 0x017f], [0x01f4, 0x01f5], [0x0218, 0x021b], [0x20b8, 0x20b8], [0x20bd, 0x20bd]);
const CYRILLIC_EXT = span([0x0490, 0x04ff]);
const ARABIC = span([0x0600, 0x06ff], [0x200c, 0x200f], [0x2010, 0x2011]);

interface Part {
  /** The @fontsource subset file. */
  readonly subset: string;
  /** Cut the file down to these characters (and declare exactly them); whole file otherwise. */
  readonly keep?: string;
}

interface Face {
  readonly family: string;
  readonly pkg: string;
  readonly weight: 400 | 700;
  readonly parts: readonly Part[];
}

const LATIN_CYRILLIC: readonly Part[] = [
  { subset: 'latin' },
  { subset: 'latin-ext', keep: LATIN_EXT },
  { subset: 'cyrillic' },
  { subset: 'cyrillic-ext', keep: CYRILLIC_EXT },
];

const FACES: readonly Face[] = [
  { family: 'Noto Sans', pkg: 'noto-sans', weight: 400, parts: LATIN_CYRILLIC },
  { family: 'Noto Sans', pkg: 'noto-sans', weight: 700, parts: LATIN_CYRILLIC },
  { family: 'Noto Serif', pkg: 'noto-serif', weight: 400, parts: LATIN_CYRILLIC },
  { family: 'Noto Serif', pkg: 'noto-serif', weight: 700, parts: LATIN_CYRILLIC },
  { family: 'Noto Naskh Arabic', pkg: 'noto-naskh-arabic', weight: 400, parts: [{ subset: 'arabic', keep: ARABIC }] },
  { family: 'Noto Naskh Arabic', pkg: 'noto-naskh-arabic', weight: 700, parts: [{ subset: 'arabic', keep: ARABIC }] },
];

/** What each script's pages preload: the headline face and the text face of its main part. */
const PRELOAD: Readonly<Record<FontScript, readonly string[]>> = {
  Cyrl: ['noto-sans-cyrillic-700', 'noto-serif-cyrillic-400'],
  Latn: ['noto-sans-latin-700', 'noto-serif-latin-400'],
  Arab: ['noto-naskh-arabic-arabic-700', 'noto-naskh-arabic-arabic-400'],
  Hans: ['noto-sans-latin-700'],
};

/** `U+0100-017F,U+01F4-01F5` from the characters a file keeps. */
export function unicodeRange(text: string): string {
  const points = [...new Set([...text].map((c) => c.codePointAt(0) ?? 0))].sort((a, b) => a - b);
  const out: string[] = [];
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
  for (let i = 0; i < points.length;) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === (points[j] ?? 0) + 1) j++;
    const a = points[i] ?? 0;
    const b = points[j] ?? 0;
    out.push(a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`);
    i = j + 1;
  }
  return out.join(',');
}

function packageDir(pkg: string): string {
  return dirname(require.resolve(`@fontsource/${pkg}/package.json`));
}

const CACHE_DIR = join(tmpdir(), 'habarshy-fonts');

/** Subsetting is deterministic: the result is kept on disk under a hash of its inputs. */
async function cut(source: Buffer, keep: string): Promise<Buffer> {
  const key = createHash('sha1').update(source).update('\0').update(keep).update('\0subset-font-2.9.0').digest('hex');
  const cached = join(CACHE_DIR, `${key}.woff2`);
  try {
    return readFileSync(cached);
  } catch {
    // Not cut yet.
  }
  const out = await subsetFont(source, keep, { targetFormat: 'woff2' });
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${cached}.${process.pid}.tmp`;
    writeFileSync(tmp, out);
    renameSync(tmp, cached);
  } catch {
    // A read-only temp folder only costs the next start the same second.
  }
  return out;
}

let loading: Promise<SiteFonts> | null = null;

/** Loads (once per process) the font files and their `@font-face` rules. */
export function loadSiteFonts(): Promise<SiteFonts> {
  loading ??= build();
  return loading;
}

async function build(): Promise<SiteFonts> {
  const files: FontFile[] = [];
  const rules: string[] = [];
  const urls = new Map<string, string>();
  for (const face of FACES) {
    const dir = packageDir(face.pkg);
    const ranges = JSON.parse(readFileSync(join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
    for (const part of face.parts) {
      const name = `${face.pkg}-${part.subset}-${face.weight}`;
      const source = readFileSync(join(dir, 'files', `${face.pkg}-${part.subset}-${face.weight}-normal.woff2`));
      const body = part.keep === undefined ? source : await cut(source, part.keep);
      const range = part.keep === undefined ? ranges[part.subset] : unicodeRange(part.keep);
      if (range === undefined) throw new Error(`@fontsource/${face.pkg} has no ${part.subset} range`);
      const hash = createHash('sha1').update(body).digest('hex').slice(0, 10);
      const url = `/assets/fonts/${name}.${hash}.woff2`;
      files.push({ url, body });
      urls.set(name, url);
      rules.push(
        `@font-face{font-family:"${face.family}";font-style:normal;font-weight:${face.weight};font-display:swap;src:url(${url}) format("woff2");unicode-range:${range}}`,
      );
    }
  }
  const preload = Object.fromEntries(
    Object.entries(PRELOAD).map(([script, names]) => [
      script,
      names.map((n) => {
        const url = urls.get(n);
        if (url === undefined) throw new Error(`no font file ${n}`);
        return url;
      }),
    ]),
  ) as Record<FontScript, string[]>;
  return { files, css: rules.join('\n') + '\n', preload };
}

/** The script whose fonts a page in this language tag uses (`kk-Arab` → Arab, `ru` → Cyrl). */
export function fontScriptOf(lang: string): FontScript {
  if (/-Arab\b/.test(lang)) return 'Arab';
  if (/^zh\b/.test(lang)) return 'Hans';
  if (/-Latn\b/.test(lang) || /^en\b/.test(lang)) return 'Latn';
  return 'Cyrl';
}
