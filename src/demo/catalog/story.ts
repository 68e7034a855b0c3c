// One catalogue story in a line: the key, its section, tags, authors, photos and credit, and the gist
// every desk writes from.
import type { DemoStory } from '../types.ts';
import type { CREDITS } from './people.ts';

export const s = (
  key: string,
  section: DemoStory['section'],
  tags: string[],
  authors: string[],
  photos: 1 | 2 | 3,
  credit: (typeof CREDITS)[number],
  gist: string,
  breaking?: boolean,
): DemoStory => ({ key, section, tags, authors, photos, credit, gist, ...(breaking ? { breaking } : {}) });
