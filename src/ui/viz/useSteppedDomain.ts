/**
 * The colour domain a picture uses from frame to frame: `fixed` when the caller sets one (e.g. one domain for every
 * neuron map of a layer), otherwise the data's max |value| stepped so the legend holds still (colorDomain.ts).
 */
import { useState } from 'react';
import { steppedDomain } from './colorDomain.ts';

export function useSteppedDomain(dataMax: number, fixed?: number): number {
  const [domain, setDomain] = useState(() => steppedDomain(dataMax));
  const next = steppedDomain(dataMax, domain);
  // React's "adjust state while rendering": the new domain is used in this very render, no extra frame.
  if (next !== domain) setDomain(next);
  return fixed !== undefined && fixed > 0 ? fixed : next;
}
