// @mentions in a comment: "@" followed by the full name of an active user (the longest that fits,
// case-insensitive) and then a non-letter. Anything else after "@" is plain text.

export interface Person {
  readonly id: number;
  readonly name: string;
}

const WORD = /[\p{L}\p{N}_]/u;

/** The people a text mentions, in order of first mention, each once. */
export function findMentions(text: string, people: readonly Person[]): Person[] {
  const found = new Map<number, Person>();
  const lower = text.toLowerCase();
  const candidates = people
    .filter((p) => p.name.trim() !== '')
    .map((p) => ({ person: p, key: p.name.toLowerCase() }))
    .sort((a, b) => b.key.length - a.key.length);
  for (let at = lower.indexOf('@'); at !== -1; at = lower.indexOf('@', at + 1)) {
    if (at > 0 && WORD.test(lower[at - 1]!)) continue; // an e-mail address, not a mention
    const rest = lower.slice(at + 1);
    const hit = candidates.find(({ key }) => rest.startsWith(key) && !WORD.test(rest.charAt(key.length)));
    if (hit && !found.has(hit.person.id)) found.set(hit.person.id, hit.person);
  }
  return [...found.values()];
}
