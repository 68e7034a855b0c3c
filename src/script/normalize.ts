// Input normalisation (scripts.md §0, §5.1): NFC, and look-alike letters typed in the other script.
// Soft hyphens are skipped by the converter loop itself so that report offsets stay exact.

/** NFC, the only normal form the tables are written for. */
export function normalizeInput(text: string): string {
  return text.normalize('NFC');
}

function table(pairs: string, size: number, base: number): Uint16Array {
  const t = new Uint16Array(size);
  const chars = [...pairs];
  for (let i = 0; i + 1 < chars.length; i += 2) t[chars[i]!.charCodeAt(0) - base] = chars[i + 1]!.charCodeAt(0);
  return t;
}

/**
 * Latin letter → Cyrillic twin, used inside words that are otherwise Cyrillic ("cентябрь" with a
 * Latin c, Kazakh government texts with a Latin i, ə typed for ә). Index: code point (< U+0260).
 */
export const LATIN_TO_CYRILLIC: Uint16Array = table('aаcсeеiіoоpрxхyуhһəәAАBВCСEЕHНIІKКMМOОPРTТXХYУƏӘ', 0x260, 0);

/**
 * Cyrillic letter → Latin twin, used inside words that are otherwise Latin (smartnews
 * "ákіmderіne", "Respublikаsi"). Index: code point − U+0400.
 */
export const CYRILLIC_TO_LATIN: Uint16Array = table('аaеeоoрpсcхxіiуyһhјjѕsАAВBЕEКKМMНHОOРPСCТTХXІIЈJЅS', 0x130, 0x400);

/** U+0301 COMBINING ACUTE ACCENT: Egemen writes Latin Ó as Cyrillic О + U+0301. */
export const COMBINING_ACUTE = 0x0301;
