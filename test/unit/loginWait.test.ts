// What the newsroom's login screen says when a login must wait (429 with Retry-After), in kz, ru, en.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { waitMessage } from '../../src/newsroom-ui/screens/Login.tsx';
import { SHELL_STRINGS } from '../../src/newsroom-ui/strings.ts';

test('a slowed login says how long to wait, in seconds or minutes', () => {
  const cases: [lang: 'kz' | 'ru' | 'en', retryAfter: string | null, expected: string][] = [
    ['en', '30', 'Too many failed attempts from here. Try again in 30 s, or from a device you signed in with before.'],
    ['en', '900', 'Too many failed attempts from here. Try again in 15 min, or from a device you signed in with before.'],
    ['en', '121', 'Too many failed attempts from here. Try again in 3 min, or from a device you signed in with before.'],
    ['ru', '60', 'Слишком много неудачных попыток отсюда. Повторите через 60 с или войдите с устройства, с которого уже входили.'],
    ['kz', '240', 'Осы жерден сәтсіз әрекет тым көп. 4 минуттан кейін қайталаңыз немесе бұрын кірген құрылғыдан кіріңіз.'],
    ['en', null, 'Too many failed attempts. Try again later.'],
    ['en', 'soon', 'Too many failed attempts. Try again later.'],
  ];
  for (const [lang, retryAfter, expected] of cases)
    assert.equal(waitMessage(SHELL_STRINGS[lang], retryAfter), expected, `${lang} ${retryAfter}`);
});
