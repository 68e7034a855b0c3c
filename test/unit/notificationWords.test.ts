// What a notification says happened, shared by the newsroom's list and the e-mail copy: every
// interface language has every kind, with the actor's name where English has it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NOTIFICATION_WORDS, notificationWhat } from '../../src/content/notificationWords.ts';
import { UI_LANGS } from '../../src/editions/editions.ts';

test('every interface language words every kind, translated, with {name} where English has it', () => {
  assert.deepEqual(Object.keys(NOTIFICATION_WORDS).sort(), [...UI_LANGS].sort());
  const en = NOTIFICATION_WORDS.en;
  for (const lang of UI_LANGS.filter((l) => l !== 'en')) {
    const words = NOTIFICATION_WORDS[lang];
    assert.deepEqual(Object.keys(words).sort(), Object.keys(en).sort(), lang);
    for (const [kind, text] of Object.entries(en)) {
      const other = words[kind as keyof typeof en];
      assert.equal(other.includes('{name}'), text.includes('{name}'), `${lang} ${kind}`);
      assert.notEqual(other, text, `${lang} ${kind} is translated`);
    }
  }
});

test('who did what: the scheduler publishes without a name; a removed user is a dash', () => {
  assert.equal(notificationWhat('returned', 'Айгүл', 'kz'), 'Айгүл мақалаңызды қайтарды');
  assert.equal(notificationWhat('published', null, 'ru'), 'Ваша запланированная статья опубликована');
  assert.equal(notificationWhat('published', 'Samal', 'en'), 'Samal published your article');
  assert.equal(notificationWhat('mentioned', null, 'en'), '— mentioned you in a comment');
  assert.equal(notificationWhat('approved', 'Samal', 'de'), 'Samal approved your article', 'English for a language without words');
  // A name that looks like a placeholder stays as typed.
  assert.equal(notificationWhat('approved', '{name}$&', 'en'), '{name}$& approved your article');
});
