// Hostile and messy HTML pasted into the article editor, in Chromium: the real DOMPurify cleaner
// and the real TipTap paste path (view.pasteHTML → transformPastedHTML → the editor's schema →
// docToBody). Nothing runs, nothing raw reaches the body, and the body passes the schema.
// (DOMPurify refuses linkedom's DOM — it would hand the input back untouched — so this needs a browser.)
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { parseBody, type Body } from '../../src/content/body.ts';

const ENTRY = `
import { Editor } from '@tiptap/core';
import { createPasteCleaner } from './src/newsroom-ui/editor/pasteClean.ts';
import { editorExtensions } from './src/newsroom-ui/editor/extensions.ts';
import { docToBody } from './src/newsroom-ui/editor/blocks.ts';
const clean = createPasteCleaner(window);
window.cleanPaste = clean;
window.pasteToBody = (html) => {
  const host = document.createElement('div');
  document.body.append(host);
  const editor = new Editor({ element: host, injectCSS: false, extensions: editorExtensions(), editorProps: { transformPastedHTML: clean } });
  editor.view.pasteHTML(html);
  const body = docToBody(editor.getJSON());
  editor.destroy();
  host.remove();
  return body;
};
`;

let browser: Browser;
let page: Page;

before(async () => {
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    logLevel: 'silent',
  });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setContent('<!doctype html><html><head><title>paste</title></head><body></body></html>');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
});

after(async () => {
  await browser?.close();
});

const clean = (html: string) => page.evaluate((h) => (window as unknown as { cleanPaste(x: string): string }).cleanPaste(h), html);
const paste = async (html: string): Promise<Body> =>
  parseBody(await page.evaluate((h) => (window as unknown as { pasteToBody(x: string): unknown }).pasteToBody(h), html));
const pwned = () => page.evaluate(() => (window as unknown as { pwned?: number }).pwned ?? 0);

test('script tags, event handlers and javascript: links are removed and never run', async () => {
  const hostile =
    '<p>Сәлем <img src="x" onerror="window.pwned=1"><script>window.pwned=2</script>' +
    '<a href="javascript:window.pwned=3" onclick="window.pwned=4">басу</a> ' +
    '<a href="JaVaScRiPt:alert(1)">екі</a> <a href="data:text/html,<script>alert(1)</script>">үш</a>' +
    '<svg onload="window.pwned=5"><circle /></svg><iframe src="javascript:window.pwned=6"></iframe>' +
    ' <span style="background:url(javascript:alert(1))" class="x" id="y" onmouseover="window.pwned=7">әлем</span></p>';
  const cleaned = await clean(hostile);
  for (const bad of [
    '<script',
    'onerror',
    'onclick',
    'onmouseover',
    'javascript:',
    'data:',
    '<svg',
    '<iframe',
    'style=',
    'class=',
    'id=',
    '<img',
  ]) {
    assert.ok(!cleaned.toLowerCase().includes(bad.toLowerCase()), `cleaned HTML still has ${bad}: ${cleaned}`);
  }
  const body = await paste(hostile);
  await page.waitForTimeout(100);
  assert.equal(await pwned(), 0, 'nothing in the pasted HTML ran');
  assert.deepEqual(body.blocks, [{ type: 'paragraph', content: [{ type: 'text', text: 'Сәлем басу екі үш әлем' }] }]);
});

test('Word markup: mso styles, o:p, conditional XML and list bullets become clean blocks', async () => {
  const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{mso-style-parent:"";}</style>
    <!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]--></head><body>
    <h2 class="MsoHeading2" style="mso-outline-level:2">Экономика</h2>
    <p class=MsoNormal style='margin:0cm;mso-pagination:widow-orphan'><span style='font-weight:bold;mso-bidi-font-weight:normal'>Астана</span><span style='font-family:"Times New Roman"'>, 5 наурыз.<o:p></o:p></span></p>
    <p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>бірінші</p>
    <p class=MsoNormal><i>көлбеу</i> <a href="https://kazinform.kz/">сілтеме</a></p></body></html>`;
  const body = await paste(word);
  const text = JSON.stringify(body);
  assert.ok(!text.includes('Normal') && !text.includes('mso') && !text.includes('·'), `Word's settings and bullets leaked: ${text}`);
  assert.deepEqual(body.blocks[0], { type: 'heading', level: 2, content: [{ type: 'text', text: 'Экономика' }] });
  assert.deepEqual(body.blocks[1], {
    type: 'paragraph',
    content: [
      { type: 'text', text: 'Астана', marks: ['bold'] },
      { type: 'text', text: ', 5 наурыз.' },
    ],
  });
  assert.equal(body.blocks[2]?.type, 'paragraph');
  assert.match(JSON.stringify(body.blocks[2]), /бірінші/);
  assert.deepEqual(body.blocks[3], {
    type: 'paragraph',
    content: [
      { type: 'text', text: 'көлбеу', marks: ['italic'] },
      { type: 'text', text: ' ' },
      { type: 'text', text: 'сілтеме', href: 'https://kazinform.kz/' },
    ],
  });
});

test('a web page: lists, quotes with a language, tables and Google Docs wrappers map to blocks', async () => {
  const web =
    '<b style="font-weight:normal;" id="docs-internal-guid-1"><h1 class="title" style="color:red">Тақырып</h1>' +
    '<ul><li><p>бір</p></li><li>екі</li></ul>' +
    '<blockquote lang="ru"><p>Мы вместе</p></blockquote>' +
    '<table><tr><th>Облыс</th><th>Саны</th></tr><tr><td>Алматы</td><td><b>12</b></td></tr></table>' +
    '<p>H<sub>2</sub>O <span lang="ru">по-русски</span></p><hr></b>';
  const body = await paste(web);
  assert.deepEqual(body.blocks, [
    { type: 'paragraph', content: [{ type: 'text', text: 'Тақырып' }] },
    { type: 'list', ordered: false, items: [[{ type: 'text', text: 'бір' }], [{ type: 'text', text: 'екі' }]] },
    { type: 'quote', lang: 'ru', content: [{ type: 'text', text: 'Мы вместе' }] },
    {
      type: 'table',
      header: true,
      rows: [
        [[{ type: 'text', text: 'Облыс' }], [{ type: 'text', text: 'Саны' }]],
        [[{ type: 'text', text: 'Алматы' }], [{ type: 'text', text: '12', marks: ['bold'] }]],
      ],
    },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'H' },
        { type: 'text', text: '2', marks: ['sub'] },
        { type: 'text', text: 'O ' },
        { type: 'text', text: 'по-русски', lang: 'ru' },
      ],
    },
    { type: 'divider' },
  ]);
});
