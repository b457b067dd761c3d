// CineCut's stages in execution order (`cli.py` at HEAD: stage 4/8 is LLaVA inference, 5/8
// structural analysis, then narrative, assembly, music and 8/8 FFmpeg conform). Inference and
// conform are never appended to `stages_complete`: the first is read from `inference_complete`,
// the second from the trailer file on disk.
export const CC_STAGES = [
  { name: 'proxy', label: 'Proxy' },
  { name: 'subtitles', label: 'Subtitles' },
  { name: 'keyframes', label: 'Keyframes' },
  { name: 'inference', label: 'Inference (LLaVA)' },
  { name: 'structural', label: 'Structural analysis' },
  { name: 'narrative', label: 'Narrative / manifest' },
  { name: 'assembly', label: 'Assembly' },
  { name: 'music', label: 'Music & BPM' },
  { name: 'conform', label: 'FFmpeg conform' },
] as const;

export type CcStageName = (typeof CC_STAGES)[number]['name'];
