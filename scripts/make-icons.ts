/**
 * Draws the web app's icons (web/public/icons/icon-<size>.png): a white ledger page on the brand blue, inside the
 * central 60 % that a maskable icon keeps whatever shape the phone cuts it to. Run once after changing the
 * drawing: `npx tsx scripts/make-icons.ts`. Plain PNG encoding, so no image library is needed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { ROOT } from './lib/ports';

const BRAND: Rgb = [0x0b, 0x5c, 0xad];
const WHITE: Rgb = [0xff, 0xff, 0xff];
type Rgb = [number, number, number];

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size: number, pixel: (x: number, y: number) => Rgb): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bits per channel
  header.writeUInt8(2, 9); // truecolour RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3); // filter byte 0, then RGB
    for (let x = 0; x < size; x++) row.set(pixel(x, y), 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** In units of the icon's side (0..1): a page with rounded corners and four ruled lines. */
function ledger(u: number, v: number): Rgb {
  const [left, right, top, bottom, radius] = [0.3, 0.7, 0.24, 0.76, 0.04];
  if (u < left || u > right || v < top || v > bottom) return BRAND;
  const cx = Math.min(Math.max(u, left + radius), right - radius);
  const cy = Math.min(Math.max(v, top + radius), bottom - radius);
  if (Math.hypot(u - cx, v - cy) > radius) return BRAND;
  const lines = [0.34, 0.43, 0.52, 0.61];
  const lineEnd = (i: number) => (i === lines.length - 1 ? 0.52 : 0.62);
  if (lines.some((y, i) => v >= y && v < y + 0.035 && u >= 0.38 && u <= lineEnd(i))) return BRAND;
  return WHITE;
}

for (const size of [192, 512]) {
  const file = join(ROOT, 'web', 'public', 'icons', `icon-${size}.png`);
  writeFileSync(
    file,
    png(size, (x, y) => ledger((x + 0.5) / size, (y + 0.5) / size)),
  );
  console.log(`wrote ${file}`);
}
