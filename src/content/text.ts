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
