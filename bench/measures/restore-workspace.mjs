// The write measures change the workspace (heartbeats, approvals, history copies, the audit
// log). Folders are snapshotted before and put back afterwards, so the next run can reuse the
// workspace instead of generating it again.
import fs from 'node:fs';
import path from 'node:path';

function walk(dir, out = new Map(), dirs = new Set()) {
  dirs.add(dir);
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) walk(abs, out, dirs);
    else if (e.isFile()) {
      const st = fs.statSync(abs);
      // Media are hard links to samples/media: never read or rewritten, only kept.
      out.set(abs, { ino: st.ino, mtimeMs: st.mtimeMs, bytes: st.size < 4 * 1048576 && st.nlink === 1 ? fs.readFileSync(abs) : null });
    }
  }
  out.dirs = dirs;
  return out;
}

export function snapshotFolders(dirs) {
  const snap = new Map();
  for (const d of new Set(dirs)) if (fs.existsSync(d)) snap.set(d, walk(d));
  return snap;
}

export function restoreFolders(snap) {
  let restored = 0;
  let removed = 0;
  for (const [dir, files] of snap) {
    const now = fs.existsSync(dir) ? walk(dir) : new Map();
    for (const abs of now.keys()) {
      if (!files.has(abs)) {
        fs.rmSync(abs, { force: true });
        removed++;
      }
    }
    for (const [abs, f] of files) {
      const cur = now.get(abs);
      if (cur && cur.ino === f.ino && cur.mtimeMs === f.mtimeMs) continue;
      if (f.bytes === null) continue;
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, f.bytes);
      fs.utimesSync(abs, f.mtimeMs / 1000, f.mtimeMs / 1000);
      restored++;
    }
    // Folders a measure created (history/ on a first approval), deepest first.
    for (const d of [...(now.dirs ?? [])].sort((a, b) => b.length - a.length)) {
      if (!files.dirs.has(d)) fs.rmSync(d, { recursive: true, force: true });
    }
  }
  return { restored, removed };
}
