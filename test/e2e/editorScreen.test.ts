// The editor screen in Chromium against a scripted newsroom API (page.route): it opens an article,
// saves with the revision it started from, and when that save is refused with 409 CONFLICT it shows
// the merge view and saves the merged text on top of the newer revision.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { build, type Plugin } from 'esbuild';
import { chromium, type Browser, type Page, type Route } from 'playwright-core';

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The shell's MediaPicker is another engineer's; the screen only needs its name here. */
const stubPicker: Plugin = {
  name: 'stub-media-picker',
  setup(b) {
    b.onResolve({ filter: /components\/MediaPicker\.tsx$/ }, () => ({ path: 'media-picker', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export function MediaPicker() { return null; }', loader: 'js' }));
  },
};

const ENTRY = `
import { render, h } from 'preact';
import { EditorScreen } from './src/newsroom-ui/editor/EditorScreen.tsx';
window.navigated = [];
const user = { id: 1, email: 'a@x', name: 'Айгүл', role: 'editor', desks: ['kz', 'ru'], uiLang: 'en', mustChangePassword: false };
render(h(EditorScreen, { id: 12, user, navigate: (p) => window.navigated.push(p) }), document.getElementById('app'));
`;

const article = (revision: number, headline: string, lead: string) => ({
  id: 12, publicId: 'a1', storyId: 7, edition: 'ru', sectionId: null, status: 'draft', revision, headline, lead,
  body: { version: 1, blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'Текст' }] }] },
  sourceLine: '', slug: '', seoTitle: '', seoDescription: '', breaking: false, pinned: false, heroAssetId: null,
  tagIds: [], authorIds: [], scheduledAt: null, embargo: false, correctionNote: '', publishedAt: null, updatedAt: null,
  createdAt: '2025-03-05T04:00:00Z', modifiedAt: '2025-03-05T04:00:00Z', createdBy: { id: 1, name: 'Айгүл' },
  translatedFrom: null, url: null, previewUrl: '/newsroom/preview/12', allowed: ['edit', 'submit', 'translate'], autosave: null,
});

let browser: Browser;
let page: Page;
let bundle: { js: string; css: string };
const saves: unknown[] = [];

before(async () => {
  const out = await build({
    stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'tsx' }, bundle: true, write: false, format: 'iife',
    jsx: 'automatic', jsxImportSource: 'preact', outdir: 'out', plugins: [stubPicker], logLevel: 'silent',
  });
  bundle = { js: out.outputFiles.find((f) => f.path.endsWith('.js'))!.text, css: out.outputFiles.find((f) => f.path.endsWith('.css'))!.text };
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
});

after(async () => { await browser?.close(); });

function json(route: Route, status: number, body: unknown) {
  return route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
}

test('a save refused with 409 opens the merge view, and the merged version is saved on the newer revision', async () => {
  page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const theirs = article(5, 'Their headline about the summit', 'Lead');
  await page.route('http://editor.test/**', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const path = url.pathname.replace('/api/newsroom', '');
    if (url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: `<!doctype html><html><head><style>${bundle.css}</style></head><body><div id="app"></div><script>${bundle.js}</script></body></html>` });
    if (path === '/session') return json(route, 200, { user: {}, csrfToken: 'tok' });
    if (path === '/articles/12' && request.method() === 'GET') return json(route, 200, article(4, 'Old headline', 'Lead'));
    if (path === '/articles/12' && request.method() === 'PUT') {
      const body = request.postDataJSON() as { revision: number };
      saves.push(body);
      assert.equal(request.headers()['x-csrf-token'], 'tok');
      if (body.revision === 4) return json(route, 409, { error: { code: 'CONFLICT', message: 'saved by someone else', details: { current: theirs } } });
      return json(route, 200, { ...article(6, (body as { headline?: string }).headline ?? theirs.headline, 'Lead') });
    }
    if (path === '/articles/12/presence') return json(route, 200, { others: [{ id: 2, name: 'Ерлан', since: '2025-03-05T04:00:00Z' }] });
    if (path === '/articles/12/revisions') return json(route, 200, { items: [{ revision: 5, at: '2025-03-05T04:01:00Z', user: { id: 2, name: 'Ерлан' } }] });
    if (path.endsWith('/timeline')) return json(route, 200, { items: [] });
    if (path === '/stories/7') return json(route, 200, { id: 7, editions: [] });
    if (path === '/sections' || path.startsWith('/tags') || path === '/authors') return json(route, 200, { items: [] });
    return route.fulfill({ status: 204 });
  });
  await page.goto('http://editor.test/');

  await page.getByTestId('headline').fill('My headline about the summit');
  await page.getByTestId('body-editor').click();
  await page.keyboard.type(' дополнение');
  assert.match(await page.getByTestId('presence-notice').innerText(), /Ерлан/);
  await page.keyboard.press('Control+s');

  const merge = page.getByTestId('merge-view');
  await merge.waitFor();
  assert.match(await merge.innerText(), /Ерлан saved revision 5/);
  assert.equal(await page.getByTestId('merge-theirs-headline').innerText(), 'Their headline about the summit');
  assert.equal(await page.getByTestId('merge-mine-headline').innerText(), 'My headline about the summit');
  assert.equal(await merge.locator('.ed-merge-field del').first().innerText(), 'Their');
  assert.ok(await page.getByTestId('merge-choose-mine-headline').isChecked(), 'what I changed is kept by default');
  await page.getByTestId('merge-save').click();
  await merge.waitFor({ state: 'detached' });

  const last = saves[saves.length - 1] as { revision: number; headline: string; body?: unknown };
  assert.equal(saves.length, 2);
  assert.equal(last.revision, 5, 'the merged version goes on top of the newer revision');
  assert.equal(last.headline, 'My headline about the summit');
  assert.match(JSON.stringify(last.body), /дополнение/, 'my text change is kept');
  assert.deepEqual(errors, []);
  await page.close();
});
