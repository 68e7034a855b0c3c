// The demo newsroom's shared catalogue: sections, tags, authors and the list of stories
// every desk tells, kept per kind in src/demo/catalog/. Names of sections, languages and places
// are facts; everything else is written for Habarshy.
import type { DemoStory } from './types.ts';
import { HOME_STORIES } from './catalog/homeStories.ts';
import { WORLD_STORIES } from './catalog/worldStories.ts';

export { SECTIONS, TAGS } from './catalog/taxonomy.ts';
export { AUTHORS, CREDITS } from './catalog/people.ts';

/** Every story is told by every desk (kz, ru, en, cn, uz). Ordered newest first. */
export const STORIES: readonly DemoStory[] = [...HOME_STORIES, ...WORLD_STORIES];
