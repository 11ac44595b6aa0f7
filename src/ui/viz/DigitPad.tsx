import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type PointerEvent } from 'react';
import type { VizTheme } from './colorScale.ts';
import { INK_RGB, PAPER_RGB } from './digitColors.ts';
import { createInk, paintStroke } from './digitInk.ts';
import { paintGrey } from './gridPaint.ts';
import { MNIST_SIDE, toMnist } from './mnistPreprocess.ts';
import { useVizTheme } from './useVizTheme.ts';
import './viz.css';

export interface DigitPadProps {
  /**
   * Called at the end of every stroke, and on Clear, with the drawing as an MNIST-like 28×28 image (784 values 0..1,
   * row-major; all zeros when the pad is blank), ready for a network trained on MNIST.
   */
  onChange: (pixels: Float32Array) => void;
  /** Side on screen in px (default 280; the drawing surface is always 280 × 280). */
  size?: number;
  theme?: VizTheme;
}

const SIDE = 280;

/**
 * A pad to draw a digit on with a mouse, a pen or a finger (pointer events, with the coalesced points of fast
 * strokes), with a thick soft brush. The drawing is cropped, scaled and centred as MNIST's digits were (toMnist).
 */
export const DigitPad = memo(function DigitPad({ onChange, size = SIDE, theme }: DigitPadProps) {
  const t = useVizTheme(theme);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const ink = useRef(createInk(SIDE, SIDE));
  const last = useRef<[number, number] | null>(null);
  const frame = useRef(0);
  const image = useRef<ImageData | null>(null);
  const [blank, setBlank] = useState(true);

  const draw = useCallback(() => {
    frame.current = 0;
    const ctx = canvasRef.current?.getContext('2d');
    if (!ctx) return;
    image.current ??= ctx.createImageData(SIDE, SIDE);
    paintGrey(ink.current.data, SIDE * SIDE, PAPER_RGB[t], INK_RGB[t], image.current.data);
    ctx.putImageData(image.current, 0, 0);
  }, [t]);
  // Strokes arrive faster than the screen refreshes: repaint at most once per frame.
  const schedule = useCallback(() => {
    if (frame.current === 0) frame.current = requestAnimationFrame(draw);
  }, [draw]);
  useLayoutEffect(() => draw(), [draw]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const toPad = (event: { clientX: number; clientY: number }, box: DOMRect): [number, number] => [
    ((event.clientX - box.left) / box.width) * SIDE,
    ((event.clientY - box.top) / box.height) * SIDE,
  ];

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>): void => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    const p = toPad(event, event.currentTarget.getBoundingClientRect());
    paintStroke(ink.current, p[0], p[1], p[0], p[1]);
    last.current = p;
    setBlank(false);
    schedule();
  };
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>): void => {
    if (last.current === null) return;
    const box = event.currentTarget.getBoundingClientRect();
    const native = event.nativeEvent;
    const points = typeof native.getCoalescedEvents === 'function' ? native.getCoalescedEvents() : [];
    for (const e of points.length > 0 ? points : [native]) {
      const p = toPad(e, box);
      const from: [number, number] = last.current ?? p;
      paintStroke(ink.current, from[0], from[1], p[0], p[1]);
      last.current = p;
    }
    schedule();
  };
  const endStroke = (): void => {
    if (last.current === null) return;
    last.current = null;
    onChange(toMnist(ink.current));
  };
  const clear = (): void => {
    ink.current.data.fill(0);
    last.current = null;
    setBlank(true);
    schedule();
    onChange(new Float32Array(MNIST_SIDE * MNIST_SIDE));
  };

  return (
    <div className="viz-digit-pad">
      <div className="viz-digit-pad-area">
        <canvas
          ref={canvasRef}
          width={SIDE}
          height={SIDE}
          style={{ width: size, height: size }}
          role="img"
          aria-label="Drawing pad: draw a digit with the mouse, a pen or a finger"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={endStroke}
          onPointerCancel={endStroke}
          onLostPointerCapture={endStroke}
        />
        {blank ? <span className="viz-digit-pad-hint">Draw a digit here</span> : null}
      </div>
      <button type="button" className="btn" onClick={clear}>
        Clear
      </button>
    </div>
  );
});
