// Rules for plain text that people type: what may not reach another reader's screen.

/**
 * Bidirectional embedding, override and isolate controls: LRE, RLE, PDF, LRO, RLO (U+202A–U+202E)
 * and LRI, RLI, FSI, PDI (U+2066–U+2069). One of them in a name or a file name reverses the text
 * that follows it ("Trojan Source"; `invoice‮fdp.exe` shown as `invoiceexe.pdf`). Right-to-left
 * text needs none of them: the Unicode bidi algorithm orders Arabic-script words by itself, and
 * the pages isolate user text with `dir="auto"`/`<bdi>` where it meets other text. The implicit
 * marks LRM, RLM and ALM (U+200E, U+200F, U+061C) change no order beyond their neighbours and stay.
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Whether the text holds any of them. */
export function hasBidiControls(text: string): boolean {
  return /[\u202A-\u202E\u2066-\u2069]/.test(text);
}

/** The text without bidi embedding, override and isolate controls. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** The same for an optional value (null and undefined pass through). */
export function stripBidiOptional<T extends string | null | undefined>(text: T): T {
  return (typeof text === 'string' ? stripBidiControls(text) : text) as T;
}

/** A shallow copy with the named text fields stripped of bidi controls (absent ones stay absent). */
export function stripBidiFields<T extends object>(value: T, fields: readonly (keyof T)[]): T {
  const out = { ...value };
  for (const field of fields) {
    const v = out[field];
    if (typeof v === 'string') out[field] = stripBidiControls(v) as T[keyof T];
  }
  return out;
}

/**
 * Characters no text of ours may hold: C0 controls other than tab, line feed and carriage return
 * (NUL among them), DEL, U+FFFE and U+FFFF, and lone surrogate halves. None is visible or typed;
 * PostgreSQL refuses NUL in text (the request failed with a 500), XML 1.0 cannot carry the C0
 * ones nor U+FFFE/U+FFFF (the feeds and sitemaps dropped them, so they differed from the stored
 * text), and a lone surrogate is not UTF-8 (stored as U+FFFD, silently). Tab and the line breaks
 * are ordinary white space and stay.
 */
export const CONTROL_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Whether the text holds any of them. */
export function hasControlCharacters(text: string): boolean {
  return ANY_CONTROL_CHARACTER.test(text);
}
const ANY_CONTROL_CHARACTER = new RegExp(CONTROL_CHARACTERS.source);

/** The text without them (for input that is cleaned rather than refused: a reader's search). */
export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

/**
 * Where in a value (a parsed JSON body, a query string, route parameters) a string — or an object
 * key — holds a control character: its path (`/texts/en/caption`), or null when there is none.
 */
export function findControlCharacters(value: unknown, path = ''): string | null {
  // Walked with a stack of its own, not by recursion: a body nested thousands of levels deep is
  // refused by the route that reads it (400), never by a stack overflow here (a 500). Paths are
  // kept as parent links and spelled out only for the one value found.
  interface Node {
    readonly value: unknown;
    readonly key: string;
    readonly parent: Node | null;
  }
  const spell = (node: Node | null, last = ''): string => {
    const keys: string[] = last ? [last] : [];
    for (let n = node; n !== null; n = n.parent) if (n.parent !== null) keys.push(n.key);
    return (
      `${path}${keys
        .reverse()
        .map((k) => `/${k}`)
        .join('')}` || '/'
    );
  };
  const pending: Node[] = [{ value, key: '', parent: null }];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    const v = node.value;
    if (typeof v === 'string') {
      if (hasControlCharacters(v)) return spell(node);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) pending.push({ value: v[i], key: String(i), parent: node });
    } else if (typeof v === 'object' && v !== null && !ArrayBuffer.isView(v)) {
      const entries = Object.entries(v);
      for (const [k] of entries) {
        if (hasControlCharacters(k)) return spell(node, k.replace(CONTROL_CHARACTERS, '?'));
      }
      for (let i = entries.length - 1; i >= 0; i--) pending.push({ value: entries[i]![1], key: entries[i]![0], parent: node });
    }
  }
  return null;
}
