// The revision comparison (src/services/newsroom/diff.ts): block by block, then word by word, with
// what the words alone hide — link targets, marks, photos, embeds — shown as changes of their own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Block } from '../../src/content/body.ts';
import { MAX_EDIT_LENGTH, revisionDiff, type BodyChange } from '../../src/content/diff.ts';

const body = (...blocks: Block[]) => JSON.stringify({ version: 1, blocks });
const p = (...content: { text: string; href?: string; marks?: ('bold' | 'italic')[] }[]): Block => ({
  type: 'paragraph',
  content: content.map((c) => ({ type: 'text', ...c })),
});
const rev = (blocks: Block[], extra: Record<string, unknown> = {}) => ({
  headline: 'Тақырып',
  lead: 'Лид',
  body: body(...blocks),
  ...extra,
});
const summary = (c: BodyChange) => `${c.kind}:${c.op}:${c.field ?? ''}:${c.text}:${c.before}→${c.after}`;

test('a swapped link target is a change of its own, though the words are the same', () => {
  const before = rev([p({ text: 'Толығырақ ' }, { text: 'Ақорда сайтында', href: 'https://akorda.kz/ru/news' }, { text: ' оқыңыз.' })]);
  const after = rev([
    p({ text: 'Толығырақ ' }, { text: 'Ақорда сайтында', href: 'https://akorda.kz.evil.example/ru/news' }, { text: ' оқыңыз.' }),
  ]);
  const d = revisionDiff(before, after);
  assert.deepEqual(d.changes.map(summary), [
    'link:changed::Ақорда сайтында:https://akorda.kz/ru/news→https://akorda.kz.evil.example/ru/news',
  ]);
  assert.ok(
    d.fields.find((f) => f.field === 'body')!.parts.every((part) => part.op === 'eq'),
    'the words did not change',
  );
  assert.equal(d.limited, false);
});

test('links added and removed, marks changed, on text that stays', () => {
  const before = rev([p({ text: 'Бір екі үш төрт' }), p({ text: 'сілтеме', href: '/kz/news/a-a1b2c3' }, { text: ' мұнда' })]);
  const after = rev([
    p({ text: 'Бір ' }, { text: 'екі үш', marks: ['bold'] }, { text: ' төрт' }),
    p({ text: 'сілтеме мұнда' }, { text: ' жаңа', href: 'https://akorda.kz/' }),
  ]);
  assert.deepEqual(revisionDiff(before, after).changes.map(summary).sort(), [
    'link:added::жаңа:→https://akorda.kz/',
    'link:removed::сілтеме:/kz/news/a-a1b2c3→',
    'marks:added::екі үш:→bold',
  ]);
});

test('photos and embeds: added, removed, and a changed photo, caption or address', () => {
  const before = rev([
    p({ text: 'Мәтін' }),
    { type: 'image', assetId: 3, caption: 'Ескі жазу', credit: 'Фото: Ақорда' },
    { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=a' },
    { type: 'image', assetId: 9 },
  ]);
  const after = rev([
    p({ text: 'Мәтін' }),
    { type: 'image', assetId: 4, caption: 'Жаңа жазу', credit: 'Фото: Ақорда' },
    { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=b' },
    { type: 'embed', provider: 'telegram', url: 'https://t.me/akorda_press/1' },
  ]);
  assert.deepEqual(revisionDiff(before, after).changes.map(summary), [
    'image:changed:photo:Жаңа жазу:#3→#4',
    'image:changed:caption:Жаңа жазу:Ескі жазу→Жаңа жазу',
    'embed:changed:url:https://www.youtube.com/watch?v=b:https://www.youtube.com/watch?v=a→https://www.youtube.com/watch?v=b',
    'image:removed:::#9→',
    'embed:added::https://t.me/akorda_press/1:→telegram: https://t.me/akorda_press/1',
  ]);
});

test('unchanged blocks are matched whole; words are compared only inside the blocks that changed', () => {
  const paragraphs = Array.from({ length: 50 }, (_, i) => p({ text: `Абзац ${i} мәтіні осында.` }));
  const changed = paragraphs.map((b, i) => (i === 25 ? p({ text: 'Абзац 25 жаңа мәтіні осында.' }) : b));
  const parts = revisionDiff(rev(paragraphs), rev([p({ text: 'Кіріспе.' }), ...changed])).fields.find((f) => f.field === 'body')!.parts;
  assert.deepEqual(
    parts.filter((x) => x.op !== 'eq').map((x) => `${x.op}:${x.text}`),
    ['ins:Кіріспе.', 'ins:жаңа '],
  );
});

test('a text past the edit-length cap is shown whole instead of word by word, and the answer says so', () => {
  const many = (seed: string) => Array.from({ length: MAX_EDIT_LENGTH }, (_, i) => `${seed}${i}`).join(' ');
  const d = revisionDiff(rev([p({ text: many('а') })]), rev([p({ text: many('б') })]));
  const parts = d.fields.find((f) => f.field === 'body')!.parts;
  assert.equal(d.limited, true);
  assert.deepEqual(
    parts.map((x) => x.op),
    ['del', 'ins'],
  );
  assert.equal(parts[1]!.text, many('б'));
});
