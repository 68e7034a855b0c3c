// The editor's draft state (src/newsroom-ui/editor/draftState.ts): typing, saving while typing,
// a server that normalises a field, autosave offers, conflicts and panels, as the screen sees them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changedFields, draftReducer, initialDraft, type DraftAction, type DraftState } from '../../src/newsroom-ui/editor/draftState.ts';
import type { Article } from '../../src/newsroom-ui/editor/types.ts';

function article(over: Partial<Article> = {}): Article {
  return {
    id: 7,
    publicId: 'a7',
    storyId: 3,
    edition: 'kz',
    status: 'draft',
    revision: 1,
    headline: 'Ескі тақырып',
    lead: 'Лид',
    body: { version: 1, blocks: [] },
    sectionId: null,
    tagIds: [],
    authorIds: [],
    sourceLine: '',
    slug: 'eski',
    seoTitle: '',
    seoDescription: '',
    breaking: false,
    pinned: false,
    heroAssetId: null,
    correctionNote: '',
    scheduledAt: null,
    embargo: false,
    publishedAt: null,
    updatedAt: null,
    createdAt: '2026-01-01T00:00:00Z',
    modifiedAt: '2026-01-01T00:00:00Z',
    createdBy: null,
    translatedFrom: null,
    url: null,
    previewUrl: '/newsroom/preview/7',
    allowed: ['edit'],
    autosave: null,
    ...over,
  };
}

const run = (state: DraftState, ...actions: DraftAction[]) => actions.reduce(draftReducer, state);

test('typing changes the working copy only, and the changed fields are exactly those typed', () => {
  const s = run(initialDraft(article(), null), { type: 'edit', patch: { headline: 'Жаңа' } }, { type: 'edit', patch: { pinned: true } });
  assert.equal(s.fields.headline, 'Жаңа');
  assert.equal(s.base.headline, 'Ескі тақырып');
  assert.deepEqual(changedFields(s.base, s.fields), { headline: 'Жаңа', pinned: true });
  assert.equal(changedFields(initialDraft(article(), null).base, initialDraft(article(), null).fields), null);
});

test('a save answer keeps what was typed while it was on its way and takes the server value of the rest', () => {
  const typed = run(initialDraft(article(), null), { type: 'edit', patch: { headline: 'Бірінші', slug: 'Bad Slug' } });
  const sent = typed.fields;
  const later = run(typed, { type: 'edit', patch: { headline: 'Бірінші және екінші' } });
  const saved = article({ revision: 2, headline: 'Бірінші', slug: 'bad-slug' });
  const s = run(later, { type: 'accepted', saved, sent, message: { text: 'saved', error: false } });
  assert.equal(s.article.revision, 2);
  assert.equal(s.fields.headline, 'Бірінші және екінші', 'the words typed during the save are not lost');
  assert.equal(s.fields.slug, 'bad-slug', 'the normalised slug comes back');
  assert.equal(s.base.headline, 'Бірінші');
  assert.deepEqual(changedFields(s.base, s.fields), { headline: 'Бірінші және екінші' });
  assert.deepEqual(s.message, { text: 'saved', error: false });
});

test('a restored revision replaces the whole working copy', () => {
  const typed = run(initialDraft(article(), null), { type: 'edit', patch: { lead: 'ұмытылады' } });
  const restored = article({ revision: 5, lead: 'Қалпына келген', heroAssetId: 9, tagIds: [4] });
  const s = run(typed, { type: 'accepted', saved: restored, sent: null });
  assert.equal(s.fields.lead, 'Қалпына келген');
  assert.equal(s.fields.heroAssetId, 9);
  assert.equal(changedFields(s.base, s.fields), null);
});

test('an autosave offer, once applied, becomes unsaved changes; dismissed, it leaves the copy alone', () => {
  const offer = { baseRevision: 1, savedAt: '2026-01-02T00:00:00Z', data: { lead: 'Автосақтау' } };
  const applied = run(initialDraft(article(), offer), { type: 'applyOffer' });
  assert.equal(applied.offer, null);
  assert.deepEqual(changedFields(applied.base, applied.fields), { lead: 'Автосақтау' });
  const dismissed = run(initialDraft(article(), offer), { type: 'dismissOffer' });
  assert.equal(dismissed.offer, null);
  assert.equal(dismissed.fields.lead, 'Лид');
});

test('busy, message, conflict and panels', () => {
  let s = run(initialDraft(article(), null), { type: 'busy', busy: true, message: { text: 'Saving', error: false } });
  assert.equal(s.busy, true);
  s = run(s, { type: 'busy', busy: false });
  assert.equal(s.busy, false);
  assert.deepEqual(s.message, { text: 'Saving', error: false }, 'ending a request keeps its message');
  s = run(s, { type: 'conflict', current: article({ revision: 9 }) });
  assert.equal(s.conflict?.revision, 9);
  s = run(s, { type: 'conflict', current: null }, { type: 'panel', panel: 'revisions' });
  assert.equal(s.conflict, null);
  assert.equal(s.panel, 'revisions');
  assert.equal(run(s, { type: 'panel', panel: 'revisions' }).panel, null, 'the same button closes it');
  assert.equal(run(s, { type: 'panel', panel: 'help' }).panel, 'help');
});
