/** Size caps that keep training responsive in a browser tab. Each has the reason a student reads. */
export const LIMITS = {
  maxUnits: {
    value: 4096,
    reason: 'larger layers make every training step too slow to watch in the browser',
  },
  maxLayerParams: {
    value: 5_000_000,
    reason: 'a layer with more weights needs over 20 MB of memory and would freeze training in the browser',
  },
  maxInputElements: {
    value: 1_000_000,
    reason: 'one example that large would not fit a classroom dataset in browser memory',
  },
  maxRank: 4,
} as const;
