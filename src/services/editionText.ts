// Every text a reader sees goes through here: written editions unchanged, derived editions
// converted from their source edition's script. UI strings and dates included.
import {
  DERIVED_EDITIONS,
  EDITIONS,
  type DerivedEdition,
  type Edition,
  type EditionCode,
  type WrittenEditionCode,
} from '../editions/editions.ts';
import type { UiStrings } from '../editions/uiStrings.ts';
import { WRITTEN_STRINGS } from '../editions/strings/all.ts';
import { formatDateTime, formatDay, type DateStyle } from '../content/dates.ts';
import { createConverter } from '../script/converter.ts';
import type { Converter, Lexicon } from '../script/types.ts';
import type { Block, Inline } from '../content/body.ts';

export interface EditionText {
  readonly edition: Edition;
  readonly written: WrittenEditionCode;
  readonly strings: UiStrings;
  /** Converts a text of the source edition into this edition's script (identity for written ones). */
  readonly tx: (text: string) => string;
  readonly dateTime: (when: Date) => string;
  readonly day: (when: Date) => string;
  readonly converter: Converter | null;
}

const identity = (s: string) => s;

function convertStrings(strings: UiStrings, tx: (s: string) => string): UiStrings {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(strings)) {
    // Placeholders stay as they are: convert the text between them only.
    out[key] = value
      .split(/(\{\w+\})/)
      .map((part: string) => (/^\{\w+\}$/.test(part) ? part : tx(part)))
      .join('');
  }
  return out as unknown as UiStrings;
}

function build(code: EditionCode, timeZone: string, lexicons: ReadonlyMap<string, Lexicon>): EditionText {
  const edition: Edition = EDITIONS[code];
  const written = edition.kind === 'derived' ? edition.source : edition.code;
  const style: DateStyle = { locale: edition.intlLocale, order: edition.dateOrder, timeZone };
  let converter: Converter | null = null;
  let tx = identity;
  if (edition.kind === 'derived') {
    const d: DerivedEdition = edition;
    const lexicon = lexicons.get(d.scheme);
    converter = createConverter({ from: d.from, to: d.to, scheme: d.scheme, ...(lexicon ? { lexicon } : {}) });
    const c = converter;
    tx = (text: string) => (text ? c.convert(text) : text);
  }
  return {
    edition,
    written,
    converter,
    tx,
    strings: convertStrings(WRITTEN_STRINGS[written], tx),
    dateTime: (when) => tx(formatDateTime(when, style)),
    day: (when) => tx(formatDay(when, style)),
  };
}

/** The text pipelines of all editions, rebuilt when the lexicon changes. */
export class EditionTexts {
  private byCode = new Map<EditionCode, EditionText>();

  constructor(
    private readonly timeZone: string,
    lexicons: ReadonlyMap<string, Lexicon> = new Map(),
  ) {
    this.rebuild(lexicons);
  }

  rebuild(lexicons: ReadonlyMap<string, Lexicon>): void {
    const next = new Map<EditionCode, EditionText>();
    for (const code of Object.keys(EDITIONS) as EditionCode[]) next.set(code, build(code, this.timeZone, lexicons));
    this.byCode = next;
  }

  get(code: EditionCode): EditionText {
    return this.byCode.get(code)!;
  }

  /** Schemes the derived editions use (to load their lexicons). */
  static schemes(): string[] {
    return [
      ...new Set(
        DERIVED_EDITIONS.map((c) => {
          const e = EDITIONS[c];
          return e.kind === 'derived' ? e.scheme : '';
        }).filter(Boolean),
      ),
    ];
  }
}

/** Runs marked with another language (`lang`) keep their script: only the article's language is converted. */
function txInlines(xs: readonly Inline[], tx: (s: string) => string): Inline[] {
  return xs.map((x) => (x.lang ? x : { ...x, text: tx(x.text) }));
}

/** Converts the text nodes of body blocks; URLs, ids and structure are untouched. */
export function convertBlocks(blocks: readonly Block[], tx: (s: string) => string): Block[] {
  if (tx === identity) return blocks as Block[];
  return blocks.map((b): Block => {
    switch (b.type) {
      case 'paragraph':
        return { ...b, content: txInlines(b.content, tx) };
      case 'heading':
        return { ...b, content: txInlines(b.content, tx) };
      case 'quote':
        return { ...b, content: b.lang ? b.content : txInlines(b.content, tx), ...(b.cite !== undefined ? { cite: tx(b.cite) } : {}) };
      case 'list':
        return { ...b, items: b.items.map((i) => txInlines(i, tx)) };
      case 'table':
        return { ...b, rows: b.rows.map((r) => r.map((c) => txInlines(c, tx))) };
      case 'image':
        return {
          ...b,
          ...(b.caption !== undefined ? { caption: tx(b.caption) } : {}),
          ...(b.credit !== undefined ? { credit: tx(b.credit) } : {}),
          ...(b.alt !== undefined ? { alt: tx(b.alt) } : {}),
        };
      case 'gallery':
        return {
          ...b,
          items: b.items.map((i) => ({
            ...i,
            ...(i.caption !== undefined ? { caption: tx(i.caption) } : {}),
            ...(i.credit !== undefined ? { credit: tx(i.credit) } : {}),
            ...(i.alt !== undefined ? { alt: tx(i.alt) } : {}),
          })),
        };
      case 'embed':
      case 'divider':
        return b;
    }
  });
}
