/**
 * The network as a picture for slides and handouts: a self-contained SVG string (inline presentation attributes,
 * system fonts, no ids, no external references), drawn as on the canvas: each layer a rounded box at its canvas
 * position with its title, id, output shape and parameter count, and each connection a curve from a layer's output
 * (right side) to the next layer's input (left side) with an arrowhead and the shape that flows along it in a pill at
 * its middle (drawn over the boxes, so a short gap between columns never hides it). Pure string building, no DOM: it runs (and is tested) in Node; svgToPng.ts turns it into a PNG in the
 * browser.
 */
import { LAYOUT } from '../../core/graph/layoutSizes.ts';
import type { Graph, GraphEdge, GraphNode } from '../../core/graph/types.ts';
import { formatShape } from '../../core/layers/shape.ts';
import type { GraphInference } from '../../core/shapes/inferShapes.ts';
import { nodeTitle } from '../nodes/nodeTitle.ts';

export type DiagramTheme = 'light' | 'dark';

export interface NetworkDiagramOptions {
  theme: DiagramTheme;
  /** A heading above the network (e.g. the project name). */
  title?: string;
}

interface Palette {
  background: string;
  box: string;
  border: string;
  text: string;
  muted: string;
  edge: string;
  pill: string;
  error: string;
}

const PALETTES: Readonly<Record<DiagramTheme, Palette>> = {
  light: { background: '#ffffff', box: '#ffffff', border: '#d1d5db', text: '#1f2937', muted: '#6b7280', edge: '#8a94a3', pill: '#f3f4f6', error: '#c62828' },
  dark: { background: '#171a21', box: '#1f2430', border: '#2a2f3a', text: '#e5e7eb', muted: '#a7afbd', edge: '#7d8796', pill: '#2a2f3a', error: '#ff7b7b' },
};

const FONT_UI = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const FONT_MONO = "ui-monospace, 'SFMono-Regular', 'DejaVu Sans Mono', Menlo, Consolas, monospace";

const W = LAYOUT.nodeWidth;
const H = LAYOUT.nodeHeight;
const MARGIN = 24;
const TITLE_HEIGHT = 40;
const RADIUS = 8;
const PAD = 12;
const ARROW = 7;
/** Rough glyph widths in ems, for fitting text in boxes and sizing pills (no font metrics without a DOM). */
const MONO_EM = 0.61;
const TITLE_EM = 0.6;
/** Shape pills: font size at most / at least (smaller to fit the gap between two columns), inner padding. */
const PILL_FONT = 10;
const PILL_MIN_FONT = 7.5;
const PILL_PAD = 5;

/**
 * Characters XML 1.0 does not allow at all, not even as references (controls other than tab and line breaks, lone
 * surrogates, U+FFFE and U+FFFF): one in a project name would make the whole SVG unreadable.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text for XML content and attribute values: markup characters as entities (so a project or layer name is shown as
 * text and never adds an element or an attribute), characters XML cannot hold as U+FFFD.
 */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '\ufffd')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const n = (value: number): string => String(Math.round(value * 10) / 10);

const finite = (value: number): number => (Number.isFinite(value) ? value : 0);

const formatParams = (count: number): string => `${count.toLocaleString('en-US')} param${count === 1 ? '' : 's'}`;

interface Box {
  x: number;
  y: number;
}

interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function grow(b: Bounds, x: number, y: number): void {
  b.minX = Math.min(b.minX, x);
  b.minY = Math.min(b.minY, y);
  b.maxX = Math.max(b.maxX, x);
  b.maxY = Math.max(b.maxY, y);
}

/** The canvas's bezier (React Flow's getBezierPath for a right-to-left handle pair): control points and midpoint. */
function curve(x1: number, y1: number, x2: number, y2: number): { c1x: number; c2x: number; midX: number; midY: number } {
  const offset = (distance: number): number => (distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance));
  const c1x = x1 + offset(x2 - x1);
  const c2x = x2 - offset(x2 - x1);
  return { c1x, c2x, midX: x1 * 0.125 + c1x * 0.375 + c2x * 0.375 + x2 * 0.125, midY: (y1 + y2) / 2 };
}

/** The y of the curve (x1, y1) -> (x2, y2) with horizontal control points c1x, c2x where it passes `x` (x rises along it). */
function curveYAt(x1: number, y1: number, c1x: number, c2x: number, x2: number, y2: number, x: number): number {
  const at = (t: number, a: number, b: number, c: number, d: number): number =>
    (1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t ** 2 * c + t ** 3 * d;
  let low = 0;
  let high = 1;
  for (let i = 0; i < 30; i += 1) {
    const mid = (low + high) / 2;
    if (at(mid, x1, c1x, c2x, x2) < x) low = mid;
    else high = mid;
  }
  const t = (low + high) / 2;
  return at(t, y1, y1, y2, y2);
}

/** Where each edge enters its target: spread over the left side in inputIndex order, as the canvas's handles. */
function inputYs(graph: Graph, boxes: ReadonlyMap<string, Box>): Map<GraphEdge, number> {
  const byTarget = new Map<string, GraphEdge[]>();
  for (const edge of graph.edges) {
    const list = byTarget.get(edge.target);
    if (list === undefined) byTarget.set(edge.target, [edge]);
    else list.push(edge);
  }
  const ys = new Map<GraphEdge, number>();
  for (const [target, edges] of byTarget) {
    const box = boxes.get(target);
    if (box === undefined) continue;
    const sorted = [...edges].sort((a, b) => a.inputIndex - b.inputIndex);
    sorted.forEach((edge, i) => ys.set(edge, box.y + (H * (i + 1)) / (sorted.length + 1)));
  }
  return ys;
}

/**
 * A font size (at most `size`, at least `min`) at which `chars` characters of `em` ems each fit in `width`, and the
 * text cut with "…" to fit at that size when even `min` is too large.
 */
function fitText(text: string, width: number, size: number, min: number, em: number): { text: string; size: number } {
  const chars = [...text];
  const needed = chars.length * em * size;
  if (needed <= width) return { text, size };
  const shrunk = width / (chars.length * em);
  if (shrunk >= min) return { text, size: Math.floor(shrunk * 10) / 10 };
  const max = Math.max(1, Math.floor(width / (em * min)));
  return { text: `${chars.slice(0, max - 1).join('')}…`, size: min };
}

function nodeSvg(node: GraphNode, box: Box, inference: GraphInference, p: Palette): string {
  const info = inference.nodes.get(node.id);
  const ok = info?.status === 'ok';
  const inner = W - 2 * PAD;
  const title = fitText(nodeTitle(node), inner, 13, 10, TITLE_EM);
  const id = fitText(node.id, inner, 10, 10, MONO_EM);
  const shape = ok ? formatShape(info.shape) : '?';
  const params = ok ? formatParams(info.params) : '';
  // The shape (left) and the parameter count (right) share the last line, with at least two characters between.
  const foot = fitText(`${shape}  ${params}`, inner, 11, 8, MONO_EM);
  const footSize = foot.size;
  const { x, y } = box;
  const error = info?.status === 'error';
  return [
    `<g>`,
    `<title>${escapeXml(`${nodeTitle(node)} (${node.id})`)}</title>`,
    `<rect x="${n(x)}" y="${n(y)}" width="${W}" height="${H}" rx="${RADIUS}" fill="${p.box}" stroke="${error ? p.error : p.border}" stroke-width="${error ? 1.5 : 1}"/>`,
    `<text x="${n(x + PAD)}" y="${n(y + 21)}" font-size="${n(title.size)}" font-weight="600" fill="${p.text}">${escapeXml(title.text)}</text>`,
    `<text x="${n(x + PAD)}" y="${n(y + 36)}" font-family="${FONT_MONO}" font-size="${n(id.size)}" fill="${p.muted}">${escapeXml(id.text)}</text>`,
    `<text x="${n(x + PAD)}" y="${n(y + 53)}" font-family="${FONT_MONO}" font-size="${n(footSize)}" fill="${ok ? p.text : p.muted}">${escapeXml(shape)}</text>`,
    params === ''
      ? ''
      : `<text x="${n(x + W - PAD)}" y="${n(y + 53)}" font-family="${FONT_MONO}" font-size="${n(footSize)}" fill="${p.muted}" text-anchor="end">${escapeXml(params)}</text>`,
    `</g>`,
  ].join('');
}

/** The network diagram of `graph` (positions as on the canvas), with shapes and parameters from `inference`. */
export function networkDiagramSvg(graph: Graph, inference: GraphInference, options: NetworkDiagramOptions): string {
  const p = PALETTES[options.theme];
  const boxes = new Map<string, Box>(graph.nodes.map((node) => [node.id, { x: finite(node.position.x), y: finite(node.position.y) }]));
  const bounds: Bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const box of boxes.values()) {
    grow(bounds, box.x, box.y);
    grow(bounds, box.x + W, box.y + H);
  }

  const edges: string[] = [];
  const pills: string[] = [];
  const entries = inputYs(graph, boxes);
  for (const edge of graph.edges) {
    const from = boxes.get(edge.source);
    const to = boxes.get(edge.target);
    const y2 = entries.get(edge);
    if (from === undefined || to === undefined || y2 === undefined) continue;
    const x1 = from.x + W;
    const y1 = from.y + H / 2;
    const x2 = to.x;
    const end = x2 - ARROW + 1;
    const c = curve(x1, y1, end, y2);
    grow(bounds, c.c1x, y1);
    grow(bounds, c.c2x, y2);
    edges.push(
      `<path d="M ${n(x1)} ${n(y1)} C ${n(c.c1x)} ${n(y1)}, ${n(c.c2x)} ${n(y2)}, ${n(end)} ${n(y2)}" fill="none" stroke="${p.edge}" stroke-width="1.5"/>`,
      `<polygon points="${n(x2)},${n(y2)} ${n(x2 - ARROW)},${n(y2 - 4)} ${n(x2 - ARROW)},${n(y2 + 4)}" fill="${p.edge}"/>`,
    );
    const info = inference.nodes.get(edge.source);
    if (info?.status !== 'ok') continue;
    const label = formatShape(info.shape);
    // Between the boxes, left of the arrowhead; it may overlap the source box's empty right margin. As large as fits
    // there (a pill wider than the room covers the boxes' edges).
    const forward = end > x1;
    const lo = x1 - (PAD - 2);
    const hi = x2 - ARROW - 2;
    const centerX = forward ? (lo + hi) / 2 : c.midX;
    const centerY = forward ? curveYAt(x1, y1, c.c1x, c.c2x, end, y2, centerX) : c.midY;
    const fitting = forward ? (hi - lo - 2 * PILL_PAD) / (label.length * MONO_EM) : PILL_FONT;
    const size = Math.floor(Math.min(PILL_FONT, Math.max(PILL_MIN_FONT, fitting)) * 10) / 10;
    const width = label.length * MONO_EM * size + 2 * PILL_PAD;
    const height = size + 8;
    const left = centerX - width / 2;
    const top = centerY - height / 2;
    grow(bounds, left, top);
    grow(bounds, left + width, top + height);
    pills.push(
      `<rect x="${n(left)}" y="${n(top)}" width="${n(width)}" height="${n(height)}" rx="${n(height / 2)}" fill="${p.pill}" stroke="${p.border}"/>` +
        `<text x="${n(centerX)}" y="${n(centerY + size * 0.35)}" font-family="${FONT_MONO}" font-size="${n(size)}" fill="${p.text}" text-anchor="middle">${escapeXml(label)}</text>`,
    );
  }

  if (graph.nodes.length === 0) {
    grow(bounds, 0, 0);
    grow(bounds, W, H);
  }
  const heading = options.title === undefined || options.title.trim() === '' ? null : options.title.trim();
  const minX = bounds.minX - MARGIN;
  const minY = bounds.minY - MARGIN - (heading === null ? 0 : TITLE_HEIGHT);
  const headingWidth = heading === null ? 0 : [...heading].length * 9.5 + 2 * MARGIN;
  const width = Math.ceil(Math.max(bounds.maxX + MARGIN - minX, headingWidth));
  const height = Math.ceil(bounds.maxY + MARGIN - minY);
  const nodes = graph.nodes.map((node) => nodeSvg(node, boxes.get(node.id) ?? { x: 0, y: 0 }, inference, p));
  const empty =
    graph.nodes.length === 0
      ? `<text x="${n(W / 2)}" y="${n(H / 2 + 4)}" font-size="13" fill="${p.muted}" text-anchor="middle">No layers yet</text>`
      : '';

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${n(minX)} ${n(minY)} ${width} ${height}" role="img">`,
    `<title>${escapeXml(heading ?? 'Network diagram')}</title>`,
    `<rect x="${n(minX)}" y="${n(minY)}" width="${width}" height="${height}" fill="${p.background}"/>`,
    `<g font-family="${FONT_UI}">`,
    heading === null
      ? ''
      : `<text x="${n(minX + MARGIN)}" y="${n(minY + MARGIN + 14)}" font-size="18" font-weight="600" fill="${p.text}">${escapeXml(heading)}</text>`,
    ...edges,
    ...nodes,
    ...pills,
    empty,
    `</g>`,
    `</svg>`,
  ].join('\n');
}
