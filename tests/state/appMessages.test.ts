import { describe, expect, it } from 'vitest';
import {
  APP_MESSAGES,
  copiedLayers,
  exportFailed,
  importedWithoutData,
  savedWithoutWeights,
  trainBlocked,
  trainHint,
  trainNotYet,
} from '../../src/state/appMessages.ts';

describe("the app's own messages", () => {
  it('Train, before training in the browser exists, names the command and the file Save writes', () => {
    expect(trainNotYet({ name: 'XOR 2-4-1' })).toBe(
      'Training in the browser comes in the next version of LayerLab. To train this network now, Save it and run: npx layerlab train xor-2-4-1.layerlab.json',
    );
  });

  it('Train with errors counts them, in the singular and plural', () => {
    expect(trainBlocked(1)).toBe('Fix the error in the Problems list first, then press Train.');
    expect(trainBlocked(3)).toBe('Fix the 3 errors in the Problems list first, then press Train.');
    expect(APP_MESSAGES.trainFixFirst).toBe('Fix the problems below the canvas, then press Train.');
  });

  it('the hint above Train names the data', () => {
    expect(trainHint('XOR')).toBe('Press Train to watch this network learn XOR.');
  });

  it('Copy names one layer, or counts several', () => {
    expect(copiedLayers(['hidden'])).toBe('Copied hidden. Press Ctrl+V to paste.');
    expect(copiedLayers(['a', 'b', 'c'])).toBe('Copied 3 layers. Press Ctrl+V to paste.');
  });

  it('Save and Export say what happened and that nothing is lost or half-written', () => {
    expect(savedWithoutWeights('weights of out are not a number')).toBe('Saved without the trained weights: weights of out are not a number');
    expect(exportFailed('The engine stopped unexpectedly.')).toBe('The export failed, and nothing was written: The engine stopped unexpectedly.');
    expect(exportFailed('  ')).toBe('The export failed, and nothing was written. Try again.');
  });

  it('an import with no fitting data says so, with core\'s note on what would fit', () => {
    expect(importedWithoutData('no dataset chosen yet; choose one before training.')).toBe(
      'No built-in dataset fits it, so the project has no dataset chosen yet; choose one before training.',
    );
  });

  it('storage and autosave messages tell the student what to do', () => {
    expect(APP_MESSAGES.storageUnavailable).toBe('This browser does not let LayerLab save your work as you go. Use Save to download it.');
    expect(APP_MESSAGES.unreadableAutosave).toMatch(/^Your earlier work is still stored in this browser, but LayerLab cannot open it\. Download it/);
    expect(APP_MESSAGES.architectureOnly).toBe('This file holds the architecture only (no weights): the network starts untrained.');
    expect(APP_MESSAGES.noProblems).toBe('No problems: every layer fits together.');
    expect(APP_MESSAGES.weightsReset).toBe('The trained weights are gone: the network starts again from fresh ones. Undo brings them back.');
  });
});
