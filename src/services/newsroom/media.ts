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
  searchAssets,
  setTexts,
  textsOf,
  uploadedOriginals,
  type AssetUse,
  type LibraryRow,
} from '../../store/mediaLibrary.ts';
import { recordAudit } from '../../store/audit.ts';
import { cropsFor } from '../crops.ts';
import { cleanStoredOriginal, removeAssetFiles, removeImageFiles, widthsFor, writeUploadVariants } from '../images.ts';
import type { SessionUser } from './auth.ts';
import { conflict, invalid, NewsroomError, notFound } from './errors.ts';
import { authorize } from './permissions.ts';
import { stripBidiControls } from '../../content/text.ts';

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
    if (input.data.length === 0) throw invalid('file: empty');
    if (input.data.length > MAX_UPLOAD_BYTES) throw new NewsroomError('TOO_LARGE', 'The file is larger than 25 MB');
    const format = FORMATS.find((f) => f.test(input.data));
    if (!format)
      throw new NewsroomError(
        'UNSUPPORTED_MEDIA_TYPE',
        "Only JPEG, PNG and WebP photos are accepted (the file's content is something else)",
      );
    // The header alone gives the dimensions: a decompression bomb is refused before decoding.
    let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
    try {
      meta = await sharp(input.data, { limitInputPixels: false }).metadata();
    } catch {
      throw badImage('The image cannot be read: the file is damaged');
    }
    if (meta.format !== format.sharp) throw badImage('The image cannot be read: the file is damaged');
    if (!meta.width || !meta.height) throw badImage('The image has no dimensions');
    if (meta.width * meta.height > MAX_PIXELS)
      throw badImage(`The image has ${Math.round((meta.width * meta.height) / 1e6)} megapixels; at most 50 are accepted`);
    // Decode it whole once: a truncated or corrupt file fails here, before anything is written.
    try {
      await sharp(input.data, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate().resize({ width: 64 }).raw().toBuffer();
    } catch {
      throw badImage('The image cannot be read: the file is damaged or incomplete');
    }
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

  async list(opts: { q?: string; limit: number; offset: number }): Promise<{ items: AssetOut[]; total: number }> {
    const q = opts.q?.trim();
    const matching = q
      ? [...new Set([q, q.toLowerCase(), q.toUpperCase(), q.charAt(0).toUpperCase() + q.slice(1).toLowerCase()])]
      : undefined;
    const { items, total } = await searchAssets(this.db, { ...(matching ? { matching } : {}), limit: opts.limit, offset: opts.offset });
    return { items: await this.present(items), total };
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

  /** Deletes a photo no article and no author uses, with all its files; audited. */
  async remove(user: SessionUser, id: number): Promise<void> {
    const row = await assetById(this.db, id);
    if (!row) throw notFound('No such photo');
    authorize(user, 'media.delete', { kind: 'media', createdBy: row.uploaded_by });
    const [uses, authors] = await Promise.all([articlesUsingAsset(this.db, id), authorsUsingAsset(this.db, id)]);
    if (uses.length > 0 || authors.length > 0) {
      const published = uses.filter(isPublic).length;
      throw conflict(
        'MEDIA_IN_USE',
        published > 0
          ? `${published} published or scheduled article(s) show this photo: it cannot be deleted`
          : uses.length > 0
            ? `${uses.length} unpublished article(s) use this photo: remove it from them first`
            : "An author's profile uses this photo: choose another one first",
        { articles: uses.map((u) => ({ id: u.id, edition: u.edition, status: u.status })), authors },
      );
    }
    const now = this.clock().toISOString();
    await this.db.transaction().execute(async (trx) => {
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
