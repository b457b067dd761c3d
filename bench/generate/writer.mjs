// Writes the synthetic workspace. Files are serialised with the sample generator's imitations
// of each pipeline's own serialiser (scripts/samples/serialise.mjs), mtimes are applied at the
// end (readers order by mtime), and media are hard links to the committed sample media, so
// thousands of "renders" cost no disk space. Counts and bytes per family go into the summary.
import fs from 'node:fs';
import path from 'node:path';
import { pyJson, pyYaml } from '../../scripts/samples/serialise.mjs';

export function makeWriter(outDir, mediaDir) {
  const mtimes = [];
  const made = new Set();
  const stats = {};
  const tally = (family, bytes, kind) => {
    const s = (stats[family] ??= { files: 0, bytes: 0, media: 0 });
    if (kind === 'media') s.media++;
    else {
      s.files++;
      s.bytes += bytes;
    }
  };
  const abs = (rel) => path.join(outDir, ...rel.split('/'));
  const ensureDir = (dir) => {
    if (made.has(dir)) return;
    fs.mkdirSync(dir, { recursive: true });
    made.add(dir);
  };
  const put = (family, rel, content, whenMs) => {
    const file = abs(rel);
    ensureDir(path.dirname(file));
    fs.writeFileSync(file, content);
    if (whenMs !== undefined) mtimes.push([file, whenMs]);
    tally(family, Buffer.byteLength(content), 'doc');
    return file;
  };
  return {
    abs,
    put,
    putJson: (family, rel, value, whenMs, opts) => put(family, rel, pyJson(value, opts), whenMs),
    putYaml: (family, rel, value, whenMs) => put(family, rel, pyYaml(value), whenMs),
    /** A media file: a hard link to samples/media/<name> (a copy where links are not possible). */
    media(family, name, rel) {
      const file = abs(rel);
      ensureDir(path.dirname(file));
      const src = path.join(mediaDir, name);
      try {
        fs.linkSync(src, file);
      } catch (err) {
        if (err.code === 'EEXIST') return file;
        fs.copyFileSync(src, file);
      }
      // No utimes: a hard link shares the committed file's inode.
      tally(family, 0, 'media');
      return file;
    },
    applyMtimes() {
      for (const [file, ms] of mtimes) fs.utimesSync(file, ms / 1000, ms / 1000);
    },
    stats,
  };
}
