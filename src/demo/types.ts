// Shapes of the demo content written for Habarshy (never copied from a news site).
import type { WrittenEditionCode } from '../editions/editions.ts';

export type SectionKey = 'kazakhstan' | 'president' | 'politics' | 'economy' | 'analytics' | 'world' | 'incidents';

export type PerEdition<T> = Record<WrittenEditionCode, T>;

export interface DemoSection {
  readonly key: SectionKey;
  readonly names: PerEdition<{ readonly name: string; readonly slug: string }>;
}

export interface DemoTag {
  readonly key: string;
  readonly names: PerEdition<{ readonly name: string; readonly slug: string }>;
}

export interface DemoAuthor {
  readonly key: string;
  /** Name per written edition, each in its own script. */
  readonly names: PerEdition<string>;
  /** Latin slug for the profile page URL. */
  readonly slug: string;
}

export interface DemoStory {
  readonly key: string;
  readonly section: SectionKey;
  readonly tags: readonly string[];
  readonly authors: readonly string[];
  /** Number of photos (1–3); the first is the lead photo. */
  readonly photos: 1 | 2 | 3;
  /** Key of the photo credit (see `credits` in each edition's content). */
  readonly credit: string;
  readonly breaking?: boolean;
  /** What the story is about, in English, so every desk tells the same facts. */
  readonly gist: string;
}

/** One article as a desk wrote it. */
export interface DemoArticle {
  readonly headline: string;
  readonly lead: string;
  /** 4–10 paragraphs of body text. */
  readonly paragraphs: readonly string[];
  /** Optional pull quote placed in the middle of the body. */
  readonly quote?: { readonly text: string; readonly by: string };
  /** Optional subheading placed before the last third of the paragraphs. */
  readonly subheading?: string;
  /** The source line, e.g. "Kazinform cites the press service of Akorda." */
  readonly source: string;
  /** One caption per photo of the story, in order. */
  readonly captions: readonly string[];
}

export interface DemoEditionContent {
  /** Role label and short bio of each author, in this edition's language. */
  readonly authors: Readonly<Record<string, { readonly role: string; readonly bio: string }>>;
  /** Name of each photo credit holder, in this edition's language (without "Photo:"). */
  readonly credits: Readonly<Record<string, string>>;
  /** The articles of this desk, by story key. A desk need not tell every story. */
  readonly stories: Readonly<Record<string, DemoArticle>>;
}
