// Plain data handed from services to the reader views. Every text here is final: already in the
// edition's language and script (derived editions converted), dates formatted.
import type { Edition, EditionCode } from '../editions/editions.ts';
import type { UiStrings } from '../editions/uiStrings.ts';
import type { Block } from '../content/body.ts';
import type { JsonLd } from './structuredData.ts';
import type { Footer } from './reader/footer.ts';

export interface Link {
  readonly href: string;
  readonly text: string;
}

export interface TimeView {
  readonly iso: string;
  readonly text: string;
}

export interface ImageView {
  readonly src: string;
  readonly srcset: string;
  /** AVIF variants of an uploaded photo (browsers that read AVIF take these). */
  readonly avifSrcset?: string;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
  readonly caption: string;
  /** Already framed by the UI string: "Photo credit: Akorda". */
  readonly credit: string;
}

export interface ArticleCard {
  readonly articleId: number;
  readonly publicId: string;
  readonly href: string;
  readonly headline: string;
  readonly lead: string;
  readonly time: TimeView;
  readonly section: Link;
  readonly image: ImageView | null;
  readonly breaking: boolean;
}

export interface AuthorView {
  readonly href: string;
  readonly name: string;
  readonly role: string;
  readonly bio: string;
  /** The author's photo; absent or null: the page draws a portrait from the name (initials and shapes). */
  readonly photo?: ImageView | null;
}

export interface LanguageItem {
  readonly code: EditionCode;
  readonly label: string;
  readonly lang: string;
  readonly href: string;
  readonly current: boolean;
  /** True when the link leads to the same story (not the edition's home). */
  readonly sameStory: boolean;
}

export interface Alternate {
  readonly hreflang: string;
  readonly href: string;
}

/** What every page of an edition shows around its main content. */
export interface Chrome {
  readonly edition: Edition;
  readonly strings: UiStrings;
  readonly homeHref: string;
  readonly sections: readonly (Link & { readonly current: boolean })[];
  readonly languages: readonly LanguageItem[];
  readonly scriptSwitch: Link | null;
  /** Most popular over the last 24 hours, best first. */
  readonly popular: readonly ArticleCard[];
  /** Most popular over the last 7 days, best first. */
  readonly popularWeek: readonly ArticleCard[];
  readonly year: number;
  /** The masthead's date line: today in the agency's time zone (`iso` yyyy-mm-dd), in the edition's language. */
  readonly dateLine: TimeView;
  /** The edition's archive of recent days. */
  readonly archiveHref: string;
  /** The footer's links (pages, sections, feeds, social, apps). */
  readonly footer: Footer;
  /** Asset URLs; `preload`: per font script (`Cyrl`, `Latn`, `Arab`, `Hans`), the fonts a page preloads. */
  readonly assets: {
    readonly css: string;
    readonly script: string;
    /** The reader's settings (text size, light/dark), run before the first paint. */
    readonly prefs: string;
    readonly icon: string;
    readonly preload: Readonly<Record<string, readonly string[]>>;
  };
}

export interface Head {
  readonly title: string;
  readonly description: string;
  readonly canonical: string;
  readonly alternates: readonly Alternate[];
  readonly ogType: 'website' | 'article';
  readonly image: string | null;
  /** Size and text alternative of `image`, for og:image:width/height/alt and twitter:image:alt. */
  readonly imageMeta?: { readonly width: number; readonly height: number; readonly alt: string };
  readonly robots?: string;
  /** Open Graph `article:*` of article pages (times ISO 8601 with offset, authors as profile URLs). */
  readonly article?: {
    readonly publishedTime: string;
    readonly modifiedTime: string;
    readonly section: string;
    readonly tags: readonly string[];
    readonly authors: readonly string[];
  };
  /** schema.org objects, each written as one `<script type="application/ld+json">`. */
  readonly jsonLd?: readonly JsonLd[]; /** Feeds of the page's list, announced as `<link rel="alternate">` (RSS, Atom, JSON Feed). */
  readonly feeds?: readonly { readonly type: string; readonly title: string; readonly href: string }[];
}

/** A body block with its texts converted and its images resolved. */
export type BlockView =
  | Exclude<Block, { type: 'image' } | { type: 'gallery' }>
  | { readonly type: 'image'; readonly image: ImageView }
  | { readonly type: 'gallery'; readonly images: readonly ImageView[] };

export interface ArticlePage {
  readonly card: ArticleCard;
  readonly updated: TimeView | null;
  /** The editors' note on what the last correction changed, null when none. */
  readonly correction: string | null;
  readonly blocks: readonly BlockView[];
  readonly sourceLine: string;
  readonly tags: readonly Link[];
  readonly authors: readonly AuthorView[];
  readonly moreFromSection: readonly ArticleCard[];
  /** Stories sharing the article's tags (not the article, not those in moreFromSection), with images. */
  readonly related: readonly ArticleCard[];
  readonly sectionHref: string;
}

export interface Pager {
  readonly page: number;
  /** How many pages the list has: "14", or "50+" past what is counted; absent where not counted (search). */
  readonly total?: string;
  readonly prev: string | null;
  readonly next: string | null;
}

export interface ListPage {
  readonly heading: string;
  readonly intro?: string;
  readonly cards: readonly ArticleCard[];
  readonly pager: Pager | null;
  readonly author?: AuthorView;
  readonly dayNav?: { readonly prev: Link | null; readonly next: Link | null };
  /** A link to the edition's archive of recent days (latest and day pages). */
  readonly archive?: Link;
  /** The most-popular page: `cards` is today's ranking, this the week's. */
  readonly week?: readonly ArticleCard[];
}

/** The archive: the edition's recent days with articles, each a link to its day archive. */
export interface ArchivePage {
  readonly heading: string;
  readonly days: readonly (Link & { readonly iso: string })[];
}

/** One line of the home's news feed: the time (HH:MM, the agency's time zone) and the story. */
export interface FeedItem {
  readonly clock: string;
  readonly card: ArticleCard;
}

export interface HomePage {
  /** Published stories marked breaking, newest first (the strip above everything; empty: no strip). */
  readonly breaking: readonly FeedItem[];
  readonly top: ArticleCard | null;
  readonly leads: readonly ArticleCard[];
  /** The dense "latest news" column, grouped by day (`day` is the date line of the group). */
  readonly feed: readonly { readonly day: string; readonly items: readonly FeedItem[] }[];
  readonly sections: readonly { readonly section: Link; readonly cards: readonly ArticleCard[] }[];
  /** Most popular today and this week, without stories the page already shows twice. */
  readonly popular: { readonly today: readonly ArticleCard[]; readonly week: readonly ArticleCard[] };
  /** Pinned and recent stories with a photo that the page does not show elsewhere. */
  readonly picks: readonly ArticleCard[];
  readonly latestHref: string;
}

/** A rendered page's inputs: chrome + head + one of the bodies + cache tags. */
export interface PageData<T> {
  readonly chrome: Chrome;
  readonly head: Head;
  readonly body: T;
  /** Cache tags: what this page shows, so a change drops exactly the pages that show it. */
  readonly tags: readonly string[];
  /** Article whose view the beacon counts (article pages). */
  readonly beacon?: { readonly publicId: string; readonly edition: EditionCode };
}
