// The newsroom API's contract (/api/newsroom/…): every route's request and answer schemas, shared by
// the route plugins (src/web/newsroom/**), the services (src/services/newsroom/**) and the newsroom
// client (src/newsroom-ui, types only). docs/newsroom-api.md is written from NEWSROOM_API.
import type { RouteContract } from './route.ts';
import { sessionRoutes } from './session.ts';
import { articleRoutes } from './articles.ts';
import { storyRoutes } from './stories.ts';
import { derivedRoutes } from './derived.ts';
import { mediaRoutes } from './media.ts';
import { manageRoutes } from './manage.ts';
import { analyticsRoutes } from './analytics.ts';
import { peopleRoutes } from './people.ts';
import { pageRoutes } from './pages.ts';

export * from './common.ts';
export * from './session.ts';
export * from './articles.ts';
export * from './stories.ts';
export * from './derived.ts';
export * from './media.ts';
export * from './manage.ts';
export * from './analytics.ts';
export * from './people.ts';
export * from './pages.ts';
export type { RouteContract, Method } from './route.ts';

/** The routes, grouped as the document shows them. */
export const NEWSROOM_API: readonly { readonly title: string; readonly routes: Readonly<Record<string, RouteContract>> }[] = [
  { title: 'Sessions and the own account', routes: sessionRoutes },
  { title: 'Articles', routes: articleRoutes },
  { title: 'Translations, stories and presence', routes: storyRoutes },
  { title: 'Derived scripts', routes: derivedRoutes },
  { title: 'Photos', routes: mediaRoutes },
  { title: 'Management', routes: manageRoutes },
  { title: 'Analytics', routes: analyticsRoutes },
  { title: 'Assignments, notifications and comments', routes: peopleRoutes },
  { title: 'Static pages', routes: pageRoutes },
];
