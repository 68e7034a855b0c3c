// @mentions: the full name of a user after "@", the longest that fits, then a non-letter.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findMentions } from '../../src/services/newsroom/mentions.ts';

const people = [
  { id: 1, name: 'Айгүл Серікова' },
  { id: 2, name: 'Айгүл' },
  { id: 3, name: 'Daniyar Bekov' },
];

const cases: [string, string, number[]][] = [
  ['a full name with a space', '@Айгүл Серікова қараңызшы', [1]],
  ['the longest name that fits wins', '@Айгүл Серікова, @Айгүл', [1, 2]],
  ['case does not matter', 'ask @daniyar bekov.', [3]],
  ['a name must end at a non-letter', '@Daniyar Bekovich', []],
  ['an unknown name is plain text', '@Нұрлан көрсін', []],
  ['an e-mail address is not a mention', 'write to desk@Айгүл.kz', []],
  ['each person once', '@Айгүл and @Айгүл again', [2]],
  ['at the very end', 'thanks @Daniyar Bekov', [3]],
];

for (const [what, text, ids] of cases) {
  test(`mentions: ${what}`, () => {
    assert.deepEqual(
      findMentions(text, people).map((p) => p.id),
      ids,
    );
  });
}
