// The three-way block merge of the newsroom's merge view (src/content/bodyMerge.ts): blocks of mine
// and theirs aligned with the base, sensible defaults, and a merged body built from the choices —
// paragraphs never run together, marks and links kept through an edit, Kazakh text throughout.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Block } from '../../src/content/body.ts';
import {
  alignBodies,
  defaultChoice,
  editBasis,
  editedBlock,
  mergedBlocks,
  retext,
  type BlockChoice,
  type MergeItem,
} from '../../src/content/bodyMerge.ts';

const p = (text: string): Block => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const words = (b: Block) => ('content' in b ? b.content.map((x) => x.text).join('') : b.type);
const shape = (items: MergeItem[]) =>
  items.map((i) =>
    i.kind === 'same'
      ? `same:${words(i.block)}`
      : i.kind === 'added'
        ? `added-${i.side}:${words(i.block)}`
        : `changed-${i.changedBy}:${i.mine ? words(i.mine) : '∅'}|${i.theirs ? words(i.theirs) : '∅'}`,
  );

const P1 = 'Астанада жастар форумы басталды.';
const P2 = 'Форум үш күнге созылады және оған мыңнан астам адам қатысады.';
const P3 = 'Қатысушылар өз жобаларын таныстырады.';
const P4 = 'Форумның соңында үздік жобалар марапатталады.';
const base = [p(P1), p(P2), p(P3), p(P4)];

test('different paragraphs changed on each side: each side’s change is taken, nothing else asked', () => {
  const mine = [p(P1), p('Форум үш күнге созылады және оған екі мыңнан астам адам қатысады.'), p(P3), p(P4)];
  const theirs = [p(P1), p(P2), p(P3), p('Форумның соңында үздік үш жоба марапатталады.')];
  const { items, limited } = alignBodies(base, mine, theirs);
  assert.equal(limited, false);
  assert.deepEqual(shape(items), [
    `same:${P1}`,
    `changed-mine:Форум үш күнге созылады және оған екі мыңнан астам адам қатысады.|${P2}`,
    `same:${P3}`,
    `changed-theirs:${P4}|Форумның соңында үздік үш жоба марапатталады.`,
  ]);
  assert.deepEqual(items.map(defaultChoice), [null, { take: 'mine' }, null, { take: 'theirs' }]);
  const merged = mergedBlocks(items, items.map(defaultChoice));
  assert.deepEqual(merged.map(words), [
    P1,
    'Форум үш күнге созылады және оған екі мыңнан астам адам қатысады.',
    P3,
    'Форумның соңында үздік үш жоба марапатталады.',
  ]);
});

test('the same paragraph changed on both sides is a conflict that defaults to mine', () => {
  const mine = [p(P1), p(P2), p('Қатысушылар өз жобаларын қазылар алқасына таныстырады.'), p(P4)];
  const theirs = [p(P1), p(P2), p('Қатысушылар жобаларын көрмеде таныстырады.'), p(P4)];
  const { items } = alignBodies(base, mine, theirs);
  const changed = items.filter((i) => i.kind === 'changed');
  assert.equal(changed.length, 1);
  assert.equal(changed[0]!.kind === 'changed' && changed[0]!.conflict, true);
  assert.deepEqual(defaultChoice(changed[0]!), { take: 'mine' });
  const choices = items.map((i) => (i.kind === 'changed' ? ({ take: 'theirs' } as BlockChoice) : defaultChoice(i)));
  assert.deepEqual(mergedBlocks(items, choices).map(words), [P1, P2, 'Қатысушылар жобаларын көрмеде таныстырады.', P4]);
});

test('a block added on one side is offered in its place; dropping it leaves it out', () => {
  const added: Block = { type: 'quote', content: [{ type: 'text', text: 'Жастар — еліміздің болашағы.' }], cite: 'Министр' };
  const mine = [p(P1), p(P2), added, p(P3), p(P4)];
  const theirs = [p(P1), p(P2), p(P3), p(P4), p('Соңғы жаңалық.')];
  const { items } = alignBodies(base, mine, theirs);
  assert.deepEqual(shape(items), [
    `same:${P1}`,
    `same:${P2}`,
    'added-mine:Жастар — еліміздің болашағы.',
    `same:${P3}`,
    `same:${P4}`,
    'added-theirs:Соңғы жаңалық.',
  ]);
  assert.deepEqual(mergedBlocks(items, items.map(defaultChoice)).length, 6);
  const dropMine = items.map((i) => (i.kind === 'added' && i.side === 'mine' ? ({ take: 'drop' } as BlockChoice) : defaultChoice(i)));
  assert.deepEqual(mergedBlocks(items, dropMine).map(words), [P1, P2, P3, P4, 'Соңғы жаңалық.']);
});

test('a paragraph inserted before one I changed does not take the changed one’s place', () => {
  const mine = [p(P1), p('Жаңа абзац: ұйымдастырушылар баспасөз мәслихатын өткізді.'), p(P2 + ' Тіркеу ашық.'), p(P3), p(P4)];
  const { items } = alignBodies(base, mine, base);
  assert.deepEqual(shape(items), [
    `same:${P1}`,
    'added-mine:Жаңа абзац: ұйымдастырушылар баспасөз мәслихатын өткізді.',
    `changed-mine:${P2} Тіркеу ашық.|${P2}`,
    `same:${P3}`,
    `same:${P4}`,
  ]);
});

test('a block removed on one side and left alone on the other: the removal is the default, the other can bring it back', () => {
  const mine = [p(P1), p(P2), p(P4)];
  const { items } = alignBodies(base, mine, base);
  const removed = items.find((i) => i.kind === 'changed');
  assert.ok(removed && removed.kind === 'changed' && removed.mine === null && removed.changedBy === 'mine');
  assert.deepEqual(mergedBlocks(items, items.map(defaultChoice)).map(words), [P1, P2, P4]);
  const back = items.map((i) => (i.kind === 'changed' ? ({ take: 'theirs' } as BlockChoice) : null));
  assert.deepEqual(mergedBlocks(items, back).map(words), [P1, P2, P3, P4]);
});

test('the same change on both sides, and the same block added on both sides, are not asked about', () => {
  const both = [p(P1), p(P2 + ' Өзгеріс.'), p(P3), p(P4), p('Екеуі де қосты.')];
  const { items } = alignBodies(base, both, both);
  assert.ok(items.every((i) => i.kind === 'same'));
  assert.equal(mergedBlocks(items, []).length, 5);
});

test('blocks equal but for key order or undefined attributes are the same block', () => {
  const a: Block = { type: 'quote', content: [{ type: 'text', text: P1 }], cite: 'Ол' };
  const b = { cite: 'Ол', content: [{ text: P1, type: 'text' }], type: 'quote', lang: undefined } as unknown as Block;
  const { items } = alignBodies([a], [b], [a]);
  assert.deepEqual(shape(items), [`same:${P1}`]);
});

test('photos and embeds pair with their own kind, never with text', () => {
  const photo: Block = { type: 'image', assetId: 4, caption: 'Форумның ашылуы', credit: 'Habarshy' };
  const base2 = [p(P1), photo];
  const mine = [p(P1), { ...photo, caption: 'Форумның салтанатты ашылуы' }];
  const theirs = [p(P1), { ...photo, credit: 'ҚазАқпарат' }];
  const { items } = alignBodies(base2, mine, theirs);
  assert.equal(items.length, 2);
  const changed = items[1]!;
  assert.ok(changed.kind === 'changed' && changed.conflict);
});

test('an edit keeps the marks and links of the words it keeps', () => {
  const inlines = [
    { type: 'text' as const, text: 'Толығырақ ' },
    { type: 'text' as const, text: 'Ақорда сайтында', href: 'https://akorda.kz/kz' },
    { type: 'text' as const, text: ' оқыңыз.', marks: ['bold' as const] },
  ];
  assert.deepEqual(retext(inlines, 'Толығырақ ақпаратты Ақорда сайтында оқыңыз!'), [
    { type: 'text', text: 'Толығырақ ақпаратты ' },
    { type: 'text', text: 'Ақорда сайтында', href: 'https://akorda.kz/kz' },
    { type: 'text', text: ' оқыңыз!', marks: ['bold'] },
  ]);
});

test('an edited list keeps one item per line; an edited quote has its own attribution', () => {
  const list: Block = {
    type: 'list',
    ordered: false,
    items: [[{ type: 'text', text: 'бірінші' }], [{ type: 'text', text: 'екінші' }]],
  };
  const edited = editedBlock(list, 'бірінші жол\nекінші\n\nүшінші');
  assert.deepEqual(edited, {
    type: 'list',
    ordered: false,
    items: [[{ type: 'text', text: 'бірінші жол' }], [{ type: 'text', text: 'екінші' }], [{ type: 'text', text: 'үшінші' }]],
  });
  const quote: Block = { type: 'quote', content: [{ type: 'text', text: 'Сөз.' }], cite: 'Бірі' };
  assert.deepEqual(editedBlock(quote, 'Жаңа сөз.', 'Екіншісі'), {
    type: 'quote',
    content: [{ type: 'text', text: 'Жаңа сөз.' }],
    cite: 'Екіншісі',
  });
  assert.deepEqual(editedBlock(quote, 'Сөз.', ' '), { type: 'quote', content: [{ type: 'text', text: 'Сөз.' }] });
});

test('an edit choice builds the block from mine (from theirs when I removed it)', () => {
  const mine = [p(P1), p(P2), p('Менің нұсқам.'), p(P4)];
  const theirs = [p(P1), p(P2), p('Олардың нұсқасы.'), p(P4)];
  const { items } = alignBodies(base, mine, theirs);
  const choices = items.map((i) => (i.kind === 'changed' ? ({ take: 'edit', text: 'Біріктірілген мәтін.' } as BlockChoice) : null));
  // Low similarity: "Менің нұсқам." does not pair with P3, so it is removed + added.
  const merged = mergedBlocks(items, choices).map(words);
  assert.ok(merged.includes(P1) && merged.includes(P4));
  const { items: paired } = alignBodies(base, [p(P1), p(P2), p(P3 + ' Менікі.'), p(P4)], [p(P1), p(P2), p(P3 + ' Олардікі.'), p(P4)]);
  const edit = paired.map((i) => (i.kind === 'changed' ? ({ take: 'edit', text: 'Біріктірілген мәтін.' } as BlockChoice) : null));
  assert.deepEqual(mergedBlocks(paired, edit).map(words), [P1, P2, 'Біріктірілген мәтін.', P4]);
});

test('a photo or an embed is taken whole: mine or theirs, no edited text', () => {
  const photo: Block = { type: 'image', assetId: 4, caption: 'Форумның ашылуы' };
  const { items } = alignBodies([photo], [{ ...photo, caption: 'Менің жазуым' }], [{ ...photo, caption: 'Олардың жазуы' }]);
  const item = items[0]!;
  assert.ok(item.kind === 'changed');
  assert.equal(editBasis(item), null);
  assert.deepEqual(mergedBlocks(items, [{ take: 'theirs' }]), [{ ...photo, caption: 'Олардың жазуы' }]);
});

test('past the time budget the blocks are still paired by their words, and the merge says it was limited', () => {
  const mine = [p(P1), p(P2 + ' Менікі.'), p(P3), p(P4)];
  const theirs = [p(P1), p(P2), p(P3), p(P4 + ' Олардікі.')];
  const { items, limited } = alignBodies(base, mine, theirs, 0);
  assert.equal(limited, true);
  assert.deepEqual(mergedBlocks(items, items.map(defaultChoice)).map(words), [P1, P2 + ' Менікі.', P3, P4 + ' Олардікі.']);
});
