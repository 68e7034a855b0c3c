// Translations, the story view and presence (who else has an article open).
import { Type, type Static } from '@sinclair/typebox';
import { Article, ArticleSummary } from './articles.ts';
import { Closed, Id, NoContent, Nullable, WrittenEdition } from './common.ts';
import { route } from './route.ts';

export const Translate = Type.Object({ edition: WrittenEdition }, { ...Closed, title: 'Translate' });

/**
 * A story's written editions. `article` is null when the story has none in that edition, or one the
 * user may not open (then `closed` is true and nothing of it is shown).
 */
export const Story = Type.Object(
  {
    id: Type.Integer(),
    editions: Type.Array(
      Type.Object({ edition: WrittenEdition, article: Nullable(ArticleSummary), closed: Type.Optional(Type.Literal(true)) }),
    ),
  },
  { title: 'Story' },
);
export type Story = Static<typeof Story>;

export const Presence = Type.Object({ id: Type.Integer(), name: Type.String(), since: Type.String() }, { title: 'Presence' });
export type Presence = Static<typeof Presence>;
export const PresenceAnswer = Type.Object({ others: Type.Array(Presence) }, { title: 'PresenceAnswer' });
export type PresenceAnswer = Static<typeof PresenceAnswer>;

export const storyRoutes = {
  translate: route(
    'POST',
    '/articles/:id/translations',
    'Start a translation: a linked draft of the same story in another written edition, with the source’s section, tags, authors, lead photo (and its own caption and credit) and body photos',
    { params: Id, body: Translate, response: { 201: Article } },
  ),
  story: route('GET', '/stories/:id', 'Every written edition of a story, with its article and state', {
    params: Id,
    response: { 200: Story },
  }),
  heartbeat: route('POST', '/articles/:id/presence', 'Heartbeat (every 15 s): I have this article open; who else has it', {
    params: Id,
    response: { 200: PresenceAnswer },
  }),
  leave: route('DELETE', '/articles/:id/presence', 'I closed the article', { params: Id, response: { 204: NoContent } }),
} as const;
