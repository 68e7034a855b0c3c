// The e-mail copy of a notification: every interface language has every key with the same
// {placeholders}; the subject is one line whatever the headline holds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NOTIFICATION_MAIL_STRINGS, notificationMail } from '../../src/services/newsroom/notificationMailText.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

for (const lang of ['kz', 'ru'] as const) {
  test(`notification mail strings in ${lang}: every key, the same placeholders, translated`, () => {
    const en = NOTIFICATION_MAIL_STRINGS.en;
    const other = NOTIFICATION_MAIL_STRINGS[lang];
    assert.deepEqual(Object.keys(other).sort(), Object.keys(en).sort());
    for (const [key, value] of Object.entries(en)) {
      assert.deepEqual(placeholders(other[key as keyof typeof en]), placeholders(value), key);
      assert.notEqual(other[key as keyof typeof en], value, `${key} is translated`);
    }
  });
}

test('subject and body: who did what, the headline, the text, the link; one-line subject', () => {
  const cases = [
    {
      input: {
        kind: 'returned' as const,
        actorName: 'Samal',
        headline: 'New park',
        text: 'Add a source',
        url: 'https://x.kz/newsroom/articles/7',
      },
      subject: 'Samal returned your article: New park',
      body: [
        'Samal returned your article.',
        '“New park”',
        'Comment:\nAdd a source',
        'Open it in the newsroom: https://x.kz/newsroom/articles/7',
      ],
    },
    {
      input: { kind: 'published' as const, actorName: null, headline: 'Budget', text: '', url: 'https://x.kz/newsroom/articles/8' },
      subject: 'Your scheduled article was published: Budget',
      body: ['Your scheduled article was published.'],
    },
    {
      input: {
        kind: 'assigned' as const,
        actorName: 'Samal',
        headline: 'Line\r\nBcc: a@b.c\u2028x',
        text: 'Call them',
        url: 'https://x.kz/newsroom/work',
      },
      subject: 'Samal assigned you a story: Line Bcc: a@b.c x',
      body: ['Note:\nCall them'],
    },
  ];
  for (const c of cases) {
    const mail = notificationMail(c.input, 'en');
    assert.equal(mail.subject, c.subject);
    for (const part of c.body) assert.ok(mail.text.includes(part), `${part} in ${mail.text}`);
  }
  const long = notificationMail({ kind: 'approved', actorName: 'A', headline: 'x'.repeat(500), text: '', url: 'u' }, 'ru');
  assert.ok(long.subject.length <= 200 && long.subject.endsWith('…'));
});
