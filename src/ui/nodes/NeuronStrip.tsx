import { memo, useCallback, useMemo } from 'react';
import type { KeyboardEvent } from 'react';
import type { LayerKind } from '../../core/layers/index.ts';
import { GRID_EXTENT } from '../../worker/grid.ts';
import { MAP_SIZE, ROW_HEIGHT, stripHeight, type RowKind } from '../canvas/training/cardGeometry.ts';
import { neuronLabel } from '../canvas/training/neuronLabels.ts';
import { inputPlaneGrid, splitUnitMaps } from '../canvas/training/unitMaps.ts';
import { useOutputDomain } from '../canvas/training/useLiveDomains.ts';
import { useStores, useTraining } from '../stores.ts';
import { maxAbs } from '../viz/colorDomain.ts';
import { formatValue } from '../viz/format.ts';
import { divergingTable, valueCss, type VizTheme } from '../viz/colorScale.ts';
import { paintDiverging } from '../viz/gridPaint.ts';
import { useCanvasImage } from '../viz/useCanvasImage.ts';
import { useSteppedDomain } from '../viz/useSteppedDomain.ts';
import { useVizTheme } from '../viz/useVizTheme.ts';

export interface NeuronStripProps {
  id: string;
  kind: LayerKind;
  units: number;
  rows: RowKind;
}

const NO_MAPS: Float32Array[] = [];

/** The Input's rows are the data, coloured over their own range; every other layer's over the canvas's shared domain. */
function useRowDomain(kind: LayerKind, values: Float32Array | null, rows: RowKind): number {
  const shared = useOutputDomain();
  const own = useSteppedDomain(values === null ? 0 : maxAbs(values));
  if (kind !== 'Input') return shared;
  return rows === 'map' ? GRID_EXTENT : own;
}

/**
 * One row per neuron of a small layer while training: its output on the viewed example as a dot (or, for 2-D data,
 * a map of its output over the input plane) and as a number. Each row is a button: it opens the neuron in the
 * inspector (a Dense's arithmetic) and selects the layer. Rows have a fixed height (cardGeometry.ts), so the card
 * never changes size while training and the weight lines meet the rows.
 */
export const NeuronStrip = memo(function NeuronStrip({ id, kind, units, rows }: NeuronStripProps) {
  const { editor, ui, trainer } = useStores();
  const values = useTraining((s) => s.canvas.sample?.outputs[id] ?? null);
  const layerGrid = useTraining((s) => (rows === 'map' && kind !== 'Input' ? (s.canvas.grid?.layers[id] ?? null) : null));
  const m = useTraining((s) => (rows === 'map' ? (s.canvas.grid?.m ?? 0) : 0));
  const inspected = useTraining((s) => (s.view.neuron?.nodeId === id ? s.view.neuron.unit : -1));
  const featureNames = useTraining((s) => (kind === 'Input' ? (s.session?.featureNames ?? null) : null));
  const domain = useRowDomain(kind, values, rows);
  const theme = useVizTheme();

  const inputPlane = useMemo(() => (kind === 'Input' && m > 0 ? inputPlaneGrid(m) : null), [kind, m]);
  const maps = useMemo(() => {
    const grid = inputPlane ?? layerGrid;
    return grid === null ? NO_MAPS : splitUnitMaps(grid, m, kind === 'Input' ? 2 : units);
  }, [inputPlane, layerGrid, m, kind, units]);

  const choose = useCallback(
    (unit: number) => {
      editor.getState().select({ nodes: [id], edges: [] });
      ui.getState().setSideTab('layer');
      if (kind === 'Dense') trainer.setView({ neuron: { nodeId: id, unit } });
    },
    [editor, ui, trainer, id, kind],
  );

  // Up and down move between the rows (React Flow leaves keys inside `.nokey` alone, so they do not move the card).
  const onKeyDown = useCallback((event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...event.currentTarget.querySelectorAll('button')];
    const at = buttons.indexOf(event.target as HTMLButtonElement);
    if (at === -1) return;
    const next = { ArrowUp: at - 1, ArrowDown: at + 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    buttons[Math.min(buttons.length - 1, Math.max(0, next))]?.focus();
  }, []);

  const height = ROW_HEIGHT[rows];
  const showMaps = maps.length > 0 && m === MAP_SIZE;
  return (
    <div className="neuron-strip nokey" role="group" aria-label={`Neurons of ${id}`} style={{ height: stripHeight(units, rows) }} onKeyDown={onKeyDown}>
      {showMaps ? <StripMaps maps={maps} n={m} domain={domain} theme={theme} /> : null}
      {Array.from({ length: units }, (_, unit) => {
        const value = values !== null && unit < values.length ? (values[unit] as number) : null;
        const featureName = featureNames?.[unit];
        const label = neuronLabel({ kind, nodeId: id, unit, value, ...(featureName === undefined ? {} : { featureName }) });
        const map = maps[unit];
        return (
          <button
            key={unit}
            type="button"
            className={`neuron-row${inspected === unit ? ' is-inspected' : ''}`}
            style={{ height }}
            aria-label={label}
            aria-pressed={kind === 'Dense' ? inspected === unit : undefined}
            title={label}
            data-testid={`neuron-${id}-${unit}`}
            onClick={() => choose(unit)}
          >
            <span className="neuron-index" aria-hidden="true">
              {unit + 1}
            </span>
            {map !== undefined ? (
              <span className="neuron-map-slot" aria-hidden="true" />
            ) : (
              <NeuronDot value={value} domain={domain} theme={theme} />
            )}
            <span className="neuron-value" aria-hidden="true">
              {value === null ? '' : formatValue(value)}
            </span>
          </button>
        );
      })}
    </div>
  );
});

/**
 * Every neuron's map of a card on ONE canvas, one 24×24 map per 26-px row, laid over the rows' map slots: one
 * canvas per neuron made the browser composite dozens of tiny layers, and that commit was the costliest part of
 * drawing a training frame (a 16-16-16 network has 48 maps). The maps are at data resolution (one pixel per cell).
 */
function StripMaps({ maps, n, domain, theme }: { maps: readonly Float32Array[]; n: number; domain: number; theme: VizTheme }) {
  const pitch = ROW_HEIGHT.map;
  const height = maps.length * pitch;
  const paint = useMemo(
    () => (rgba: Uint8ClampedArray) => {
      rgba.fill(0);
      const table = divergingTable(theme);
      maps.forEach((map, unit) => paintDiverging(map, n * n, domain, table, rgba.subarray(unit * pitch * n * 4, (unit * pitch + n) * n * 4)));
    },
    [maps, n, domain, theme, pitch],
  );
  const ref = useCanvasImage(n, height, paint);
  return <canvas ref={ref} className="neuron-strip-maps" width={n} height={height} style={{ width: n, height }} aria-hidden="true" />;
}

function NeuronDot({ value, domain, theme }: { value: number | null; domain: number; theme: VizTheme }) {
  return <span className="neuron-dot" style={{ background: value === null ? undefined : valueCss(value, domain, theme) }} />;
}
