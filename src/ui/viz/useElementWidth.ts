/** The width of an element, followed with a ResizeObserver, for pictures that fill their panel. */
import { useLayoutEffect, useRef, useState } from 'react';

export function useElementWidth<T extends HTMLElement>(fallback: number, fixed?: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (fixed !== undefined || !element || typeof ResizeObserver === 'undefined') return;
    const measure = (): void => {
      const w = Math.floor(element.clientWidth);
      // Only whole-pixel changes: sub-pixel jitter while panels animate would redraw for nothing.
      if (w > 0) setWidth((old) => (old === w ? old : w));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [fixed]);
  return [ref, fixed ?? width] as const;
}
