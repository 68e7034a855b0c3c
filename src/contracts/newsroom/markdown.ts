// docs/newsroom-api.md's route tables and shapes, written from the contract (NEWSROOM_API). The
// document's region between `<!-- generated: newsroomApiMarkdown() -->` and `<!-- /generated -->`
// is this text: `npm run docs:newsroom-api` writes it, test/integration/newsroomContracts.test.ts
// checks it.
import { Kind, OptionalKind, type TSchema } from '@sinclair/typebox';
import { NEWSROOM_API } from './index.ts';

type Schema = TSchema & Record<string, unknown>;

const kindOf = (s: Schema): string => String(s[Kind]);
const cell = (text: string) => text.replace(/\|/g, '\\|');

/** A schema as a short type: a named shape by its title, else written out. */
function typeOf(s: Schema, named: Map<string, Schema>, top = false): string {
  const title = typeof s['title'] === 'string' ? s['title'] : undefined;
  if (title && !top && (kindOf(s) === 'Object' || kindOf(s) === 'Union')) {
    named.set(title, s);
    return `\`${title}\``;
  }
  switch (kindOf(s)) {
    case 'Integer':
      return 'integer';
    case 'Number':
      return 'number';
    case 'String':
      return 'string';
    case 'Boolean':
      return 'boolean';
    case 'Null':
      return 'null';
    case 'Literal':
      return JSON.stringify(s['const']);
    case 'Array':
      return `${typeOf(s['items'] as Schema, named)}[]`;
    case 'Union':
      return (s['anyOf'] as Schema[]).map((m) => typeOf(m, named)).join(' | ');
    case 'Record': {
      const value = Object.values(s['patternProperties'] as Record<string, Schema>)[0]!;
      return `{[key]: ${typeOf(value, named)}}`;
    }
    case 'Object': {
      const props = Object.entries(s['properties'] as Record<string, Schema>);
      if (props.length === 0) return 'object';
      return `{${props.map(([k, v]) => `${k}${v[OptionalKind] ? '?' : ''}: ${typeOf(v, named)}`).join(', ')}}`;
    }
    default:
      return title ?? 'any JSON';
  }
}

/** The fields of a request part (params, query) as `name: type` pairs. */
function fieldsOf(s: Schema | undefined, named: Map<string, Schema>): string {
  if (!s) return '';
  return Object.entries(s['properties'] as Record<string, Schema>)
    .map(([k, v]) => `${k}${v[OptionalKind] ? '?' : ''}: ${typeOf(v, named)}`)
    .join(', ');
}

function shape(title: string, s: Schema, named: Map<string, Schema>): string[] {
  if (kindOf(s) === 'Union') return [`### ${title}`, '', `One of ${cell(typeOf(s, named, true))}.`, ''];
  const rows = Object.entries(s['properties'] as Record<string, Schema>).map(([k, v]) => {
    const description = typeof v['description'] === 'string' ? v['description'] : '';
    return `| \`${k}\` | ${cell(typeOf(v, named))} | ${v[OptionalKind] ? 'no' : 'yes'} | ${cell(description)} |`;
  });
  const closed = s['additionalProperties'] === false ? ' Other fields are refused (400).' : '';
  const about = typeof s['description'] === 'string' ? ` ${s['description']}` : '';
  return [
    `### ${title}`,
    '',
    `${about}${closed}`.trim(),
    '',
    '| field | type | required | notes |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].filter((l, i, a) => !(l === '' && a[i - 1] === ''));
}

/** The route tables and the shapes of docs/newsroom-api.md. */
export function newsroomApiMarkdown(): string {
  const named = new Map<string, Schema>();
  const out: string[] = [];
  for (const group of NEWSROOM_API) {
    out.push(`## ${group.title}`, '', '| method and path | what | path and query | body | answers |', '|---|---|---|---|---|');
    for (const route of Object.values(group.routes)) {
      const s = route.schema as unknown as Record<string, Schema | undefined> & { summary: string; response: Record<string, Schema> };
      const where = [fieldsOf(s['params'], named), s['querystring'] ? `?${fieldsOf(s['querystring'], named)}` : '']
        .filter(Boolean)
        .join(' ');
      const body = route.consumes ? route.consumes.join(', ') : s['body'] ? typeOf(s['body'], named) : '';
      const answers = Object.entries(s.response)
        .map(([code, r]) => (code === '204' ? '204' : `${code} ${typeOf(r, named, false)}`))
        .join(' · ');
      out.push(`| \`${route.method} ${route.url}\` | ${cell(s.summary)} | ${cell(where)} | ${cell(body)} | ${cell(answers)} |`);
    }
    out.push('');
  }
  out.push('## Shapes', '');
  const done = new Set<string>();
  // Shapes name further shapes: write them until none is left.
  for (let pending = [...named.keys()]; pending.length > 0; pending = [...named.keys()].filter((k) => !done.has(k))) {
    for (const title of pending.sort()) {
      done.add(title);
      out.push(...shape(title, named.get(title)!, named));
    }
  }
  return out.join('\n').trimEnd();
}
