// The packaging config, checked against electron-builder's own JSON schema (the one shipped in
// app-builder-lib), plus the settings that matter for security and for what ends up shipped.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const require = createRequire(import.meta.url);
const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>;

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it('is valid against app-builder-lib/scheme.json', () => {
    const schema = require('app-builder-lib/scheme.json');
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const ok = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
    // The schema is strict enough to catch a misspelt option or a wrong fuse name.
    expect(validate({ ...config, electronFuse: {} })).toBe(false);
    expect(validate({ ...config, electronFuses: { runAsNodes: false } })).toBe(false);
    expect(validate({ ...config, asar: 'yes' })).toBe(false);
  });

  it('names the app and writes to release/', () => {
    expect(config.appId).toBe('dev.greenlight.desk');
    expect(config.productName).toBe('Greenlight');
    expect(config.directories).toMatchObject({ output: 'release', buildResources: 'build' });
  });

  it('ships only dist/ and package.json, without source maps or node_modules, in an asar', () => {
    expect(config.files).toEqual(['dist/**', 'package.json', '!**/*.map', '!node_modules/**']);
    expect(config.asar).toBe(true);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('flips the Electron fuses that harden the shipped binary', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds AppImage and deb, dmg, and nsis', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Development');
    expect(config.linux.maintainer).toMatch(/\S+ <[^>]+@[^>]+>/);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.category).toBe('public.app-category.developer-tools');
    expect(config.win.target).toEqual(['nsis']);
  });

  it('points at icons that exist and are big enough', () => {
    expect(pngSize(path.join(root, 'build/icon.png')).width).toBeGreaterThanOrEqual(512);
    for (const s of [16, 32, 48, 64, 128, 256, 512]) expect(pngSize(path.join(root, config.linux.icon, `${s}x${s}.png`))).toEqual({ width: s, height: s });
    const icns = readFileSync(path.join(root, config.mac.icon));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const ico = readFileSync(path.join(root, config.win.icon));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    // One 256×256 entry (stored as 0), which electron-builder requires for Windows.
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(sizes).toContain(256);
  });
});
