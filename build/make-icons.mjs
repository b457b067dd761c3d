// Renders the app icon from build/icon.svg with ffmpeg (librsvg) and packs the platform
// formats by hand, so no network tool or image library is needed:
//   icon.png (1024), icons/<n>x<n>.png (Linux), icon.icns (macOS), icon.ico (Windows).
// Run: node build/make-icons.mjs   (the outputs are committed; rerun after editing the SVG)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const svg = path.join(dir, 'icon.svg');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'greenlight-icons-'));

function render(size) {
  const out = path.join(tmp, `${size}.png`);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-width', String(size), '-height', String(size), '-i', svg, '-frames:v', '1', out]);
  return readFileSync(out);
}

const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const png = Object.fromEntries(sizes.map((s) => [s, render(s)]));

writeFileSync(path.join(dir, 'icon.png'), png[1024]);
mkdirSync(path.join(dir, 'icons'), { recursive: true });
for (const s of [16, 32, 48, 64, 128, 256, 512]) writeFileSync(path.join(dir, 'icons', `${s}x${s}.png`), png[s]);

// ICNS: 'icns' + total length, then (OSType, length incl. 8-byte header, PNG data) entries.
const icnsEntries = [
  ['ic11', 32], ['ic12', 64], ['ic07', 128], ['ic08', 256], ['ic13', 256], ['ic09', 512], ['ic14', 512], ['ic10', 1024],
].map(([type, s]) => {
  const head = Buffer.alloc(8);
  head.write(type, 0, 'ascii');
  head.writeUInt32BE(8 + png[s].length, 4);
  return Buffer.concat([head, png[s]]);
});
const icnsHead = Buffer.alloc(8);
icnsHead.write('icns', 0, 'ascii');
icnsHead.writeUInt32BE(8 + icnsEntries.reduce((n, b) => n + b.length, 0), 4);
writeFileSync(path.join(dir, 'icon.icns'), Buffer.concat([icnsHead, ...icnsEntries]));

// ICO with PNG-compressed images (Windows Vista and later); 0 in the size bytes means 256.
const icoSizes = [16, 24, 32, 48, 64, 128, 256];
const header = Buffer.alloc(6);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(icoSizes.length, 4);
let offset = 6 + 16 * icoSizes.length;
const dirEntries = icoSizes.map((s) => {
  const e = Buffer.alloc(16);
  e.writeUInt8(s >= 256 ? 0 : s, 0);
  e.writeUInt8(s >= 256 ? 0 : s, 1);
  e.writeUInt8(0, 2);
  e.writeUInt8(0, 3);
  e.writeUInt16LE(1, 4);
  e.writeUInt16LE(32, 6);
  e.writeUInt32LE(png[s].length, 8);
  e.writeUInt32LE(offset, 12);
  offset += png[s].length;
  return e;
});
writeFileSync(path.join(dir, 'icon.ico'), Buffer.concat([header, ...dirEntries, ...icoSizes.map((s) => png[s])]));

rmSync(tmp, { recursive: true, force: true });
console.log('icons: build/icon.png, build/icons/, build/icon.icns, build/icon.ico');
