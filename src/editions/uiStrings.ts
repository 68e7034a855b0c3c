// The UI strings every written edition has. Derived editions get theirs by script conversion.
// `{name}` placeholders are filled by `fill()`; every edition must use the same placeholders.

export interface UiStrings {
  readonly siteName: string;
  readonly siteDescription: string;
  readonly skipToContent: string;
  readonly languageMenu: string;
  readonly sectionsMenu: string;
  /** The phone menu's button: every section, the language menu and search. */
  readonly menu: string;
  /** Share links under an article; `{network}` is Telegram, WhatsApp, Facebook or X. */
  readonly share: string;
  readonly shareOn: string;
  /** The copy-link button (shown only with JavaScript) and what it says once done. */
  readonly copyLink: string;
  readonly linkCopied: string;
  /** Heading of the stories that share the article's tags. */
  readonly related: string;
  /** Embed facades: the button that loads the embed, the note under it, the plain link; `{provider}` is YouTube, X, Telegram or Instagram. */
  readonly embedShow: string;
  readonly embedNotice: string;
  readonly embedOpen: string;
  /** The gallery's photo viewer (JavaScript): its name, buttons and position `{n}` of `{count}`. */
  readonly galleryViewer: string;
  readonly galleryClose: string;
  readonly galleryPrev: string;
  readonly galleryNext: string;
  readonly galleryCount: string;
  /** Reader settings (JavaScript): text size in three steps, colours (system, light, dark). */
  readonly readerSettings: string;
  readonly textSize: string;
  readonly textSmall: string;
  readonly textMedium: string;
  readonly textLarge: string;
  readonly theme: string;
  readonly themeAuto: string;
  readonly themeLight: string;
  readonly themeDark: string;
  readonly home: string;
  readonly latest: string;
  readonly popular: string;
  readonly seeAll: string;
  /** {section} */
  readonly moreFrom: string;
  readonly published: string;
  /** {time} */
  readonly updated: string;
  /** The note of the last correction, `{note}`. */
  readonly correction: string;
  /** {credit} */
  readonly photoCredit: string;
  readonly tags: string;
  readonly authors: string;
  /** {name} */
  readonly articlesBy: string;
  /** {tag} */
  readonly tagTitle: string;
  /** {n} */
  readonly pageN: string;
  readonly nextPage: string;
  readonly previousPage: string;
  readonly pagination: string;
  /** {date} */
  readonly archiveTitle: string;
  readonly previousDay: string;
  readonly nextDay: string;
  /** The archive of recent days: its heading and the links to it (latest page, day pages, footer). */
  readonly archive: string;
  readonly notFoundTitle: string;
  readonly notFoundText: string;
  readonly backHome: string;
  readonly badRequestTitle: string;
  readonly badRequestText: string;
  readonly errorTitle: string;
  readonly errorText: string;
  /** The 503 page: the database is briefly away; the reader is asked to retry shortly. */
  readonly unavailableTitle: string;
  readonly unavailableText: string;
  readonly breaking: string;
  readonly noArticles: string;
  readonly toLatin: string;
  readonly toCyrillic: string;
  /** {year} {site} */
  readonly footer: string;
  readonly topStory: string;
  /** Where the reader is in a paged list: {n} of {total} pages. */
  readonly pageOf: string;
  /** The two rankings of "most popular": the last 24 hours and the last 7 days. */
  readonly today: string;
  readonly thisWeek: string;
  /** The home's sidebar list of pinned and lead stories not shown above. */
  readonly editorsPicks: string;
  /** Heading of the search page and its button. */
  readonly search: string;
  /** Label of the search field. */
  readonly searchLabel: string;
  /** Shown on the search page before a query is typed. */
  readonly searchHint: string;
  /** {query} */
  readonly searchResults: string;
  /** {query} */
  readonly searchNoResults: string;
  /** {n}: how many articles were found. */
  readonly searchCount: string;
  /** {n}: the count stopped there; more articles were found (a common word). */
  readonly searchCountMore: string;
  /** Order switch of the results. */
  readonly searchByRelevance: string;
  readonly searchByDate: string;
  /** Section filter label and its "any" choice. */
  readonly searchSection: string;
  readonly searchAnySection: string;
  /** Date filter label and its choices. */
  readonly searchPeriod: string;
  readonly searchAnyTime: string;
  readonly searchPastDay: string;
  readonly searchPastWeek: string;
  readonly searchPastMonth: string;
  readonly searchPastYear: string;
  /** Button of the filters. */
  readonly searchApply: string;
  /** {query}: the corrected spelling whose results are shown. */
  readonly searchShowingFor: string;
  /** Before the suggested spellings. */
  readonly searchDidYouMean: string;
  /** Heading of the links to the same query in the other editions. */
  readonly searchAllEditions: string;
  /** Label of the header search icon on phones. */
  readonly searchOpen: string;
  /** Source line of a wire-ingested draft: {site} {source} ("Name — link"). */
  readonly sourceCites: string;
  /** The footer: the agency's column heading and its static pages (their own titles are the pages'). */
  readonly footerAgency: string;
  readonly pageAbout: string;
  readonly pageContacts: string;
  readonly pageStaff: string;
  readonly pageTerms: string;
  /** The footer's column of the edition's feeds, and the link to the whole edition's RSS feed. */
  readonly footerFeeds: string;
  readonly footerAllNews: string;
  /** The footer's social links and mobile apps. */
  readonly footerFollow: string;
  readonly footerApps: string;
}

export type UiKey = keyof UiStrings;

/** Replaces `{name}` placeholders; unknown names are left visible so a test can catch them. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}
