import assert from 'node:assert/strict';
import { test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { xmlEscape, xmlSafe } from '../../src/services/xmlEscape.ts';
import { cdata } from '../../src/web/feeds/feedWriters.ts';

const HOSTILE = [
  '<script>alert("x")</script>',
  'Tom & Jerry &amp; friends',
  `"double" and 'single' quotes`,
  ']]> end of CDATA ]]> twice',
  '<!DOCTYPE x [<!ENTITY a "b">]>&a;',
  'Қазақ тілі · 中文 · قازاقشا',
];

test('xmlEscape: hostile text round-trips through a real XML parser, in elements and attributes', () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    processEntities: true,
    parseTagValue: false,
    trimValues: false,
  });
  for (const text of HOSTILE) {
    const doc = `<r a="${xmlEscape(text)}">${xmlEscape(text)}</r>`;
    assert.equal(XMLValidator.validate(doc), true, text);
    const parsed = parser.parse(doc) as { r: { '#text': string; '@_a': string } };
    assert.equal(parsed.r['#text'], text);
    assert.equal(parsed.r['@_a'], text);
  }
});

test('xmlEscape: table of single characters', () => {
  const cases: [string, string][] = [
    ['&', '&amp;'],
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['"', '&quot;'],
    ["'", '&apos;'],
    ['a', 'a'],
    ['\t\n', '\t\n'],
  ];
  for (const [input, output] of cases) assert.equal(xmlEscape(input), output, input);
});

test('xmlSafe drops what XML 1.0 cannot carry and keeps the rest', () => {
  assert.equal(xmlSafe('a\u0000b\u0001c\u001Fd\uFFFEe\uFFFFf'), 'abcdef');
  assert.equal(xmlSafe('lone \uD800 surrogate \uDC00'), 'lone  surrogate ');
  assert.equal(xmlSafe('emoji 😀 stays\r\n'), 'emoji 😀 stays\r\n');
});

test('cdata() leaves the first "]]>" to the feed writer and splits every later one', () => {
  assert.equal(cdata('plain'), 'plain');
  assert.equal(cdata('a]]>b'), 'a]]>b');
  assert.equal(cdata('a]]>b]]>c'), 'a]]>b]]]]><![CDATA[>c');
  // What the `feed` package then does to the first one gives well-formed CDATA sections:
  const written = `<t><![CDATA[${cdata('a]]>b]]>c\u0001').replace(']]>', ']]]]><![CDATA[>')}]]></t>`;
  assert.equal(XMLValidator.validate(written), true);
  assert.equal((new XMLParser({ parseTagValue: false }).parse(written) as { t: string }).t, 'a]]>b]]>c');
});
