// The PWA icons (client/public/icons/icon-192.png, icon-512.png, maskable-512.png), drawn from the
// favicon's shape (client/public/favicon.svg) with @napi-rs/canvas. Run once after a change:
// `node scripts/make-icons.mjs`; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { createCanvas, Path2D } from '@napi-rs/canvas';

const GREEN = '#17694a';
const CREAM = '#fdf3dc';
// The favicon's "R", in its 32 × 32 box.
const R = 'M11 24V8h6a5 5 0 0 1 1 9.9L22 24h-3.6l-3.6-6H14v6zm3-9h3a2 2 0 0 0 0-4h-3z';

function icon(size, { maskable }) {
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  if (maskable) {
    // Full bleed: the launcher crops to its own shape; the letter stays in the 80 % safe zone.
    ctx.fillStyle = GREEN;
    ctx.fillRect(0, 0, size, size);
  } else {
    ctx.fillStyle = GREEN;
    ctx.beginPath();
    ctx.arc(size / 2, size / 2, size / 2, 0, Math.PI * 2);
    ctx.fill();
  }
  const scale = (maskable ? size * 0.75 : size) / 32;
  const offset = (size - 32 * scale) / 2;
  ctx.setTransform(scale, 0, 0, scale, offset, offset);
  ctx.fillStyle = CREAM;
  ctx.fill(new Path2D(R));
  return canvas.toBuffer('image/png');
}

const out = new URL('../client/public/icons/', import.meta.url);
writeFileSync(new URL('icon-192.png', out), icon(192, { maskable: false }));
writeFileSync(new URL('icon-512.png', out), icon(512, { maskable: false }));
writeFileSync(new URL('maskable-512.png', out), icon(512, { maskable: true }));
console.log('icons written to client/public/icons/');
