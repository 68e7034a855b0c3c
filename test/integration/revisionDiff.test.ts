// Comparing revisions through the newsroom API, on SQLite and PostgreSQL: a swapped link target is
// shown to the reviewer, and comparing two 16,000-word revisions keeps the process responsive
// (the comparison runs bounded, in a worker thread: /healthz answers meanwhile and the event loop
// is never held for long).
import assert from 'node:assert/strict';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { after, before, describe, test } from 'node:test';
import { bootSite, type TestSite } from '../support/site.ts';
import { aSection } from '../support/fixtures.ts';
import { signedIn, type Client } from '../support/newsroom.ts';
import { dialects } from '../support/databases.ts';

type Inline = { type: 'text'; text: string; href?: string };
const para = (...content: Inline[]) => ({ type: 'paragraph', content });
const text = (t: string, href?: string): Inline => (href ? { type: 'text', text: t, href } : { type: 'text', text: t });
const body = (...blocks: object[]) => ({ version: 1, blocks });

const VOCABULARY = [
  'Астана',
  'жаңа',
  'көпір',
  'қала',
  'әкімдігі',
  'жол',
  'құрылыс',
  'мектеп',
  'тұрғын',
  'үй',
  'жоба',
  'биыл',
  'аудан',
  'жұмыс',
  'халық',
  'су',
];
/** 160 paragraphs of 100 words: 16,000 words. In the second text every seventh word differs. */
function longBody(variant: number) {
  const paragraphs = Array.from({ length: 160 }, (_, i) => {
    const words = Array.from({ length: 100 }, (_, j) => {
      const changed = variant === 1 && (i * 100 + j) % 7 === 3;
      return changed ? `өзгерген${j}` : VOCABULARY[(i * 31 + j * 7) % VOCABULARY.length]!;
    });
    return para(text(`${words.join(' ')}.`));
  });
  return body(...paragraphs);
}

interface Answer {
  fields: { field: string; parts: { op: string; text: string }[] }[];
  changes: { kind: string; op: string; text: string; before: string; after: string }[];
  limited: boolean;
}

for (const dialect of dialects()) {
  describe(`revision comparison on ${dialect}`, () => {
    let site: TestSite;
    let journalist: Client;
    let sectionId: number;
    before(async () => {
      site = await bootSite(dialect, { content: aSection });
      journalist = await signedIn(site, 'journalist', ['kz']);
      sectionId = (await site.database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
    });
    after(() => site.close());

    const draftWith = async (first: object, second: object) => {
      const created = await journalist.post('/api/newsroom/articles', {
        edition: 'kz',
        sectionId,
        headline: 'Салыстыру',
        lead: 'Лид',
        body: first,
      });
      assert.equal(created.statusCode, 201, created.body);
      const saved = await journalist.put(`/api/newsroom/articles/${created.json().id}`, { revision: 1, body: second });
      assert.equal(saved.statusCode, 200, saved.body);
      return created.json().id as number;
    };

    test('a swapped link target shows in the comparison, though the words are the same', async () => {
      const id = await draftWith(
        body(para(text('Толығырақ '), text('Ақорда сайтында', 'https://akorda.kz/kz/news'), text(' оқыңыз.'))),
        body(para(text('Толығырақ '), text('Ақорда сайтында', 'https://akorda-kz.evil.example/kz/news'), text(' оқыңыз.'))),
      );
      const res = await journalist.get(`/api/newsroom/articles/${id}/diff?from=1&to=2`);
      assert.equal(res.statusCode, 200, res.body);
      const answer = res.json() as Answer;
      assert.deepEqual(
        answer.changes.map((c) => [c.kind, c.op, c.text, c.before, c.after]),
        [['link', 'changed', 'Ақорда сайтында', 'https://akorda.kz/kz/news', 'https://akorda-kz.evil.example/kz/news']],
      );
    });

    test('comparing two 16,000-word revisions: the event loop stays responsive and /healthz answers meanwhile', async (t) => {
      const id = await draftWith(longBody(0), longBody(1));
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      let settled = false;
      const comparison = journalist.get(`/api/newsroom/articles/${id}/diff?from=1&to=2`).finally(() => {
        settled = true;
      });
      let answeredWhileComparing = 0;
      while (!settled) {
        const health = await site.app.inject('/healthz');
        assert.equal(health.statusCode, 200);
        if (!settled) answeredWhileComparing += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const res = await comparison;
      delay.disable();
      assert.equal(res.statusCode, 200, res.body);
      const answer = res.json() as Answer;
      const inserted = answer.fields.find((f) => f.field === 'body')!.parts.filter((p) => p.op === 'ins');
      assert.equal(inserted.length, Math.ceil(16_000 / 7), 'every changed word is shown');
      assert.ok(answeredWhileComparing > 0, '/healthz answered while the comparison ran');
      const maxDelayMs = delay.max / 1e6;
      t.diagnostic(
        `max event-loop delay ${maxDelayMs.toFixed(1)} ms; /healthz answered ${answeredWhileComparing} times during the comparison`,
      );
      assert.ok(maxDelayMs < 200, `the event loop was held for ${maxDelayMs.toFixed(0)} ms`);
    });
  });
}
