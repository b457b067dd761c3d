#!/usr/bin/env node
// Generates the bundled sample workspace: what a new user sees first when Greenlight opens.
// Every file is written the way the real pipeline's own code writes it (see FORMATS.md), with
// timestamps relative to "now" so the desk looks alive: gates waiting minutes to days, runs that
// span hours. The content is our own; nothing is copied from the reference material.
//
//   node scripts/make-samples.mjs [--out DIR] [--now ISO]
//
// --out defaults to samples/workspace (deleted and recreated). --now fixes the clock, so tests get
// a deterministic copy: with the same --now the output differs only in the absolute paths that
// CineCut records (computed from the real out dir). The content lives in scripts/samples/<family>.mjs.
//
// The media under samples/media/ are committed binaries, made once with ffmpeg 5.1 (run in
// samples/media, F=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf):
//
//   film-reel.mp4 (24 s, 320x180, h264 + mono aac; the CineCut "films" and OpenMontage footage):
//     ffmpeg -f lavfi -i "gradients=size=320x180:rate=12:duration=24:c0=0x03045e:c1=0x7b2cbf:c2=0xff9e00:nb_colors=3:speed=0.02" \
//       -f lavfi -i "aevalsrc=0.18*sin(2*PI*110*t)*(0.7+0.3*sin(2*PI*0.25*t))+0.06*sin(2*PI*(440+40*sin(t))*t)*gt(mod(t\,6)\,4):s=22050:d=24" \
//       -vf "drawbox=x=mod(t*90\,440)-120:y=70:w=110:h=40:color=0xffd60a@0.85:t=fill,drawbox=x=0:y=118:w=320:h=6:color=black@0.9:t=fill,drawtext=fontfile=$F:text='REEL 1  %{pts\:hms}':fontcolor=white:fontsize=12:box=1:boxcolor=black@0.5:x=8:y=h-22" \
//       -c:v libx264 -preset veryslow -crf 33 -pix_fmt yuv420p -c:a aac -ac 1 -b:a 24k -movflags +faststart film-reel.mp4
//   film-proxy.mp4 (160x90, video only: the CineCut proxies):
//     ffmpeg -i film-reel.mp4 -vf "scale=160:90" -r 12 -c:v libx264 -preset veryslow -crf 34 -pix_fmt yuv420p -an -movflags +faststart film-proxy.mp4
//   explainer-render.mp4 (4 s, 320x180, the OpenMontage "tides" render):
//     ffmpeg -f lavfi -i "gradients=size=320x180:rate=24:duration=4:c0=0x0b3d91:c1=0x48cae4:speed=0.03" \
//       -f lavfi -i "aevalsrc=0.2*sin(2*PI*261.63*t)+0.15*sin(2*PI*329.63*t)+0.12*sin(2*PI*392*t):s=44100:d=4" -t 4 \
//       -vf "drawbox=x=0:y=110+12*sin(2*PI*t/2):w=320:h=70:color=0x023e8a@0.8:t=fill,drawtext=fontfile=$F:text='How Tides Work':fontcolor=white:fontsize=20:x=(w-tw)/2:y=40,drawtext=fontfile=$F:text='%{eif\:t*6\:d} h after high tide':fontcolor=0xcaf0f8:fontsize=12:x=(w-tw)/2:y=70" \
//       -c:v libx264 -preset veryslow -crf 30 -pix_fmt yuv420p -c:a aac -b:a 48k -movflags +faststart explainer-render.mp4
//   storyboard-01.png .. storyboard-04.png and storyboard-kitchen.png (480x270 storyboard frames):
//     ffmpeg -f lavfi -i "color=c=0x1d3557:size=480x270:d=1" -frames:v 1 -vf "drawbox=x=16:y=16:w=448:h=200:color=0xf1faee@1:t=3,drawbox=x=40:y=150:w=400:h=40:color=0x457b9d:t=fill,drawtext=fontfile=$F:text='SC01  WIDE  moon over the bay':fontcolor=0xf1faee:fontsize=16:x=24:y=232,drawtext=fontfile=$F:text='tide line':fontcolor=0xf1faee:fontsize=14:x=200:y=160" storyboard-01.png
//     ffmpeg -f lavfi -i "color=c=0x264653:size=480x270:d=1" -frames:v 1 -vf "drawbox=x=16:y=16:w=448:h=200:color=0xe9c46a@1:t=3,drawbox=x=200:y=60:w=80:h=80:color=0xf4a261:t=fill,drawtext=fontfile=$F:text='SC02  DIAGRAM  gravity pulls the water':fontcolor=0xe9c46a:fontsize=16:x=24:y=232" storyboard-02.png
//     ffmpeg -f lavfi -i "color=c=0x1d3557:size=480x270:d=1" -frames:v 1 -vf "drawbox=x=16:y=16:w=448:h=200:color=0xf1faee@1:t=3,drawbox=x=60:y=70:w=70:h=70:color=0xa8dadc:t=fill,drawbox=x=210:y=60:w=90:h=90:color=0x457b9d:t=fill,drawbox=x=380:y=70:w=40:h=70:color=0xa8dadc:t=fill,drawtext=fontfile=$F:text='SC03  DIAGRAM  the far-side bulge':fontcolor=0xf1faee:fontsize=16:x=24:y=232" storyboard-03.png
//     ffmpeg -f lavfi -i "color=c=0x264653:size=480x270:d=1" -frames:v 1 -vf "drawbox=x=16:y=16:w=448:h=200:color=0xe9c46a@1:t=3,drawbox=x=40:y=120:w=100:h=60:color=0x2a9d8f:t=fill,drawbox=x=150:y=90:w=100:h=90:color=0x2a9d8f:t=fill,drawbox=x=260:y=130:w=100:h=50:color=0x2a9d8f:t=fill,drawbox=x=370:y=100:w=70:h=80:color=0x2a9d8f:t=fill,drawtext=fontfile=$F:text='SC04  TIMELAPSE  tide clock, +50 min a day':fontcolor=0xe9c46a:fontsize=16:x=24:y=232" storyboard-04.png
//     ffmpeg -f lavfi -i "color=c=0x3d405b:size=480x270:d=1" -frames:v 1 -vf "drawbox=x=16:y=16:w=448:h=200:color=0xf4f1de@1:t=3,drawbox=x=90:y=150:w=300:h=30:color=0x81b29a:t=fill,drawbox=x=200:y=70:w=60:h=80:color=0xe07a5f:t=fill,drawtext=fontfile=$F:text='SC02  OVERHEAD  the claw grip':fontcolor=0xf4f1de:fontsize=16:x=24:y=232" storyboard-kitchen.png
//   lower-third.png (480x90 name strap for the talking-head project):
//     ffmpeg -f lavfi -i "color=c=0x0b132b:size=480x90:d=1" -frames:v 1 -vf "drawbox=x=0:y=0:w=8:h=90:color=0xf77f00:t=fill,drawtext=fontfile=$F:text='Dana Whitfield':fontcolor=white:fontsize=24:x=24:y=16,drawtext=fontfile=$F:text='Founder and CEO, Lumen Freight':fontcolor=0xfcbf49:fontsize=15:x=24:y=54" lower-third.png
//   keyframe-01.jpg .. keyframe-03.jpg (frames of film-reel.mp4 at 3.5 s, 11 s, 19.5 s):
//     n=1; for ts in 3.5 11 19.5; do ffmpeg -ss $ts -i film-reel.mp4 -frames:v 1 -q:v 7 keyframe-0$n.jpg; n=$((n+1)); done
//   music-bed.mp3 (4 s C-major chord stabs):
//     ffmpeg -f lavfi -i "aevalsrc=exp(-1.5*mod(t\,1))*(0.25*sin(2*PI*261.63*t)+0.2*sin(2*PI*329.63*t)+0.18*sin(2*PI*392*t)):s=44100:d=4" -c:a libmp3lame -b:a 64k music-bed.mp3
//   narration.wav (3 s, 16 kHz mono, a voice-like warble):
//     ffmpeg -f lavfi -i "aevalsrc=0.3*sin(2*PI*(140+30*sin(2*PI*3*t))*t)*(0.5+0.5*sin(2*PI*2*t)):s=16000:d=3" -ac 1 -c:a pcm_s16le narration.wav
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeClock } from './samples/clock.mjs';
import { makeOutput } from './samples/output.mjs';
import { beginSession } from './samples/session.mjs';
import { openMontage } from './samples/openmontage.mjs';
import { twinklr } from './samples/twinklr.mjs';
import { omniclaude } from './samples/omniclaude.mjs';
import { aivideo } from './samples/aivideo.mjs';
import { cinecut } from './samples/cinecut.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const README_TITLE = '# Greenlight sample workspace';

function fail(message) {
  console.error(`make-samples: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const opts = { out: path.join(REPO, 'samples', 'workspace'), now: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const take = () => {
      const v = argv[++i];
      if (v === undefined) fail(`${a} needs a value`);
      return v;
    };
    if (a === '--out') opts.out = path.resolve(take());
    else if (a.startsWith('--out=')) opts.out = path.resolve(a.slice(6));
    else if (a === '--now') opts.now = take();
    else if (a.startsWith('--now=')) opts.now = a.slice(6);
    else if (a === '--help' || a === '-h') {
      console.log('usage: node scripts/make-samples.mjs [--out DIR] [--now ISO-8601]');
      process.exit(0);
    } else fail(`unknown argument: ${a}`);
  }
  const nowMs = opts.now === undefined ? Date.now() : Date.parse(opts.now);
  if (!Number.isFinite(nowMs)) fail(`--now is not a date: ${opts.now}`);
  return { out: opts.out, nowMs };
}

/** Deletes and recreates the out dir, but only if it is empty or a sample workspace we wrote. */
function resetOut(out) {
  if (fs.existsSync(out)) {
    const readme = path.join(out, 'README.md');
    const ours = fs.existsSync(readme) && fs.readFileSync(readme, 'utf8').startsWith(README_TITLE);
    if (fs.readdirSync(out).length && !ours) fail(`refusing to delete ${out}: not empty and not a sample workspace`);
    fs.rmSync(out, { recursive: true, force: true });
  }
  fs.mkdirSync(out, { recursive: true });
}

const README = `${README_TITLE}

Generated by \`npm run samples\` (scripts/make-samples.mjs); do not edit by hand, it is rebuilt.
Every file is written the way each pipeline's own code writes it, with times relative to when it
was generated, so some gates have just started waiting and others have waited for days.

| folder | family | what is in it |
|---|---|---|
| openmontage/ | OpenMontage | two pipeline manifests, five projects under projects/ and an older one under pipelines/ |
| twinklr/ | Twinklr | two shows: holiday_lights_2026 (8 planner/judge iterations, approved) and midnight_drive (5 iterations, incomplete, plus an older-style run) |
| omniclaude/ | OmniClaude | three tickets: ACME-412 ready to merge, ACME-418 with a PR open, ACME-377 from the older phase list |
| aivideo/ | aivideo | API exports: a checkpoint tree with branches main, main-1, main-1-1, a status export paused at phase 2, and a YOLO run |
| cinecut/ | CineCut | films with work dirs: one finished run waiting for conform review, one running, one stale, one from the first release |

Waiting for a person:
- OpenMontage solar-sails-explainer: proposal (pick a concept; cost near the budget).
- OpenMontage tides-explainer: compose (watch the preview render).
- Twinklr holiday_lights_2026: the approved final plan; midnight_drive: the best attempt after 5 iterations.
- OmniClaude ACME-412: ready_for_merge (merge the labelled PR).
- aivideo sneaker-launch-teaser: phase 4 on branch main-1-1; coffee-brand-story: phase 2 storyboard.
- CineCut night_train: conform review of the trailer manifest.

Already decided (Greenlight decision files beside the checkpoints): OmniClaude ACME-377's merge and
Twinklr midnight_drive_v1's final plan. CineCut dockside_cut finished: its trailer sits beside the film.

Files with "broken" in their path are deliberately damaged so the Problems view has something to show:
a truncated checkpoint, an unknown status with a missing artifact, a half-written Twinklr evaluation, an
OmniClaude payload for the wrong phase with an absolute artifact path, and a CineCut checkpoint with a
key the pipeline does not know.
`;

function main() {
  const { out, nowMs } = parseArgs(process.argv.slice(2));
  resetOut(out);
  const output = makeOutput(out, path.join(REPO, 'samples', 'media'));
  beginSession(makeClock(nowMs), output);
  try {
    openMontage();
    twinklr();
    omniclaude();
    aivideo();
    cinecut();
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  output.put('README.md', README);
  const count = output.applyMtimes();
  console.log(`make-samples: wrote ${count + 1} files to ${out}`);
}

main();
