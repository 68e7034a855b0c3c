// The derived scripts for the editor: live conversion with unsure words, per-field overrides of a
// derived article, and the shared lexicon.
import { Type, type Static } from '@sinclair/typebox';
import { BodyValue, Closed, DerivedEdition, Id, Items, NoContent } from './common.ts';
import { route } from './route.ts';
import { SCRIPT_SOURCES } from '../../editions/editions.ts';

export const Convert = Type.Object(
  {
    edition: Type.Union(SCRIPT_SOURCES.map((e) => Type.Literal(e))),
    articleId: Type.Optional(Type.Integer({ minimum: 1 })),
    headline: Type.String({ maxLength: 300 }),
    lead: Type.String({ maxLength: 1000 }),
    body: Type.Unknown({ description: 'The body as blocks (docs/body-schema.md)' }),
  },
  { ...Closed, title: 'Convert' },
);
export type Convert = Static<typeof Convert>;

export const UnsureWord = Type.Object(
  {
    word: Type.String(),
    reason: Type.Union((['mixed-script', 'loanword', 'ambiguous'] as const).map((r) => Type.Literal(r))),
  },
  { title: 'UnsureWord' },
);
export type UnsureWord = Static<typeof UnsureWord>;

export const ConvertedEdition = Type.Object(
  {
    edition: DerivedEdition,
    dir: Type.Union([Type.Literal('ltr'), Type.Literal('rtl')]),
    headline: Type.String(),
    lead: Type.String(),
    body: BodyValue,
    unsure: Type.Array(UnsureWord),
  },
  { title: 'ConvertedEdition' },
);
export type ConvertedEdition = Static<typeof ConvertedEdition>;
export const Converted = Type.Object({ editions: Type.Array(ConvertedEdition) }, { title: 'Converted' });

export const Override = Type.Object({ edition: Type.String(), field: Type.String(), value: Type.String() }, { title: 'Override' });
export type Override = Static<typeof Override>;

export const OverrideParams = Type.Object(
  {
    id: Type.Integer({ minimum: 1 }),
    edition: Type.String({ maxLength: 10, description: "A derived edition of the article's edition: qz or tote for kz, uz-latn for uz" }),
    field: Type.String({ maxLength: 20, description: 'headline, lead, sourceLine, seoTitle, seoDescription or body' }),
  },
  { title: 'OverrideParams' },
);
export const OverrideValue = Type.Object(
  {
    value: Type.Union([Type.String({ maxLength: 500_000 }), Type.Object({}, { additionalProperties: true })], {
      description: 'The text; for body, the blocks',
    }),
  },
  { ...Closed, title: 'OverrideValue' },
);

export const LexiconQuery = Type.Object({ scheme: Type.Optional(Type.String({ maxLength: 40 })) }, { ...Closed, title: 'LexiconQuery' });
export const Word = Type.Object(
  {
    scheme: Type.String({ maxLength: 40 }),
    word: Type.String({ minLength: 1, maxLength: 100 }),
    spelling: Type.String({ minLength: 1, maxLength: 100 }),
  },
  { ...Closed, title: 'Word' },
);
export type Word = Static<typeof Word>;
export const LexiconEntry = Type.Object(
  { id: Type.Integer(), scheme: Type.String(), word: Type.String(), spelling: Type.String() },
  { title: 'LexiconEntry' },
);
export type LexiconEntry = Static<typeof LexiconEntry>;
export const Created = Type.Object({ id: Type.Integer() }, { title: 'Created' });

export const derivedRoutes = {
  convert: route('POST', '/convert', 'The derived scripts of a kz or uz text, with the words the converter is unsure of', {
    body: Convert,
    response: { 200: Converted },
  }),
  overrides: route('GET', '/articles/:id/overrides', "The per-field overrides of the article's derived editions", {
    params: Id,
    response: { 200: Items(Override) },
  }),
  setOverride: route('PUT', '/articles/:id/overrides/:edition/:field', 'Override one field of a derived edition (the body as blocks)', {
    params: OverrideParams,
    body: OverrideValue,
    response: { 204: NoContent },
  }),
  removeOverride: route('DELETE', '/articles/:id/overrides/:edition/:field', 'Back to the converter for that field', {
    params: OverrideParams,
    response: { 204: NoContent },
  }),
  lexicon: route('GET', '/lexicon', 'The shared lexicon of spellings the rules cannot know', {
    querystring: LexiconQuery,
    response: { 200: Items(LexiconEntry) },
  }),
  addWord: route('POST', '/lexicon', 'Add or change a word (the derived pages change at once)', { body: Word, response: { 201: Created } }),
  removeWord: route('DELETE', '/lexicon/:id', 'Remove a word (the derived pages change at once)', {
    params: Id,
    response: { 204: NoContent },
  }),
} as const;
