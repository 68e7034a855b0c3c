// Writes docs/newsroom-api.md's route tables and shapes from the contract (src/contracts/newsroom):
// the region between `<!-- generated: newsroomApiMarkdown() -->` and `<!-- /generated -->`.
// `npm run docs:newsroom-api`; test/integration/newsroomContracts.test.ts fails until it is run
// after a route or a field changes.
import fs from 'node:fs';
import { newsroomApiMarkdown } from '../src/contracts/newsroom/markdown.ts';

const FILE = 'docs/newsroom-api.md';
const REGION = /(<!-- generated: newsroomApiMarkdown\(\) -->\n)[\s\S]*?(\n<!-- \/generated -->)/;

const doc = fs.readFileSync(FILE, 'utf8');
if (!REGION.test(doc)) throw new Error(`${FILE}: the generated region's markers are missing`);
const next = doc.replace(REGION, (_all, open: string, close: string) => `${open}${newsroomApiMarkdown()}${close}`);
if (next === doc) console.log(`${FILE} is up to date`);
else {
  fs.writeFileSync(FILE, next);
  console.log(`${FILE} written from the contract`);
}
