// The article page: the article as its edition shows it (through the edition-content service),
// with its photos, tags, authors, more from the section, alternates and structured data.
import { contentEdition, EDITIONS, EDITION_CODES, type EditionCode } from '../../editions/editions.ts';
import { cacheTags } from '../../cache/tags.ts';
import { isoWithOffset } from '../../content/dates.ts';
import * as articles from '../../store/articles.ts';
import { timeView } from '../cards.ts';
import { blockAssetIds } from '../editionContent.ts';
import type { ArticleCard, ArticlePage, AuthorView, BlockView, Head, Link, PageData } from '../pageModels.ts';
import { cropsFor } from '../../content/crops.ts';
import { breadcrumbJsonLd, newsArticleJsonLd } from '../structuredData.ts';
import { paths } from '../urls.ts';
import type { PageKit } from './kit.ts';

export type ArticleResult =
  { readonly kind: 'page'; readonly data: PageData<ArticlePage> } | { readonly kind: 'redirect'; readonly location: string };

/** Editions that show the content of the given written editions (a story told in kz is also in qz and tote). */
function showingEditions(written: ReadonlySet<string>): EditionCode[] {
  return EDITION_CODES.filter((c) => written.has(contentEdition(c)));
}

export async function articlePage(
  kit: PageKit,
  code: EditionCode,
  publicId: string,
  slug: string,
  opts: { preview?: boolean } = {},
): Promise<ArticleResult | null> {
  const { db, content } = kit.deps;
  const now = kit.now();
  const found = await articles.articleByPublicId(db, publicId);
  const text = content.text(code);
  // A preview shows any state as readers would see it once published (times from now if never published).
  const row = found && opts.preview ? { ...found, published_at: found.published_at ?? now } : found;
  if (!row || !row.published_at || (!opts.preview && (row.status !== 'published' || row.published_at > now))) return null;
  if (opts.preview) slug = row.slug;
  // The id exists in another edition: only a story sibling in this edition can answer.
  if (row.edition !== text.written) return null;
  if (slug !== row.slug) return { kind: 'redirect', location: paths.article(code, row.slug, row.public_id) };

  // Everything that needs only the article, in one round of parallel queries; then what needs
  // those answers (related stories, photos), then the cards of both lists together.
  const [overrides, tagRows, authorRows, siblings, taxonomy, more, heroTexts] = await Promise.all([
    content.overrides(code, [row.id]),
    articles.tagIdsFor(db, [row.id]),
    articles.authorIdsFor(db, [row.id]),
    articles.storyEditions(db, row.story_id, now),
    content.taxonomy(code, [row.id]),
    articles.listPublished(db, { edition: text.written, now, sectionId: row.section_id, excludeIds: [row.id] }, 5),
    content.heroTexts([row]),
  ]);
  const over = overrides.get(row.id);
  const texts = content.texts(code, row, over);
  const blocks = content.blocks(code, row.body, over);
  const tagIds = tagRows.map((t) => t.tag_id);
  const authorIds = authorRows.map((a) => a.author_id);
  const sectionName = kit.deps.sections.get(row.section_id)?.names.get(text.written);
  const authorRefs = taxonomy.authors.get(row.id) ?? [];
  const [related, assets] = await Promise.all([
    articles.relatedByTags(db, { edition: text.written, now, excludeIds: [row.id, ...more.map((m) => m.id)] }, tagIds, 4),
    // The lead photo, the body's and the authors' photos: one query.
    content.assets(code, [row.hero_asset_id, ...blockAssetIds(blocks), ...authorRefs.map((a) => a.photoAssetId)]),
  ]);
  const photos = assets;
  const listCards = await content.cards(code, [...more, ...related]);
  const moreCards = listCards.slice(0, more.length);
  const relatedCards = listCards.slice(more.length);

  const tags: Link[] = (taxonomy.tags.get(row.id) ?? []).map((t) => ({ href: t.href, text: t.name }));
  const authorViews: AuthorView[] = authorRefs.map((a) => {
    const photo = a.photoAssetId !== null ? photos.get(a.photoAssetId) : undefined;
    return {
      href: a.href,
      name: a.name,
      role: a.role,
      bio: a.bio,
      photo: photo ? content.image(code, photo, { caption: '', credit: '', alt: '' }) : null,
    };
  });

  const blockViews: BlockView[] = [];
  for (const b of blocks) {
    if (b.type === 'image') {
      const asset = assets.get(b.assetId);
      if (asset)
        blockViews.push({ type: 'image', image: content.image(code, asset, { caption: b.caption, credit: b.credit, alt: b.alt }) });
    } else if (b.type === 'gallery') {
      const images = b.items.flatMap((i) => {
        const asset = assets.get(i.assetId);
        return asset ? [content.image(code, asset, { caption: i.caption, credit: i.credit, alt: i.alt })] : [];
      });
      if (images.length > 0) blockViews.push({ type: 'gallery', images });
    } else {
      blockViews.push(b);
    }
  }

  const card: ArticleCard = content.card(code, row, assets, over, heroTexts.get(row.id));
  const path = card.href;

  // Language menu and hreflang: the same story in every edition that shows it.
  const byWritten = new Map(siblings.map((s) => [s.edition, s]));
  const storyCodes = showingEditions(new Set(byWritten.keys()));
  const storyPath = (c: EditionCode): string | null => {
    const s = byWritten.get(contentEdition(c));
    return s ? paths.article(c, s.slug, s.public_id) : null;
  };
  const strings = text.strings;
  const seoTitle = texts.seoTitle ?? card.headline;
  const description = texts.seoDescription ?? card.lead;
  // Previews and structured data: the lead photo's crops, times with the zone's offset.
  const canonical = kit.abs(code, path);
  const hero = row.hero_asset_id !== null ? assets.get(row.hero_asset_id) : undefined;
  const crops = hero ? cropsFor(hero) : [];
  // The credit's name alone (the page prints it after the edition's "Photo:" label).
  const heroCredit = hero ? text.tx(heroTexts.get(row.id)?.credit ?? hero.credit ?? '') : '';
  const wide = crops.find((c) => c.ratio === '16x9');
  const timeZone = kit.deps.timeZone;
  const published = isoWithOffset(new Date(row.published_at), timeZone);
  const modified = row.updated_at && row.updated_at > row.published_at ? isoWithOffset(new Date(row.updated_at), timeZone) : published;
  const authorLinks = authorViews.map((a) => ({ name: a.name, url: kit.abs(code, a.href) }));
  const sectionHref = sectionName ? paths.section(code, sectionName.slug) : paths.home(code);
  const head: Head = {
    title: `${seoTitle} | ${strings.siteName}`,
    description,
    canonical,
    alternates: kit.alternates(storyCodes, (c) => storyPath(c)!),
    ogType: 'article',
    image: wide ? kit.abs(code, wide.path) : card.image ? kit.abs(code, card.image.src) : null,
    ...(wide && card.image ? { imageMeta: { width: wide.width, height: wide.height, alt: card.image.alt } } : {}),
    article: {
      publishedTime: published,
      modifiedTime: modified,
      section: card.section.text,
      tags: tags.map((t) => t.text),
      authors: authorLinks.map((a) => a.url),
    },
    jsonLd: [
      newsArticleJsonLd({
        url: canonical,
        headline: card.headline,
        description,
        datePublished: published,
        dateModified: modified,
        inLanguage: EDITIONS[code].lang,
        section: card.section.text,
        keywords: tags.map((t) => t.text),
        authors: authorLinks,
        images: crops.map((c) => ({
          url: kit.abs(code, c.path),
          width: c.width,
          height: c.height,
          ...(card.image?.caption ? { caption: card.image.caption } : {}),
          ...(heroCredit ? { creditText: heroCredit } : {}),
        })),
        publisher: kit.publisher(code),
      }),
      breadcrumbJsonLd([
        { name: strings.home, url: kit.abs(code, paths.home(code)) },
        ...(sectionName ? [{ name: card.section.text, url: kit.abs(code, sectionHref) }] : []),
        { name: card.headline, url: canonical },
      ]),
    ],
  };
  const page: ArticlePage = {
    card,
    updated: row.updated_at && row.updated_at > row.published_at ? timeView(row.updated_at, text) : null,
    correction: row.updated_at && row.correction_note ? text.tx(row.correction_note) : null,
    blocks: blockViews,
    sourceLine: texts.sourceLine,
    tags,
    authors: authorViews,
    moreFromSection: moreCards,
    related: relatedCards,
    sectionHref,
  };
  return {
    kind: 'page',
    data: {
      chrome: kit.chrome(code, { currentSectionId: row.section_id, languageHref: storyPath, switchHref: kit.switchPath(code, path) }),
      head,
      body: page,
      tags: [
        ...kit.baseTags(code),
        cacheTags.article(row.id),
        cacheTags.story(row.story_id),
        cacheTags.section(row.section_id, text.written),
        ...tagIds.map(cacheTags.tag),
        ...authorIds.map(cacheTags.author),
        ...more.map((m) => cacheTags.article(m.id)),
        ...related.map((m) => cacheTags.article(m.id)),
      ],
      beacon: { publicId: row.public_id, edition: code },
    },
  };
}
