#!/usr/bin/env node
/**
 * Draws the Teams app icons as PNGs with nothing but zlib: color.png (192x192, full colour) and
 * outline.png (32x32, white on transparent, as Teams requires). Run: node teams/make-icons.js
 */
const { Buffer } = require("node:buffer");
const { deflateSync } = require("node:zlib");
const { writeFileSync } = require("node:fs");
const { join } = require("node:path");

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
/** An RGBA PNG whose pixel (x, y) is pixel(x, y) → [r, g, b, a]. */
function png(size, pixel) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then pixels
    for (let x = 0; x < size; x++) row.set(pixel(x, y), 1 + x * 4);
    rows.push(row);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", deflateSync(Buffer.concat(rows))), chunk("IEND", Buffer.alloc(0))]);
}

/** A speech bubble: a disc with a small tail at the lower left. */
function inBubble(x, y, size) {
  const c = size / 2;
  const r = size * 0.34;
  const dx = x + 0.5 - c;
  const dy = y + 0.5 - c * 0.92;
  if (dx * dx + dy * dy <= r * r) return true;
  const tx = x + 0.5 - size * 0.3;
  const ty = y + 0.5 - size * 0.78;
  return tx >= 0 && ty >= 0 && ty <= size * 0.1 && tx <= size * 0.1 - ty;
}

const ACCENT = [0x4f, 0x6b, 0xed, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];

const color = png(192, (x, y) => (inBubble(x, y, 192) ? WHITE : ACCENT));
const outline = png(32, (x, y) => (inBubble(x, y, 32) ? WHITE : CLEAR));

writeFileSync(join(__dirname, "color.png"), color);
writeFileSync(join(__dirname, "outline.png"), outline);
console.log(`teams/color.png ${color.length} bytes, teams/outline.png ${outline.length} bytes`);
