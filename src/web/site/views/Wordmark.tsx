// The agency's logo: the site's mark (identity.ts's icon) beside its name as an SVG wordmark, in the
// edition's script (the name is the edition's `siteName` UI string, derived editions converted).
// The letters are the page's own self-hosted fonts (inline SVG text takes the page's CSS), so every
// script's name is drawn with glyphs that have it; `textLength` keeps the drawing inside its box.
import type { Edition } from '../../../editions/editions.ts';

const HEIGHT = 40;
const FONT_SIZE = 28;
const GAP = 8;

/** Average advance of a bold letter, in em, per script of the name. */
function emPerLetter(edition: Edition): number {
  if (edition.script === 'Hans') return 1;
  if (edition.dir === 'rtl') return 0.5;
  return 0.66;
}

export function Wordmark({ name, edition }: { name: string; edition: Edition }) {
  const letters = [...name].length;
  const textWidth = Math.ceil(letters * FONT_SIZE * emPerLetter(edition));
  const width = HEIGHT + GAP + textWidth;
  // The mark leads: at the left in left-to-right editions, at the right in the right-to-left one.
  const rtl = edition.dir === 'rtl';
  const markX = rtl ? textWidth + GAP : 0;
  // The text starts at its right end in the right-to-left edition (direction is inherited from the page).
  const textX = rtl ? textWidth : HEIGHT + GAP;
  return (
    <svg class="logo" viewBox={`0 0 ${width} ${HEIGHT}`} width={width} height={HEIGHT} role="img" aria-label={name}>
      <g transform={`translate(${markX} 0) scale(${HEIGHT / 64})`} aria-hidden="true">
        <rect width="64" height="64" rx="14" class="logo-mark" />
        <rect x="14" y="30" width="36" height="22" rx="3" fill="#fff" />
        <rect x="19" y="36" width="26" height="3" rx="1.5" class="logo-mark" />
        <rect x="19" y="43" width="18" height="3" rx="1.5" class="logo-mark" />
        <path
          d="M22 22a14 14 0 0 1 20 0M26.5 26.5a7.5 7.5 0 0 1 11 0"
          fill="none"
          stroke="#fff"
          stroke-width="3.5"
          stroke-linecap="round"
        />
      </g>
      <text
        x={textX}
        y={HEIGHT / 2}
        direction={edition.dir}
        dominant-baseline="central"
        font-size={FONT_SIZE}
        textLength={textWidth}
        lengthAdjust="spacingAndGlyphs"
        class="logo-name"
      >
        {name}
      </text>
    </svg>
  );
}
