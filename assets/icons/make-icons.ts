/**
 * Draws the app icon — a notebook page over a lake — and writes it as PNG at 512 and 256 px:
 * `node --import tsx assets/icons/make-icons.ts`. Drawn from shapes, not traced from anything, so
 * it can be changed here and regenerated; electron-builder makes the .icns and .ico from these.
 */
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

type Rgba = [number, number, number, number];

/** The colour at (x, y) in a 1×1 square, or undefined for transparent. */
function paint(x: number, y: number): Rgba | undefined {
  if (!insideRoundedRect(x, y, 0.04, 0.04, 0.96, 0.96, 0.2)) return undefined;
  // Sky to water: a deep teal gradient.
  const t = y;
  let color: Rgba = [Math.round(20 + 10 * t), Math.round(110 - 40 * t), Math.round(160 - 30 * t), 255];
  // The notebook page, tilted a little, with three lines of text and one "cell" bar.
  const [px, py] = rotate(x - 0.5, y - 0.42, -0.12);
  if (insideRoundedRect(px, py, -0.22, -0.27, 0.22, 0.22, 0.04)) {
    color = [250, 250, 247, 255];
    for (const [line, width] of [
      [-0.17, 0.3],
      [-0.1, 0.22],
      [-0.03, 0.26],
    ] as const) {
      if (insideRoundedRect(px, py, -0.15, line - 0.018, -0.15 + width, line + 0.018, 0.018))
        color = [120, 140, 150, 255];
    }
    if (insideRoundedRect(px, py, -0.15, 0.05, 0.15, 0.15, 0.02)) color = [255, 196, 77, 255];
  }
  // Three waves across the bottom: the lake.
  for (const [base, amplitude, shade] of [
    [0.72, 0.025, 230],
    [0.8, 0.022, 200],
    [0.88, 0.018, 170],
  ] as const) {
    const wave = base + amplitude * Math.sin(x * Math.PI * 6);
    if (Math.abs(y - wave) < 0.018) color = [shade, Math.min(255, shade + 20), 255, 255];
  }
  return color;
}

function insideRoundedRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number) {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

function rotate(x: number, y: number, angle: number): [number, number] {
  return [x * Math.cos(angle) - y * Math.sin(angle), x * Math.sin(angle) + y * Math.cos(angle)];
}

/** Renders at `size` with 4×4 samples per pixel, so edges are smooth. */
export function renderIcon(size: number): Buffer {
  const samples = 4;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = paint((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!c) continue;
          for (let i = 0; i < 3; i++) sum[i] = (sum[i] ?? 0) + (c[i] ?? 0);
          sum[3] = (sum[3] ?? 0) + 1;
        }
      }
      const covered = sum[3] ?? 0;
      const offset = 1 + px * 4;
      if (covered > 0) {
        row[offset] = Math.round((sum[0] ?? 0) / covered);
        row[offset + 1] = Math.round((sum[1] ?? 0) / covered);
        row[offset + 2] = Math.round((sum[2] ?? 0) / covered);
        row[offset + 3] = Math.round((255 * covered) / (samples * samples));
      }
    }
    rows.push(row);
  }
  return png(size, size, Buffer.concat(rows));
}

function png(width: number, height: number, scanlines: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(scanlines, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const size of [512, 256]) {
    writeFileSync(new URL(`./icon-${size}.png`, import.meta.url), renderIcon(size));
  }
}
