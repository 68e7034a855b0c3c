// Photo uploads for the newsroom: the file's type is read from its content (JPEG, PNG, WebP),
// its size, pixel count and decodability are checked before anything is written, sharp makes the
// WebP and AVIF variants and crops and the original is kept; a refused or failed upload leaves no
// row and no file. The kept original carries no metadata (no EXIF or GPS reaches anything served).
// Captions and credits per edition; search by caption and credit in any script. Who may change a
// photo follows the articles that show it (their desks; editors once one is published or
// scheduled); a change is audited and drops exactly the cached pages of those articles, in every
// edition (derived scripts included). A photo no article or author uses can be deleted.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { Db } from '../../db/connect.ts';
import { WRITTEN_EDITIONS } from '../../editions/editions.ts';
import { cacheTags } from '../../cache/tags.ts';
import {
  articlesUsingAsset,
  assetById,
  authorsUsingAsset,
  deleteAsset,
  libraryUploaders,
  searchAssets,
  setTexts,
  textsOf,
  uploadedOriginals,
  type AssetUse,
  type LibraryRow,
} from '../../store/mediaLibrary.ts';
import { recordAudit } from '../../store/audit.ts';
import { cropsFor } from '../../content/crops.ts';
import { cleanStoredOriginal, removeAssetFiles, removeImageFiles, widthsFor, writeUploadVariants, writeVariants } from '../images.ts';
import type { SessionUser } from './auth.ts';
import { conflict, invalid, NewsroomError, notFound } from './errors.ts';
import { authorize } from './permissions.ts';
import { stripBidiControls } from '../../content/text.ts';
import { stripTypedLabel } from '../../content/typedLabels.ts';
import { CREDIT_LABELS } from './typedLabels.ts';

export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
export const MAX_PIXELS = 50_000_000;

const FORMATS = [
  { mime: 'image/jpeg', ext: 'jpg', sharp: 'jpeg', test: (b: Buffer) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    mime: 'image/png',
    ext: 'png',
    sharp: 'png',
    test: (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    mime: 'image/webp',
    ext: 'webp',
    sharp: 'webp',
    test: (b: Buffer) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
] as const;

export interface AssetOut {
  id: number;
  width: number;
  height: number;
  focalX: number;
  focalY: number;
  mime: string;
  bytes: number;
  originalName: string;
  createdAt: string;
  uploadedBy: number | null;
  /** The desk it was uploaded for (null for demo photos and older uploads). */
  desk: string | null;
  texts: Record<string, { caption: string; credit: string }>;
  urls: { webp: Record<string, string>; avif: Record<string, string>; original: string };
}

export interface UploadInput {
  readonly data: Buffer;
  readonly filename: string;
  readonly edition?: string;
  readonly caption?: string;
  readonly credit?: string;
}

const badImage = (why: string) => new NewsroomError('BAD_IMAGE', why);

function cleanName(name: string): string {
  // Keep a readable name for the library; path parts, control characters and bidi overrides go.
  return [...path.basename(stripBidiControls(name).replace(/\\/g, '/'))]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .slice(0, 200);
}
/** A caption or credit: one line of text without bidi overrides. */
const oneLine = (text: string) => stripBidiControls(text).trim();

/** The photo's format by content, after every check (size, type, dimensions, pixels, a whole decode); nothing written. */
async function checkImage(data: Buffer): Promise<(typeof FORMATS)[number]> {
  if (data.length === 0) throw invalid('file: empty');
  if (data.length > MAX_UPLOAD_BYTES) throw new NewsroomError('TOO_LARGE', 'The file is larger than 25 MB');
  const format = FORMATS.find((f) => f.test(data));
  if (!format)
    throw new NewsroomError('UNSUPPORTED_MEDIA_TYPE', "Only JPEG, PNG and WebP photos are accepted (the file's content is something else)");
  // The header alone gives the dimensions: a decompression bomb is refused before decoding.
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    meta = await sharp(data, { limitInputPixels: false }).metadata();
  } catch {
    throw badImage('The image cannot be read: the file is damaged');
  }
  if (meta.format !== format.sharp) throw badImage('The image cannot be read: the file is damaged');
  if (!meta.width || !meta.height) throw badImage('The image has no dimensions');
  if (meta.width * meta.height > MAX_PIXELS)
    throw badImage(`The image has ${Math.round((meta.width * meta.height) / 1e6)} megapixels; at most 50 are accepted`);
  // Decode it whole once: a truncated or corrupt file fails here, before anything is written.
  try {
    await sharp(data, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate().resize({ width: 64 }).raw().toBuffer();
  } catch {
    throw badImage('The image cannot be read: the file is damaged or incomplete');
  }
  return format;
}

export interface ListOptions {
  readonly q?: string;
  /** Uploaded for this desk (or, for photos without one, captioned in its edition). */
  readonly desk?: string;
  readonly uploader?: number;
  /** Uploaded on or after this day (YYYY-MM-DD, UTC). */
  readonly from?: string;
  /** Uploaded on or before this day (YYYY-MM-DD, UTC). */
  readonly to?: string;
  readonly limit: number;
  readonly offset: number;
}

/** The day after a YYYY-MM-DD, as the ISO time it starts. */
function nextDay(day: string, name = 'to'): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day) throw invalid(`${name}: a date YYYY-MM-DD`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

/** Rotations, clockwise, in quarter turns. */
export type Rotation = 90 | 180 | 270;

/** Where a point (0..1 each way) of a photo lands once the photo is turned clockwise. */
export function rotatePoint(x: number, y: number, degrees: Rotation): { x: number; y: number } {
  const r = (n: number) => Math.round(n * 10000) / 10000;
  if (degrees === 90) return { x: r(1 - y), y: r(x) };
  if (degrees === 180) return { x: r(1 - x), y: r(1 - y) };
  return { x: r(y), y: r(1 - x) };
}

export interface ArticlePhotoTexts {
  /** The article's lead photo (null: none). */
  assetId: number | null;
  /** The article's own texts, or null when the library's are shown. */
  override: { caption: string; credit: string } | null;
}

export interface MediaDeps {
  readonly db: Db;
  /** DATA_DIR/media. */
  readonly mediaDir: string;
  readonly clock: () => Date;
  /** Drops cached pages by tag (Services.invalidate). */
  readonly invalidate: (tags: Iterable<string>) => number;
}

/** Readers see it, or will at a set time: changing it is an editor's correction. */
const isPublic = (use: AssetUse) => use.status === 'published' || use.status === 'scheduled';

/** May the user change this photo? The desks of every article that shows it decide (none: anyone may). */
function authorizeEdit(user: SessionUser, uses: readonly AssetUse[]): void {
  if (uses.length === 0) authorize(user, 'media.edit');
  for (const use of uses) authorize(user, isPublic(use) ? 'media.editPublished' : 'media.edit', { edition: use.edition });
}

export class MediaLibrary {
  private readonly db: Db;
  private readonly mediaDir: string;
  private readonly clock: () => Date;

  constructor(private readonly deps: MediaDeps) {
    this.db = deps.db;
    this.mediaDir = deps.mediaDir;
    this.clock = deps.clock;
  }

  private async present(rows: readonly LibraryRow[]): Promise<AssetOut[]> {
    const texts = await textsOf(
      this.db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => {
      const widths = widthsFor(r.width);
      const uploaded = r.original_ext !== '';
      return {
        id: r.id,
        width: r.width,
        height: r.height,
        focalX: r.focal_x,
        focalY: r.focal_y,
        mime: r.mime,
        bytes: r.bytes,
        originalName: r.original_name,
        createdAt: r.created_at,
        uploadedBy: r.uploaded_by,
        desk: r.desk,
        texts: Object.fromEntries(
          texts.filter((t) => t.asset_id === r.id).map((t) => [t.edition, { caption: t.caption, credit: t.credit }]),
        ),
        urls: {
          webp: Object.fromEntries(widths.map((w) => [String(w), `/media/${r.file_key}-${w}.webp`])),
          avif: uploaded ? Object.fromEntries(widths.map((w) => [String(w), `/media/${r.file_key}-${w}.avif`])) : {},
          original: uploaded
            ? `/media/originals/${r.file_key}-original.${r.original_ext}`
            : `/media/${r.file_key}-${widths[widths.length - 1]}.webp`,
        },
      };
    });
  }

  async upload(user: SessionUser, input: UploadInput): Promise<AssetOut> {
    authorize(user, 'media.upload');
    const edition = input.edition || user.desks[0] || 'kz';
    if (!(WRITTEN_EDITIONS as readonly string[]).includes(edition)) throw invalid('edition: one of kz, ru, en, cn, uz');
    const caption = oneLine(input.caption ?? '').slice(0, 1000);
    const credit = oneLine(input.credit ?? '').slice(0, 300);
    const format = await checkImage(input.data);
    const fileKey = `u${this.clock().getTime().toString(36)}${randomBytes(5).toString('hex')}`;
    try {
      const stored = await writeUploadVariants(input.data, format.ext, this.mediaDir, fileKey, { x: 0.5, y: 0.5 });
      const now = this.clock().toISOString();
      const id = await this.db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('media_assets')
          .values({
            file_key: fileKey,
            mime: format.mime,
            width: stored.width,
            height: stored.height,
            focal_x: 0.5,
            focal_y: 0.5,
            bytes: stored.bytes,
            created_at: now,
            original_name: cleanName(input.filename),
            original_ext: format.ext,
            uploaded_by: user.id,
            desk: edition,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (caption || credit) await setTexts(trx, row.id, { [edition]: { caption, credit } });
        await recordAudit(
          trx,
          { userId: user.id, action: 'media.upload', targetType: 'media', targetId: row.id, detail: { name: cleanName(input.filename) } },
          now,
        );
        return row.id;
      });
      return (await this.present([(await assetById(this.db, id))!]))[0]!;
    } catch (e) {
      await removeImageFiles(this.mediaDir, fileKey);
      if (e instanceof NewsroomError) throw e;
      if (e instanceof Error && /Input|unsupported|corrupt|premature|VipsJpeg|pngload|webpload/i.test(e.message))
        throw badImage('The image cannot be read: the file is damaged');
      throw e;
    }
  }

  async list(opts: ListOptions): Promise<{ items: AssetOut[]; total: number; uploaders: { id: number; name: string }[] }> {
    const q = opts.q?.trim();
    const matching = q
      ? [...new Set([q, q.toLowerCase(), q.toUpperCase(), q.charAt(0).toUpperCase() + q.slice(1).toLowerCase()])]
      : undefined;
    if (opts.desk !== undefined && !(WRITTEN_EDITIONS as readonly string[]).includes(opts.desk))
      throw invalid('desk: one of kz, ru, en, cn, uz');
    if (opts.from !== undefined) nextDay(opts.from, 'from');
    if (opts.to !== undefined) nextDay(opts.to, 'to');
    if (opts.from !== undefined && opts.to !== undefined && opts.from > opts.to) throw invalid('from: a day after to');
    const [{ items, total }, uploaders] = await Promise.all([
      searchAssets(this.db, {
        ...(matching ? { matching } : {}),
        ...(opts.desk !== undefined ? { desk: opts.desk } : {}),
        ...(opts.uploader !== undefined ? { uploader: opts.uploader } : {}),
        // Whole days in UTC: `to` includes its day.
        ...(opts.from !== undefined ? { from: `${opts.from}T00:00:00.000Z` } : {}),
        ...(opts.to !== undefined ? { before: nextDay(opts.to) } : {}),
        limit: opts.limit,
        offset: opts.offset,
      }),
      libraryUploaders(this.db),
    ]);
    return { items: await this.present(items), total, uploaders };
  }

  async get(id: number): Promise<AssetOut> {
    const row = await assetById(this.db, id);
    if (!row) throw notFound('No such photo');
    return (await this.present([row]))[0]!;
  }

  async update(
    user: SessionUser,
    id: number,
    patch: { texts?: Record<string, { caption: string; credit: string }>; focalX?: number; focalY?: number },
  ): Promise<AssetOut> {
    const row = await assetById(this.db, id);
    if (!row) throw notFound('No such photo');
    const uses = await articlesUsingAsset(this.db, id);
    authorizeEdit(user, uses);
    for (const edition of Object.keys(patch.texts ?? {})) {
      if (!(WRITTEN_EDITIONS as readonly string[]).includes(edition)) throw invalid(`texts: "${edition}" is not a written edition`);
    }
    const focal = { x: patch.focalX ?? row.focal_x, y: patch.focalY ?? row.focal_y };
    const focalMoved = focal.x !== row.focal_x || focal.y !== row.focal_y;
    const texts = Object.fromEntries(
      Object.entries(patch.texts ?? {}).map(([e, t]) => [e, { caption: oneLine(t.caption), credit: oneLine(t.credit) }]),
    );
    const before = Object.fromEntries(
      (await textsOf(this.db, [id])).filter((t) => t.edition in texts).map((t) => [t.edition, { caption: t.caption, credit: t.credit }]),
    );
    const changedTexts = Object.fromEntries(
      Object.entries(texts).filter(([e, t]) => before[e]?.caption !== t.caption || before[e]?.credit !== t.credit),
    );
    if (Object.keys(changedTexts).length === 0 && !focalMoved) return this.get(id);
    const now = this.clock().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await setTexts(trx, id, changedTexts);
      if (focalMoved) await trx.updateTable('media_assets').set({ focal_x: focal.x, focal_y: focal.y }).where('id', '=', id).execute();
      await recordAudit(
        trx,
        {
          userId: user.id,
          action: 'media.edit',
          targetType: 'media',
          targetId: id,
          detail: {
            ...(Object.keys(changedTexts).length > 0 ? { texts: changedTexts, before } : {}),
            ...(focalMoved ? { focal: { x: focal.x, y: focal.y }, focalBefore: { x: row.focal_x, y: row.focal_y } } : {}),
            articles: uses.map((u) => u.id),
          },
        },
        now,
      );
    });
    if (focalMoved && row.original_ext) {
      // The structured-data crops follow the focal point (written outside the transaction).
      const source = path.join(this.mediaDir, 'originals', `${row.file_key}-original.${row.original_ext}`);
      const image = sharp(source, { limitInputPixels: MAX_PIXELS }).rotate();
      for (const crop of cropsFor({ ...row, focal_x: focal.x, focal_y: focal.y })) {
        const out = await image
          .clone()
          .extract(crop.region)
          .resize({ width: crop.width, height: crop.height, fit: 'fill' })
          .webp({ quality: 72 })
          .toBuffer();
        await fs.writeFile(path.join(this.mediaDir, path.basename(crop.path)), out);
      }
    }
    // Every page of those articles (their editions and derived scripts, and the lists with their cards).
    if (uses.length > 0) this.deps.invalidate(uses.map((u) => cacheTags.article(u.id)));
    return this.get(id);
  }

  /**
   * Turns a photo clockwise by quarter turns: every stored size, crop and the kept original are made
   * again from the original (the largest variant for demo photos) under a new file key, so that no
   * browser or edge keeps the old picture; the focal point turns with it. Same id and texts; the
   * pages of the articles that show it change at once.
   */
  async rotate(user: SessionUser, id: number, degrees: Rotation): Promise<AssetOut> {
    const row = await assetById(this.db, id);
    if (!row) throw notFound('No such photo');
    const uses = await articlesUsingAsset(this.db, id);
    authorizeEdit(user, uses);
    const source = row.original_ext
      ? path.join(this.mediaDir, 'originals', `${row.file_key}-original.${row.original_ext}`)
      : path.join(this.mediaDir, `${row.file_key}-${widthsFor(row.width).at(-1)}.webp`);
    const data = await fs.readFile(source).catch(() => null);
    if (!data) throw conflict('CONFLICT', 'The stored file of this photo is missing: upload it again with Replace');
    const ext = row.original_ext || 'webp';
    const turned = await sharp(data, { limitInputPixels: MAX_PIXELS })
      .rotate(degrees)
      .toFormat(ext === 'jpg' ? 'jpeg' : (ext as 'png' | 'webp'), ext === 'png' ? {} : { quality: 95 })
      .toBuffer();
    const focal = rotatePoint(row.focal_x, row.focal_y, degrees);
    return this.storeNewFile(user, row, uses, turned, {
      ext,
      mime: row.mime,
      focal,
      originalName: row.original_name,
      audit: { action: 'media.rotate', detail: { degrees } },
    });
  }

  /**
   * A new file for a photo: checked as an upload is (a refused file changes nothing), stored under
   * a new file key; the id, captions, credits and the articles that show it stay, the focal point
   * goes back to the middle. The pages of those articles change at once.
   */
  async replace(user: SessionUser, id: number, input: UploadInput): Promise<AssetOut> {
    const row = await assetById(this.db, id);
    if (!row) throw notFound('No such photo');
    const uses = await articlesUsingAsset(this.db, id);
    authorizeEdit(user, uses);
    const format = await checkImage(input.data);
    return this.storeNewFile(user, row, uses, input.data, {
      ext: format.ext,
      mime: format.mime,
      focal: { x: 0.5, y: 0.5 },
      originalName: cleanName(input.filename),
      audit: { action: 'media.replace', detail: { name: cleanName(input.filename), before: row.original_name } },
    });
  }

  private async storeNewFile(
    user: SessionUser,
    row: LibraryRow,
    uses: readonly AssetUse[],
    data: Buffer,
    opts: {
      ext: string;
      mime: string;
      focal: { x: number; y: number };
      originalName: string;
      audit: { action: string; detail: Record<string, unknown> };
    },
  ): Promise<AssetOut> {
    const fileKey = `u${this.clock().getTime().toString(36)}${randomBytes(5).toString('hex')}`;
    // A demo photo (no kept original) stays one: WebP sizes and crops only.
    const keepOriginal = row.original_ext !== '' || opts.audit.action === 'media.replace';
    let stored: Awaited<ReturnType<typeof writeUploadVariants>>;
    try {
      stored = keepOriginal
        ? await writeUploadVariants(data, opts.ext, this.mediaDir, fileKey, opts.focal)
        : await writeVariants(data, this.mediaDir, fileKey, opts.focal);
    } catch (e) {
      await removeImageFiles(this.mediaDir, fileKey);
      throw e instanceof NewsroomError ? e : badImage('The image cannot be read: the file is damaged');
    }
    const now = this.clock().toISOString();
    try {
      await this.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('media_assets')
          .set({
            file_key: fileKey,
            mime: opts.mime,
            width: stored.width,
            height: stored.height,
            bytes: stored.bytes,
            focal_x: opts.focal.x,
            focal_y: opts.focal.y,
            original_name: opts.originalName,
            original_ext: keepOriginal ? opts.ext : '',
          })
          .where('id', '=', row.id)
          .execute();
        await recordAudit(
          trx,
          {
            userId: user.id,
            action: opts.audit.action,
            targetType: 'media',
            targetId: row.id,
            detail: { ...opts.audit.detail, fileKey, fileKeyBefore: row.file_key, articles: uses.map((u) => u.id) },
          },
          now,
        );
      });
    } catch (e) {
      await removeImageFiles(this.mediaDir, fileKey);
      throw e;
    }
    // The pages that link to the old files: the articles' and the authors' whose photo it is.
    const authors = await authorsUsingAsset(this.db, row.id);
    const tags = [...uses.map((u) => cacheTags.article(u.id)), ...authors.map((a) => cacheTags.author(a))];
    if (tags.length > 0) this.deps.invalidate(tags);
    await removeAssetFiles(this.mediaDir, row);
    return this.get(row.id);
  }

  private async article(articleId: number) {
    const row = await this.db
      .selectFrom('articles')
      .select(['id', 'edition', 'status', 'created_by', 'hero_asset_id'])
      .where('id', '=', articleId)
      .executeTakeFirst();
    if (!row) throw notFound('No such article');
    return row;
  }

  /** As the article's own rules (articleRules.ts): published ones are open to every newsroom user to read. */
  private authorizeArticle(user: SessionUser, row: { edition: string; status: string; created_by: number | null }, write: boolean): void {
    const target = { edition: row.edition, createdBy: row.created_by, status: row.status };
    if (row.status !== 'published') authorize(user, 'article.read', target);
    if (write) authorize(user, row.status === 'published' ? 'article.correct' : 'article.edit', target);
  }

  /** An article's own caption and credit of its lead photo (null: the library's are shown). */
  async articlePhotoTexts(user: SessionUser, articleId: number): Promise<ArticlePhotoTexts> {
    const row = await this.article(articleId);
    this.authorizeArticle(user, row, false);
    const over = await this.db
      .selectFrom('article_photo_texts')
      .select(['asset_id', 'caption', 'credit'])
      .where('article_id', '=', articleId)
      .executeTakeFirst();
    return {
      assetId: row.hero_asset_id,
      override: over && over.asset_id === row.hero_asset_id ? { caption: over.caption, credit: over.credit } : null,
    };
  }

  /**
   * Sets the article's own caption and credit of its lead photo, which win over the library's for
   * this article only (both empty: the library's again). Saving follows the article's rules (its
   * desk; an editor once it is published); audited; its pages change at once.
   */
  async setArticlePhotoTexts(user: SessionUser, articleId: number, texts: { caption: string; credit: string }): Promise<ArticlePhotoTexts> {
    const row = await this.article(articleId);
    this.authorizeArticle(user, row, true);
    if (row.hero_asset_id === null) throw invalid('The article has no lead photo');
    const caption = oneLine(texts.caption);
    const credit = stripTypedLabel(oneLine(texts.credit), CREDIT_LABELS);
    const before = await this.articlePhotoTexts(user, articleId);
    const now = this.clock().toISOString();
    const heroId = row.hero_asset_id;
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('article_photo_texts').where('article_id', '=', articleId).execute();
      if (caption || credit)
        await trx
          .insertInto('article_photo_texts')
          .values({ article_id: articleId, asset_id: heroId, caption, credit, updated_at: now })
          .execute();
      await recordAudit(
        trx,
        {
          userId: user.id,
          action: 'article.photoTexts',
          targetType: 'article',
          targetId: articleId,
          detail: { assetId: heroId, caption, credit, before: before.override },
        },
        now,
      );
    });
    this.deps.invalidate([cacheTags.article(articleId)]);
    return this.articlePhotoTexts(user, articleId);
  }

  /** Deletes a photo no article and no author uses, with all its files; audited. */
  async remove(user: SessionUser, id: number): Promise<void> {
    const row = await assetById(this.db, id);
    if (!row) throw notFound('No such photo');
    authorize(user, 'media.delete', { kind: 'media', createdBy: row.uploaded_by });
    const [uses, authors] = await Promise.all([articlesUsingAsset(this.db, id), authorsUsingAsset(this.db, id)]);
    if (uses.length > 0 || authors.length > 0) {
      const published = uses.filter(isPublic).length;
      const headlines = new Map(
        uses.length > 0
          ? (
              await this.db
                .selectFrom('articles')
                .select(['id', 'headline'])
                .where(
                  'id',
                  'in',
                  uses.map((u) => u.id),
                )
                .execute()
            ).map((a) => [a.id, a.headline])
          : [],
      );
      const named = uses
        .slice(0, 5)
        .map((u) => `"${headlines.get(u.id) ?? ''}" (${u.edition}, ${u.status})`)
        .join(', ');
      throw conflict(
        'MEDIA_IN_USE',
        published > 0
          ? `${published} published or scheduled article(s) show this photo: it cannot be deleted. Used by ${named}`
          : uses.length > 0
            ? `${uses.length} unpublished article(s) use this photo: remove it from them first. Used by ${named}`
            : "An author's profile uses this photo: choose another one first",
        { articles: uses.map((u) => ({ id: u.id, edition: u.edition, status: u.status, headline: headlines.get(u.id) ?? '' })), authors },
      );
    }
    const now = this.clock().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('article_photo_texts').where('asset_id', '=', id).execute();
      await deleteAsset(trx, id);
      await recordAudit(
        trx,
        {
          userId: user.id,
          action: 'media.delete',
          targetType: 'media',
          targetId: id,
          detail: { name: row.original_name, fileKey: row.file_key, uploadedBy: row.uploaded_by },
        },
        now,
      );
    });
    // Demo photos (no original) share nothing with uploads; their files go the same way.
    await removeAssetFiles(this.mediaDir, row);
  }

  /**
   * Rewrites the originals kept before uploads were cleaned that still carry metadata (EXIF, GPS,
   * XMP, IPTC), one at a time (`habarshy media clean-originals`). Returns how many were checked and rewritten.
   */
  async cleanOriginals(onProgress?: (done: number, total: number) => void): Promise<{ checked: number; cleaned: number }> {
    const rows = await uploadedOriginals(this.db);
    let cleaned = 0;
    for (const [i, row] of rows.entries()) {
      if (
        await cleanStoredOriginal(path.join(this.mediaDir, 'originals', `${row.file_key}-original.${row.original_ext}`), row.original_ext)
      )
        cleaned += 1;
      onProgress?.(i + 1, rows.length);
    }
    return { checked: rows.length, cleaned };
  }
}
