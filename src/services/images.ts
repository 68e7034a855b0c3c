// Responsive image variants with sharp: WebP at the reader widths, never upscaled, and the
// fixed-ratio crops around the focal point (crops.ts) that structured data and previews link to.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { cropsFor, PUBLISHER_LOGO as LOGO } from '../content/crops.ts';
import { IMAGE_WIDTHS } from './urls.ts';

export interface StoredImage {
  readonly fileKey: string;
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
}

export interface FocalPoint {
  readonly x: number;
  readonly y: number;
}

/**
 * Writes a file so that a reader never sees it half-written (another process may serve or
 * rewrite the same demo files at the same time): a temporary name, then a rename.
 */
async function writeAtomic(file: string, data: Buffer): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await fs.writeFile(tmp, data);
  await fs.rename(tmp, file);
}

export async function writeVariants(
  input: Buffer,
  mediaDir: string,
  fileKey: string,
  focal: FocalPoint = { x: 0.5, y: 0.5 },
): Promise<StoredImage> {
  const image = sharp(input, { limitInputPixels: 50_000_000 }).rotate();
  const meta = await image.metadata();
  // EXIF orientations 5–8 turn the picture a quarter: rotate() swaps its sides.
  const turned = (meta.orientation ?? 1) >= 5;
  const width = (turned ? meta.height : meta.width) ?? 0;
  const height = (turned ? meta.width : meta.height) ?? 0;
  await fs.mkdir(mediaDir, { recursive: true });
  let bytes = 0;
  for (const w of widthsFor(width)) {
    const out = await image.clone().resize({ width: w, withoutEnlargement: true }).webp({ quality: 72 }).toBuffer();
    await writeAtomic(path.join(mediaDir, `${fileKey}-${w}.webp`), out);
    bytes += out.length;
  }
  for (const crop of cropsFor({ file_key: fileKey, width, height, focal_x: focal.x, focal_y: focal.y })) {
    const out = await image
      .clone()
      .extract(crop.region)
      .resize({ width: crop.width, height: crop.height, fit: 'fill' })
      .webp({ quality: 72 })
      .toBuffer();
    await writeAtomic(path.join(mediaDir, path.basename(crop.path)), out);
    bytes += out.length;
  }
  return { fileKey, width, height, bytes };
}

/** The reader widths an image of this width gets (never upscaled; a small image gets the smallest). */
export function widthsFor(width: number): number[] {
  const widths: number[] = IMAGE_WIDTHS.filter((w) => w <= width);
  return widths.length > 0 ? widths : [IMAGE_WIDTHS[0]];
}

/**
 * The original as it is kept and served: the same format, turned upright, with no metadata (no
 * EXIF, GPS, XMP or IPTC; only the colour profile is kept). JPEG and WebP are re-encoded at a high
 * quality, PNG losslessly. The uploaded bytes themselves are never written anywhere.
 */
export async function cleanOriginal(input: Buffer, ext: string): Promise<Buffer> {
  const image = sharp(input, { limitInputPixels: 50_000_000 }).rotate().keepIccProfile();
  if (ext === 'png') return image.png({ compressionLevel: 9 }).toBuffer();
  if (ext === 'webp') return image.webp({ quality: 92 }).toBuffer();
  return image.jpeg({ quality: 92, chromaSubsampling: '4:4:4' }).toBuffer();
}

/**
 * An original kept before originals were cleaned (older uploads): rewritten by cleanOriginal when
 * it still carries EXIF, XMP or IPTC. True when the file was rewritten; a missing file is skipped.
 */
export async function cleanStoredOriginal(file: string, ext: string): Promise<boolean> {
  const data = await fs.readFile(file).catch(() => null);
  if (!data) return false;
  const meta = await sharp(data, { limitInputPixels: 50_000_000 }).metadata();
  if (!meta.exif && !meta.xmp && !meta.iptc) return false;
  await writeAtomic(file, await cleanOriginal(data, ext));
  return true;
}

/**
 * An uploaded photo: the WebP variants and crops of writeVariants, AVIF at the same widths, and the
 * original under `originals/` without its metadata (cleanOriginal). Metadata (EXIF, GPS) is carried
 * into no file that is served.
 */
export async function writeUploadVariants(
  input: Buffer,
  ext: string,
  mediaDir: string,
  fileKey: string,
  focal: FocalPoint,
): Promise<StoredImage> {
  const stored = await writeVariants(input, mediaDir, fileKey, focal);
  const image = sharp(input, { limitInputPixels: 50_000_000 }).rotate();
  let bytes = stored.bytes;
  for (const w of widthsFor(stored.width)) {
    const out = await image.clone().resize({ width: w, withoutEnlargement: true }).avif({ quality: 55, effort: 2 }).toBuffer();
    await writeAtomic(path.join(mediaDir, `${fileKey}-${w}.avif`), out);
    bytes += out.length;
  }
  await fs.mkdir(path.join(mediaDir, 'originals'), { recursive: true });
  const original = await cleanOriginal(input, ext);
  await writeAtomic(path.join(mediaDir, 'originals', `${fileKey}-original.${ext}`), original);
  return { ...stored, bytes: bytes + original.length };
}

/** Removes every file of an image (after a failed upload, or when the photo is deleted). */
export async function removeImageFiles(mediaDir: string, fileKey: string): Promise<void> {
  for (const dir of [mediaDir, path.join(mediaDir, 'originals')]) {
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    await Promise.all(names.filter((n) => n.startsWith(`${fileKey}-`)).map((n) => fs.rm(path.join(dir, n), { force: true })));
  }
}

/** Every file of a stored photo by name (variants, AVIF, crops, original): no listing of the folder. */
export async function removeAssetFiles(
  mediaDir: string,
  asset: { file_key: string; width: number; height: number; original_ext: string },
): Promise<void> {
  const widths = widthsFor(asset.width);
  const names = [
    ...widths.map((w) => `${asset.file_key}-${w}.webp`),
    ...widths.map((w) => `${asset.file_key}-${w}.avif`),
    ...cropsFor({ file_key: asset.file_key, width: asset.width, height: asset.height, focal_x: 0.5, focal_y: 0.5 }).map((c) =>
      path.basename(c.path),
    ),
  ].map((n) => path.join(mediaDir, n));
  if (asset.original_ext) names.push(path.join(mediaDir, 'originals', `${asset.file_key}-original.${asset.original_ext}`));
  await Promise.all(names.map((n) => fs.rm(n, { force: true })));
}

/** Writes the publisher logo into the media folder unless it is there already. */
export async function ensureLogo(mediaDir: string): Promise<void> {
  const file = path.join(mediaDir, LOGO.file);
  if (
    await fs.stat(file).then(
      () => true,
      () => false,
    )
  )
    return;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${LOGO.width}" height="${LOGO.height}">
<rect width="100%" height="100%" fill="#ffffff"/>
<circle cx="30" cy="30" r="22" fill="#0b5cad"/><path d="M19 30h22M30 19v22" stroke="#f5c542" stroke-width="5"/>
<text x="64" y="43" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-weight="bold" font-size="38" fill="#0b2a4a">Habarshy</text>
</svg>`;
  await fs.mkdir(mediaDir, { recursive: true });
  await writeAtomic(file, await sharp(Buffer.from(svg)).png().toBuffer());
}

const PALETTES: readonly [string, string, string][] = [
  ['#0b5cad', '#59a5f5', '#f5c542'],
  ['#7a1f3d', '#e2677f', '#ffd5a8'],
  ['#1f5e3a', '#74c69d', '#f1faee'],
  ['#3d2c8d', '#916bbf', '#c996cc'],
  ['#8c3b00', '#f28f3b', '#ffd5c2'],
  ['#1d3557', '#457b9d', '#a8dadc'],
  ['#2b2d42', '#8d99ae', '#ef233c'],
];

/** A generated demo photo (no real photograph): a landscape-like composition in a palette, and its focal point (the sun, which the crops keep in the picture). */
export function demoPhoto(seed: number, width = 1200, height = 800): { svg: Buffer; focal: FocalPoint } {
  const [a, b, c] = PALETTES[seed % PALETTES.length]!;
  let x = seed * 9301 + 49297;
  const rnd = () => (x = (x * 9301 + 49297) % 233280) / 233280;
  const hills = Array.from({ length: 3 }, (_, i) => {
    const y = height * (0.55 + i * 0.12);
    const pts = Array.from({ length: 7 }, (_, k) => `${(k * width) / 6},${y - rnd() * height * 0.18}`).join(' ');
    return `<polygon points="0,${height} ${pts} ${width},${height}" fill="${i === 1 ? b : a}" opacity="${0.55 + i * 0.2}"/>`;
  }).join('');
  const sx = 0.2 + rnd() * 0.6;
  const sy = 0.18 + rnd() * 0.15;
  const sun = `<circle cx="${width * sx}" cy="${height * sy}" r="${height * (0.07 + rnd() * 0.05)}" fill="${c}"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${c}"/><stop offset="1" stop-color="${b}"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/>${sun}${hills}</svg>`;
  return { svg: Buffer.from(svg), focal: { x: Math.round(sx * 1000) / 1000, y: Math.round(sy * 1000) / 1000 } };
}
