/** Which layers show rows, a weight heatmap or a bar while training, which edges fan out, and where the rows are. */
import { describe, expect, it } from 'vitest';
import { edgeLiveMode, liveCardContent, MAX_ROW_UNITS, ROW_HEIGHT, rowCenterY, STRIP_TOP, stripHeight, vectorUnits } from '../../../../src/ui/canvas/training/cardGeometry.ts';

describe('liveCardContent', () => {
  it('gives a small Dense one row per neuron and no heatmap (its weights are lines)', () => {
    expect(liveCardContent('Dense', [8], 2)).toEqual({ rows: 8, heatmap: null, bar: null });
  });

  it('gives a Dense of 16 neurons rows, and one of 17 its weight matrix instead', () => {
    expect(liveCardContent('Dense', [MAX_ROW_UNITS], 8)).toEqual({ rows: 16, heatmap: null, bar: null });
    expect(liveCardContent('Dense', [MAX_ROW_UNITS + 1], 8)).toEqual({ rows: null, heatmap: { rows: 8, cols: 17 }, bar: null });
  });

  it('shows the weight matrix [inputs, units] of a Dense reading 784 pixels, beside its 16 rows', () => {
    expect(liveCardContent('Dense', [16], 784)).toEqual({ rows: 16, heatmap: { rows: 784, cols: 16 }, bar: null });
    expect(liveCardContent('Dense', [128], 784)).toEqual({ rows: null, heatmap: { rows: 784, cols: 128 }, bar: null });
  });

  it('gives small activation, input and other flat layers rows, and wide ones a bar of outputs', () => {
    expect(liveCardContent('Activation', [4], 4).rows).toBe(4);
    expect(liveCardContent('Input', [2], null).rows).toBe(2);
    expect(liveCardContent('Dropout', [8], 8).rows).toBe(8);
    expect(liveCardContent('ReLU', [64], 64)).toEqual({ rows: null, heatmap: null, bar: 64 });
    expect(liveCardContent('Input', [784], null)).toEqual({ rows: null, heatmap: null, bar: 784 });
  });

  it('adds nothing to a layer whose output is not a flat list (an image) or whose shape is unknown', () => {
    expect(liveCardContent('Input', [28, 28], null)).toEqual({ rows: null, heatmap: null, bar: null });
    expect(liveCardContent('Dense', null, 2)).toEqual({ rows: null, heatmap: null, bar: null });
  });
});

describe('vectorUnits', () => {
  it('reads the length of a flat shape only', () => {
    expect(vectorUnits([8])).toBe(8);
    expect(vectorUnits([28, 28])).toBeNull();
    expect(vectorUnits([])).toBeNull();
    expect(vectorUnits(undefined)).toBeNull();
  });
});

describe('edgeLiveMode', () => {
  it('fans out an edge between two small layers into a Dense with weights', () => {
    expect(edgeLiveMode(true, true, 2, 8)).toBe('fan');
    expect(edgeLiveMode(true, true, 16, 16)).toBe('fan');
  });

  it('tints an edge into a Dense when either end has more than 16 units', () => {
    expect(edgeLiveMode(true, true, 784, 16)).toBe('tint');
    expect(edgeLiveMode(true, true, 16, 17)).toBe('tint');
    expect(edgeLiveMode(true, true, null, 4)).toBe('tint');
  });

  it('leaves edges into other layers, or without weights yet, as they are', () => {
    expect(edgeLiveMode(false, true, 2, 2)).toBe('plain');
    expect(edgeLiveMode(true, false, 2, 8)).toBe('plain');
  });
});

describe('neuron rows', () => {
  it('stack without gaps or overlap below the card head, each row centred in its own band', () => {
    for (const kind of ['dot', 'map'] as const) {
      const h = ROW_HEIGHT[kind];
      expect(rowCenterY(0, kind)).toBe(STRIP_TOP + h / 2);
      for (let i = 1; i < 16; i++) expect(rowCenterY(i, kind) - rowCenterY(i - 1, kind)).toBe(h);
      expect(rowCenterY(15, kind) + h / 2).toBe(STRIP_TOP + stripHeight(16, kind));
    }
  });

  it('are tall enough for a 24 px neuron map and a line of 11 px figures', () => {
    expect(ROW_HEIGHT.map).toBeGreaterThanOrEqual(24);
    expect(ROW_HEIGHT.dot).toBeGreaterThanOrEqual(12);
  });
});
