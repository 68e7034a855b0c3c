// Fixed-ratio crops of a photo around its focal point, for structured data and link previews
// (search engines ask for 16:9, 4:3 and 1:1). Pure geometry, shared by the writer (images.ts)
// and the pages that link to the files, so both always agree on the file names.

export const CROP_RATIOS = { '16x9': [16, 9], '4x3': [4, 3], '1x1': [1, 1] } as const;
export type CropRatio = keyof typeof CROP_RATIOS;
export const CROP_NAMES = Object.keys(CROP_RATIOS) as CropRatio[];

/** Crops are at most this wide (never upscaled). */
export const CROP_MAX_WIDTH = 1200;

export interface Region {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface Crop {
  readonly ratio: CropRatio;
  /** The region of the (orientation-corrected) original that is cut out. */
  readonly region: Region;
  /** The size of the written file: exactly the ratio, at most CROP_MAX_WIDTH wide. */
  readonly width: number;
  readonly height: number;
  /** `/media/{fileKey}-{ratio}-{width}.webp`. */
  readonly path: string;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export function cropPath(fileKey: string, ratio: CropRatio, width: number): string {
  return `/media/${fileKey}-${ratio}-${width}.webp`;
}

/**
 * The largest region of the ratio that fits the photo, centred on the focal point (0..1 each way)
 * as far as the edges allow, and the output size: whole multiples of the ratio, so that the file's
 * width:height is exact. Null when the photo is too small for the ratio.
 */
export function cropFor(fileKey: string, width: number, height: number, focalX: number, focalY: number, ratio: CropRatio): Crop | null {
  const [rw, rh] = CROP_RATIOS[ratio];
  const k = Math.min(Math.floor(width / rw), Math.floor(height / rh));
  if (k < 1) return null;
  const cw = k * rw;
  const ch = k * rh;
  const fx = Number.isFinite(focalX) ? clamp(focalX, 0, 1) : 0.5;
  const fy = Number.isFinite(focalY) ? clamp(focalY, 0, 1) : 0.5;
  const left = clamp(Math.round(fx * width - cw / 2), 0, width - cw);
  const top = clamp(Math.round(fy * height - ch / 2), 0, height - ch);
  const out = Math.min(k, Math.floor(CROP_MAX_WIDTH / rw));
  const ow = out * rw;
  return { ratio, region: { left, top, width: cw, height: ch }, width: ow, height: out * rh, path: cropPath(fileKey, ratio, ow) };
}

/** The three crops of a photo (those the photo is large enough for). */
export function cropsFor(asset: {
  readonly file_key: string;
  readonly width: number;
  readonly height: number;
  readonly focal_x: number;
  readonly focal_y: number;
}): Crop[] {
  return CROP_NAMES.flatMap((r) => {
    const c = cropFor(asset.file_key, asset.width, asset.height, asset.focal_x, asset.focal_y, r);
    return c ? [c] : [];
  });
}

/**
 * The publisher logo that structured data names (Google asks for at most 600×60). Written into
 * the media folder by images.ts (`ensureLogo`) and served under /media/ like the photos.
 */
export const PUBLISHER_LOGO = {
  file: 'publisher-logo-600x60.png',
  path: '/media/publisher-logo-600x60.png',
  width: 600,
  height: 60,
} as const;
