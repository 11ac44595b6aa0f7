/**
 * The samples slider moves through round numbers on a roughly logarithmic scale: from 10 to 10,000 points a linear
 * slider would give the small sets (where each point matters) a few pixels of travel.
 */
export const SAMPLE_STOPS: readonly number[] = Object.freeze([
  10, 20, 30, 50, 75, 100, 150, 200, 250, 300, 400, 500, 600, 750, 1000, 1250, 1500, 2000, 2500, 3000, 4000, 5000, 6000,
  7500, 10000,
]);

/** The stops from `min` to `max`. */
export function stopsBetween(min: number, max: number, stops: readonly number[] = SAMPLE_STOPS): number[] {
  return stops.filter((s) => s >= min && s <= max);
}

/** The index of the stop nearest to `value` (a project may hold any whole number, e.g. 420 from a file). */
export function nearestStop(value: number, stops: readonly number[]): number {
  let best = 0;
  stops.forEach((s, i) => {
    if (Math.abs(s - value) < Math.abs((stops[best] as number) - value)) best = i;
  });
  return best;
}

/** The digits MNIST can train on, in the choice the Data tab offers. */
export const MNIST_SAMPLE_CHOICES: readonly number[] = Object.freeze([500, 1000, 2000, 5000, 10000]);

/** The choices with the project's own value among them, in order, when it is not one of them. */
export function choicesWith(value: number, choices: readonly number[]): number[] {
  return choices.includes(value) ? [...choices] : [...choices, value].sort((a, b) => a - b);
}
