// The derived scripts while writing: live conversion of a kz or uz text into its derived editions
// (qz and ق ز; Uzbek Latin) with the same converters and lexicon as the reader pages, the words the
// converter is unsure of, and per-field overrides of a derived article, which win over the converter.
import type { Db } from '../../db/connect.ts';
import { InvalidBodyError, parseBody, type Body } from '../../content/body.ts';
import { cacheTags } from '../../cache/tags.ts';
import { DERIVED_EDITIONS, EDITIONS, SCRIPT_SOURCES, type DerivedEditionCode } from '../../editions/editions.ts';
import { recordAudit } from '../../store/audit.ts';
import { setOverride } from '../../store/overrides.ts';
import { deleteOverride, overridesOfArticle } from '../../store/newsroomStories.ts';
import { convertBlocks, type EditionTexts } from '../editionText.ts';
import type { UnsureWord } from '../../script/types.ts';
import type { SessionUser } from './auth.ts';
import type { NewsroomArticles } from './articles.ts';
import { invalid } from './errors.ts';
import { stripBidiControls } from '../../content/text.ts';

export interface DerivedDeps {
  readonly db: Db;
  readonly articles: NewsroomArticles;
  readonly texts: EditionTexts;
  readonly clock: () => Date;
  readonly invalidate: (tags: Iterable<string>) => number;
}

export interface ConvertInput {
  edition: string;
  articleId?: number;
  headline: string;
  lead: string;
  body: unknown;
}

export interface ConvertedEdition {
  edition: DerivedEditionCode;
  dir: 'ltr' | 'rtl';
  headline: string;
  lead: string;
  body: Body;
  unsure: { word: string; reason: UnsureWord['reason'] }[];
}

/** Overridable fields: the API's name → the stored column name (both are accepted in paths). */
const FIELDS = {
  headline: 'headline',
  lead: 'lead',
  sourceLine: 'source_line',
  seoTitle: 'seo_title',
  seoDescription: 'seo_description',
  body: 'body',
} as const;
type Column = (typeof FIELDS)[keyof typeof FIELDS];
const API_NAME = Object.fromEntries(Object.entries(FIELDS).map(([api, column]) => [column, api])) as Record<Column, string>;
/** The same limits as the source article's fields (services/newsroom/articles.ts). */
const TEXT_LIMITS: Record<Exclude<Column, 'body'>, number> = {
  headline: 300,
  lead: 1000,
  source_line: 300,
  seo_title: 200,
  seo_description: 400,
};

/** The derived editions of a written edition (kz → qz, tote; uz → uz-latn). */
export function derivedOf(edition: string): DerivedEditionCode[] {
  return DERIVED_EDITIONS.filter((d) => {
    const e = EDITIONS[d];
    return e.kind === 'derived' && e.source === edition;
  });
}

function columnOf(field: string): Column {
  // Own keys only: a path like /overrides/qz/constructor must not find Object's properties.
  if (Object.hasOwn(FIELDS, field)) return FIELDS[field as keyof typeof FIELDS];
  const column = Object.values(FIELDS).find((c) => c === field);
  if (!column) throw invalid(`field: one of ${Object.keys(FIELDS).join(', ')}`);
  return column;
}

function validBody(value: unknown, name = 'body'): Body {
  try {
    return parseBody(value);
  } catch (e) {
    if (e instanceof InvalidBodyError) throw invalid(`${name}: ${e.message}`, { path: e.path });
    throw e;
  }
}

/** The stored text of an override: blocks as JSON for the body, the text itself otherwise. */
function overrideValue(column: Column, value: unknown): string {
  if (column === 'body') {
    let blocks = value;
    if (typeof value === 'string') {
      try {
        blocks = JSON.parse(value) as unknown;
      } catch {
        throw invalid('value: the body as blocks (docs/body-schema.md)');
      }
    }
    return JSON.stringify(validBody(blocks, 'value'));
  }
  const limit = TEXT_LIMITS[column];
  const text = typeof value === 'string' ? stripBidiControls(value) : value;
  if (typeof text !== 'string' || !text.trim() || text.length > limit) throw invalid(`value: text of 1–${limit} characters`);
  return text;
}

export class NewsroomDerived {
  constructor(private readonly deps: DerivedDeps) {}

  /** The texts in every derived edition of `edition`, with the article's overrides when given. */
  async convert(user: SessionUser, input: ConvertInput): Promise<{ editions: ConvertedEdition[] }> {
    if (!(SCRIPT_SOURCES as readonly string[]).includes(input.edition))
      throw invalid(`edition: ${SCRIPT_SOURCES.join(' or ')} (the editions with derived scripts)`);
    const body = validBody(input.body);
    let overrides: { edition: string; field: string; value: string }[] = [];
    if (input.articleId !== undefined) {
      const row = await this.deps.articles.readable(user, input.articleId);
      if (row.edition !== input.edition) throw invalid(`articleId: that article is in ${row.edition}, not ${input.edition}`);
      overrides = await overridesOfArticle(this.deps.db, input.articleId);
    }
    const editions = derivedOf(input.edition).map((code) => {
      const mine = new Map(overrides.filter((o) => o.edition === code).map((o) => [o.field, o.value]));
      return this.convertOne(code, input.headline, input.lead, body, mine);
    });
    return { editions };
  }

  private convertOne(
    code: DerivedEditionCode,
    headline: string,
    lead: string,
    body: Body,
    overrides: ReadonlyMap<string, string>,
  ): ConvertedEdition {
    const converter = this.deps.texts.get(code).converter;
    if (!converter) throw new Error(`${code} has no converter`);
    // Only converted text is reported: an overridden field is the editor's own spelling.
    const unsure = new Map<string, UnsureWord['reason']>();
    const report = (text: string) => {
      if (!text) return text;
      const r = converter.report(text);
      for (const u of r.unsure) if (!unsure.has(u.word)) unsure.set(u.word, u.reason);
      return r.text;
    };
    const overriddenBody = overrides.get('body');
    return {
      edition: code,
      dir: EDITIONS[code].dir,
      headline: overrides.get('headline') ?? report(headline),
      lead: overrides.get('lead') ?? report(lead),
      body:
        overriddenBody !== undefined
          ? parseBody(JSON.parse(overriddenBody))
          : { version: body.version, blocks: convertBlocks(body.blocks, report) },
      unsure: [...unsure].map(([word, reason]) => ({ word, reason })),
    };
  }

  /** The article's overrides, fields by their API names. */
  async overrides(user: SessionUser, articleId: number): Promise<{ items: { edition: string; field: string; value: string }[] }> {
    await this.deps.articles.readable(user, articleId);
    const rows = await overridesOfArticle(this.deps.db, articleId);
    return { items: rows.map((r) => ({ edition: r.edition, field: API_NAME[r.field as Column] ?? r.field, value: r.value })) };
  }

  /** Sets one field of one derived edition of the article; its cached pages are dropped. */
  async setOverride(user: SessionUser, articleId: number, edition: string, field: string, value: unknown): Promise<void> {
    const { column } = await this.checkTarget(user, articleId, edition, field);
    const stored = overrideValue(column, value);
    const now = this.deps.clock().toISOString();
    await this.deps.db.transaction().execute(async (trx) => {
      await setOverride(trx, articleId, edition, column, stored, now);
      await recordAudit(
        trx,
        {
          userId: user.id,
          action: 'override.set',
          targetType: 'article',
          targetId: articleId,
          detail: { edition, field: API_NAME[column] },
        },
        now,
      );
    });
    this.dropPages(articleId);
  }

  /** Back to the converter for that field. */
  async removeOverride(user: SessionUser, articleId: number, edition: string, field: string): Promise<void> {
    const { column } = await this.checkTarget(user, articleId, edition, field);
    const now = this.deps.clock().toISOString();
    const removed = await this.deps.db.transaction().execute(async (trx) => {
      const gone = await deleteOverride(trx, articleId, edition, column);
      if (gone)
        await recordAudit(
          trx,
          {
            userId: user.id,
            action: 'override.remove',
            targetType: 'article',
            targetId: articleId,
            detail: { edition, field: API_NAME[column] },
          },
          now,
        );
      return gone;
    });
    if (removed) this.dropPages(articleId);
  }

  private async checkTarget(user: SessionUser, articleId: number, edition: string, field: string): Promise<{ column: Column }> {
    const row = await this.deps.articles.readable(user, articleId, 'derived.override');
    if (!(derivedOf(row.edition) as string[]).includes(edition)) {
      const options = derivedOf(row.edition);
      throw invalid(
        options.length > 0
          ? `edition: ${options.join(' or ')} (the derived editions of ${row.edition})`
          : `edition: a ${row.edition} article has no derived editions`,
      );
    }
    return { column: columnOf(field) };
  }

  /**
   * Derived editions reuse the source article's id, so the article's tag names exactly the pages
   * that show it (its page and its cards in lists) — no other page changes.
   */
  private dropPages(articleId: number): void {
    this.deps.invalidate([cacheTags.article(articleId)]);
  }
}
