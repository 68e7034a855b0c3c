// The labels the site prints before a text itself ("Түзету: {note}", "Фото: {credit}"): typed into
// the text as well, they show twice ("Фото: Фото: ҚазАқпарат"). Pure functions shared by the
// newsroom service (which strips them on save) and the editor (which warns while typing).

/** `'Түзету: {note}'` → `['Түзету']`; `'Photo credit: {credit}'` → `['Photo credit', 'Photo']`. */
export function labelsOf(templates: readonly string[]): string[] {
  const out = new Set<string>();
  for (const template of templates) {
    const label = template
      .slice(0, template.indexOf('{'))
      .replace(/[\s:：]+$/u, '')
      .trim();
    if (!label) continue;
    out.add(label);
    const first = label.split(/\s+/)[0]!;
    if (first !== label) out.add(first);
  }
  return [...out].sort((a, b) => b.length - a.length);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function pattern(labels: readonly string[]): RegExp {
  return new RegExp(`^\\s*(${labels.map(escape).join('|')})\\s*[:：]\\s*`, 'iu');
}

/** The label the text starts with (as typed), or null. */
export function typedLabel(text: string, labels: readonly string[]): string | null {
  const m = labels.length ? pattern(labels).exec(text) : null;
  return m ? m[1]! : null;
}

/** The text without the labels it starts with ("Фото: Фото: Ә" → "Ә"). */
export function stripTypedLabel(text: string, labels: readonly string[]): string {
  if (!labels.length) return text;
  const re = pattern(labels);
  let out = text;
  for (let m = re.exec(out); m && m[0].length > 0; m = re.exec(out)) out = out.slice(m[0].length);
  return out;
}
