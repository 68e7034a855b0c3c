// Responsive image variants with sharp: WebP at the reader widths, never upscaled.
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { IMAGE_WIDTHS } from './urls.ts';

export interface StoredImage {
  readonly fileKey: string;
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
}

export async function writeVariants(input: Buffer, mediaDir: string, fileKey: string): Promise<StoredImage> {
  const image = sharp(input, { limitInputPixels: 50_000_000 }).rotate();
  const meta = await image.metadata();
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  await fs.mkdir(mediaDir, { recursive: true });
  let bytes = 0;
  const widths = IMAGE_WIDTHS.filter((w) => w <= width);
  if (widths.length === 0) widths.push(IMAGE_WIDTHS[0]);
  for (const w of widths) {
    const out = await image.clone().resize({ width: w, withoutEnlargement: true }).webp({ quality: 72 }).toBuffer();
    await fs.writeFile(path.join(mediaDir, `${fileKey}-${w}.webp`), out);
    bytes += out.length;
  }
  return { fileKey, width, height, bytes };
}

const PALETTES: readonly [string, string, string][] = [
  ['#0b5cad', '#59a5f5', '#f5c542'], ['#7a1f3d', '#e2677f', '#ffd5a8'], ['#1f5e3a', '#74c69d', '#f1faee'],
  ['#3d2c8d', '#916bbf', '#c996cc'], ['#8c3b00', '#f28f3b', '#ffd5c2'], ['#1d3557', '#457b9d', '#a8dadc'],
  ['#2b2d42', '#8d99ae', '#ef233c'],
];

/** A generated demo photo (no real photograph): a landscape-like composition in a palette. */
export function demoPhotoSvg(seed: number, width = 1200, height = 800): Buffer {
  const [a, b, c] = PALETTES[seed % PALETTES.length]!;
  let x = seed * 9301 + 49297;
  const rnd = () => ((x = (x * 9301 + 49297) % 233280) / 233280);
  const hills = Array.from({ length: 3 }, (_, i) => {
    const y = height * (0.55 + i * 0.12);
    const pts = Array.from({ length: 7 }, (_, k) => `${(k * width) / 6},${y - rnd() * height * 0.18}`).join(' ');
    return `<polygon points="0,${height} ${pts} ${width},${height}" fill="${i === 1 ? b : a}" opacity="${0.55 + i * 0.2}"/>`;
  }).join('');
  const sun = `<circle cx="${width * (0.2 + rnd() * 0.6)}" cy="${height * (0.18 + rnd() * 0.15)}" r="${height * (0.07 + rnd() * 0.05)}" fill="${c}"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${c}"/><stop offset="1" stop-color="${b}"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/>${sun}${hills}</svg>`;
  return Buffer.from(svg);
}
