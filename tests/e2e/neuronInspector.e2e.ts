// User story: a student clicks a neuron of the hidden layer and reads its arithmetic for one example: each input
// times its weight, their sum plus the bias, and the activation — real numbers that add up, updating as it trains.
import { expect } from 'vitest';
import { test } from './support/browser.ts';
import { eventually, LayerLabPage } from './support/layerlabPage.ts';
import { TrainTab } from './support/training.ts';

async function value(page: LayerLabPage['page'], testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('data-value'));
}

test('the neuron inspector shows numbers with sum = Σ input × weight + bias, and output = tanh(sum)', async ({ page }) => {
  const app = await LayerLabPage.open(page);
  const train = new TrainTab(app);
  await train.open();
  await train.button('Epoch').click();
  await eventually(() => train.epoch(), 15_000).toBe(1);

  await page.getByRole('button', { name: /^Neuron 2 of hidden/ }).click();
  await eventually(() => page.getByTestId('neuron-sum').count()).toBe(1);
  const read = async () => {
    const inputs = [await value(page, 'neuron-input-0'), await value(page, 'neuron-input-1')];
    const weights = [await value(page, 'neuron-weight-0'), await value(page, 'neuron-weight-1')];
    return { inputs, weights, bias: await value(page, 'neuron-bias'), sum: await value(page, 'neuron-sum'), output: await value(page, 'neuron-output') };
  };
  const first = await read();
  const expected = first.inputs[0]! * first.weights[0]! + first.inputs[1]! * first.weights[1]! + first.bias;
  expect(Math.abs(first.sum - expected)).toBeLessThan(1e-5 * Math.max(1, Math.abs(expected)));
  expect(Math.abs(first.output - Math.tanh(first.sum))).toBeLessThan(1e-5);

  // It updates as the network trains.
  await train.open();
  await train.button('Epoch').click();
  await eventually(() => train.epoch()).toBe(2);
  await app.sideTab('Layer').click();
  await eventually(async () => (await read()).weights[0]).not.toBe(first.weights[0]);
  const second = await read();
  expect(Math.abs(second.sum - (second.inputs[0]! * second.weights[0]! + second.inputs[1]! * second.weights[1]! + second.bias))).toBeLessThan(1e-5);
  expect(app.consoleErrors).toEqual([]);
});
