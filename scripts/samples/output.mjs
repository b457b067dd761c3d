// Writing into the out dir. Every file remembers the moment the pipeline would have written it; the
// mtimes are applied at the end because readers order by mtime (OpenMontage get_latest_checkpoint)
// and flag stalls from it.
import fs from 'node:fs';
import path from 'node:path';
import { pyJson } from './serialise.mjs';

export function makeOutput(outDir, mediaDir) {
  const mtimes = new Map();
  const abs = (rel) => path.join(outDir, ...rel.split('/'));
  const put = (rel, content, whenMs) => {
    const file = abs(rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    if (whenMs !== undefined) mtimes.set(file, whenMs);
    return file;
  };
  return {
    abs,
    put,
    putJson: (rel, value, whenMs, opts) => put(rel, pyJson(value, opts), whenMs),
    /** Copies a committed file from samples/media; returns its size for reports that record it. */
    copyMedia(name, rel, whenMs) {
      const src = path.join(mediaDir, name);
      if (!fs.existsSync(src)) throw new Error(`missing committed media file samples/media/${name}`);
      const file = abs(rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.copyFileSync(src, file);
      if (whenMs !== undefined) mtimes.set(file, whenMs);
      return fs.statSync(file).size;
    },
    applyMtimes() {
      for (const [file, ms] of mtimes) fs.utimesSync(file, ms / 1000, ms / 1000);
      return mtimes.size;
    },
  };
}
