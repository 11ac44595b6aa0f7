/**
 * LayerLab's pictures of training: React components that take plain data (typed arrays, numbers, strings) and draw
 * fast, plus the pure helpers they share. One visual language for all of them:
 *
 * - Signed numbers (weights, activations, gradients, regression values) use ONE diverging scale, orange (negative)
 *   → grey (0) → blue (positive), symmetric around 0, its reach (`domain`, the max |value|) chosen per picture and
 *   shown by a ColorLegend. Leave `domain` out to let the picture choose it from its data: a 1-2-5 number that grows
 *   at once and shrinks only two steps later (steppedDomain), so the legend holds still while training.
 * - Classes: orange and blue for two classes (class 1 = blue = "positive"), d3's Tableau10 for more.
 * - Numbers: 3 significant digits for weights and activations (formatValue), 4 decimals for loss (formatLoss),
 *   accuracy as a percentage with one decimal (formatPercent), in fixed-width fields.
 * - Grids are canvases at data resolution scaled up by CSS; SVG is used for axes, points and curves.
 * - `theme`: every component follows <html data-theme> unless given 'light' or 'dark'.
 *
 * Arrays are read, never changed, and treated as immutable: pass a new array (a new snapshot from the worker) to
 * redraw. The exception is LossChart's series, whose `count` lets a store append into a preallocated buffer.
 * Components are memoised: a render with the same props does no work.
 *
 * Grid layout shared by DecisionBoundary and NeuronMap: n×n cells, row-major, row 0 at the top (x2 = +extent),
 * column 0 at the left (x1 = −extent); cell (row, col) holds the output at its centre,
 *   x1 = −extent + (col + ½)·2·extent/n,  x2 = extent − (row + ½)·2·extent/n   (extent = 6 for LayerLab's 2-D data).
 */

// Components
export { LossChart, type LossChartProps, type MetricKind } from './LossChart.tsx';
export { DecisionBoundary, type DecisionBoundaryProps } from './DecisionBoundary.tsx';
export { RegressionPlot, type RegressionPlotProps } from './RegressionPlot.tsx';
export { NeuronMap, type NeuronMapProps } from './NeuronMap.tsx';
export { WeightHeatmap, type WeightHeatmapProps } from './WeightHeatmap.tsx';
export { ConfusionMatrix, type ConfusionMatrixProps } from './ConfusionMatrix.tsx';
export { ProbabilityBars, type ProbabilityBarsProps } from './ProbabilityBars.tsx';
export { DigitImage, type DigitImageProps } from './DigitImage.tsx';
export { DigitPad, type DigitPadProps } from './DigitPad.tsx';
export { NeuronArithmetic, type NeuronArithmeticProps } from './NeuronArithmetic.tsx';
export { DataScatter, type DataScatterProps } from './DataScatter.tsx';
export { MetricReadout, type MetricReadoutProps } from './MetricReadout.tsx';
export { ColorLegend, ClassLegend, type ColorLegendProps, type ClassLegendProps } from './ColorLegend.tsx';
export type { PlanePoints } from './PlanePointsLayer.tsx';
export type { ChartSeries, NumberList } from './lossChartMath.ts';

// The colour scale and number formats, for anything else that shows these numbers (node cards, edges, tooltips).
export {
  valueColor,
  valueCss,
  divergingTable,
  tableIndex,
  classColor,
  textColorOn,
  contrastRatio,
  NEGATIVE_RGB,
  POSITIVE_RGB,
  NEUTRAL_RGB,
  TABLE_SIZE,
  type Rgb,
  type VizTheme,
} from './colorScale.ts';
export { steppedDomain, niceCeil, maxAbs } from './colorDomain.ts';
export { formatValue, formatLoss, formatPercent, formatCount, formatRate, padStart } from './format.ts';
export { useVizTheme } from './useVizTheme.ts';

// The digit pad's preprocessing, for anything else that turns a drawing into network input.
export { toMnist } from './mnistPreprocess.ts';
