// Training in the browser tests: the Train tab's buttons and numbers, the curves and the confusion matrix, in the
// words a student reads them. Everything waits on a condition; nothing sleeps.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { LayerLabPage } from './layerlabPage.ts';

/** A number as the Train tab prints it: "97.5%" -> 0.975, "0.0817" -> 0.0817, "−1.2" -> -1.2, "–" -> NaN. */
export function readNumber(text: string | null): number {
  const t = (text ?? '').trim().replace('\u2212', '-').replace(/,/g, '');
  if (t.endsWith('%')) return Number(t.slice(0, -1)) / 100;
  const value = Number(t);
  return t === '' || Number.isNaN(value) ? Number.NaN : value;
}

export class TrainTab {
  constructor(
    readonly app: LayerLabPage,
    readonly page: Page = app.page,
  ) {}

  async open(): Promise<void> {
    await this.app.sideTab('Train').click();
  }

  /** The big button: "Train" while paused, "Pause" while it runs. */
  get mainButton(): Locator {
    return this.page.locator('.train-main');
  }

  button(name: 'Step' | 'Epoch' | 'Reset' | 'New weights' | 'Go back to the last good weights'): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  async train(): Promise<void> {
    await expect.poll(() => this.mainButton.textContent()).toBe('Train');
    await this.mainButton.click();
  }

  async pause(): Promise<void> {
    await expect.poll(() => this.mainButton.textContent()).toBe('Pause');
    await this.mainButton.click();
    await expect.poll(() => this.mainButton.textContent()).toBe('Train');
  }

  async epoch(): Promise<number> {
    return readNumber(await this.page.getByTestId('train-epoch').textContent());
  }

  async testMetric(): Promise<number> {
    return readNumber(await this.page.getByTestId('test-metric').textContent());
  }

  async trainLoss(): Promise<number> {
    return readNumber(await this.page.getByTestId('train-loss').textContent());
  }

  /** The message training stopped with (divergence, or the end of a run). */
  get message(): Locator {
    return this.page.getByTestId('train-message');
  }

  /** The drawn loss curve's first and last training loss (what the chart shows). */
  async lossCurveEnds(): Promise<{ first: number; last: number; points: number }> {
    const chart = this.page.getByTestId('loss-chart');
    await chart.waitFor();
    return {
      first: Number(await chart.getAttribute('data-first-loss')),
      last: Number(await chart.getAttribute('data-last-loss')),
      points: Number(await chart.getAttribute('data-epochs')),
    };
  }

  /** The stroke colours of the canvas's weight lines, in document order. */
  async weightLineColours(): Promise<string[]> {
    return this.page.getByTestId('weight-line').evaluateAll((lines) => lines.map((l) => l.getAttribute('stroke') ?? ''));
  }

  /** Sets the learning rate by typing it, as a student would. */
  async setLearningRate(value: string): Promise<void> {
    const field = this.page.getByLabel('Learning rate', { exact: true });
    await field.fill(value);
    await field.blur();
  }
}
