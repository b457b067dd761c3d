// Seeded filler text for the synthetic workspace: sentences that read like the notes agents and
// judges write, so file sizes and JSON shapes (long strings, short lists) resemble real runs.
const WORDS = (
  'the a light scene camera slow wide close pull tide moon water harbour night city street runner product voice ' +
  'music beat chorus verse bridge cut hold frame colour warm cool blue gold red shadow motion pan tilt sweep ' +
  'narration line claim source budget cost render preview draft review judge score energy section template ' +
  'preset transition crossfade snap fade open close build drop peak rise fall calm bright dark soft hard fast ' +
  'asset image clip sequence timeline proxy keyframe trailer vibe story hook angle audience question answer ' +
  'diagram overlay caption subtitle logo reveal rotation macro texture reflection grain focus depth'
).split(' ');

export function words(r, n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(WORDS[Math.floor(r() * WORDS.length)]);
  return out.join(' ');
}

/** A sentence of `min`..`max` words, capitalised and full-stopped. */
export function sentence(r, min = 8, max = 18) {
  const s = words(r, min + Math.floor(r() * (max - min + 1)));
  return s[0].toUpperCase() + s.slice(1) + '.';
}

export function paragraph(r, sentences = 3) {
  return Array.from({ length: sentences }, () => sentence(r)).join(' ');
}

export const pick = (r, list) => list[Math.floor(r() * list.length)];
export const int = (r, min, max) => min + Math.floor(r() * (max - min + 1));
export const round = (v, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

export function slug(r, n = 2) {
  return words(r, n).replace(/ /g, '-');
}
