/**
 * A slice of the fuzz campaign (`npm run fuzz`, see fuzz/campaign.ts): the same generators, mutators and workers,
 * seed 20261202, fewer cases. Every category must end with no crash, no hang, no prototype pollution and no broken
 * rule (a broken graph without a problem naming one of its nodes, a refusal without a message a user can read, a
 * resource-limit case that is not refused with its limit or takes 100 MB or more).
 */
import { describe, expect, it } from 'vitest';
import { runCampaign } from '../../fuzz/campaign.ts';
import type { CategoryCounts } from '../../fuzz/campaign.ts';
import { FILE_CATEGORIES } from '../../fuzz/fileCases.ts';
import { LIMIT_CASES, MAX_RSS_GROWTH } from '../../fuzz/limitCases.ts';

const SEED = 20261202;
const GRAPHS = 200;
const FILES = 40;

/** What failed, in words, so a red test says which case to replay. */
function failures(r: CategoryCounts): string[] {
  return r.failures.map(
    (f) =>
      `${r.category} #${f.index} (${f.label.slice(0, 200)}): ${f.crash ?? (f.hang === true ? 'hang' : '')}${(f.pollution ?? []).join(', ')}${f.violations.join('; ')} ` +
      `(replay: npm run fuzz -- --seed ${SEED} --only ${r.category} --from ${f.index} --cases 1)`,
  );
}

describe('fuzz campaign slice', () => {
  let results: CategoryCounts[] = [];
  const byCategory = (category: string): CategoryCounts => {
    const found = results.find((r) => r.category === category);
    if (found === undefined) throw new Error(`${category} did not run`);
    return found;
  };

  it('runs every category without a crash, hang, prototype pollution or broken rule', { timeout: 170_000 }, async () => {
    results = await runCampaign({
      seed: SEED,
      counts: { graphs: GRAPHS, 'keras-json': FILES, 'keras-file': FILES, tfjs: FILES, project: FILES, share: FILES, limits: LIMIT_CASES.length },
      workers: 1,
      timeoutMs: 20_000,
    });
    expect(results.flatMap(failures)).toEqual([]);
    for (const r of results) expect({ category: r.category, crashes: r.crashes, hangs: r.hangs, pollution: r.pollution, violations: r.violations }).toEqual({ category: r.category, crashes: 0, hangs: 0, pollution: 0, violations: 0 });
  });

  it('makes valid and broken graphs alike: some load, more are refused, each with a message', () => {
    const graphs = byCategory('graphs');
    expect(graphs.cases).toBe(GRAPHS);
    expect(graphs.loaded + graphs.refused).toBe(GRAPHS);
    expect(graphs.loaded).toBeGreaterThan(GRAPHS / 10);
    expect(graphs.refused).toBeGreaterThan(GRAPHS / 2);
  });

  it('mutates every file kind into files that still load and files that are refused', () => {
    for (const category of FILE_CATEGORIES) {
      const r = byCategory(category);
      expect({ category, all: r.loaded + r.refused }).toEqual({ category, all: FILES });
      expect({ category, someLoad: r.loaded > 0, someRefused: r.refused > 0 }).toEqual({ category, someLoad: true, someRefused: true });
    }
  });

  it('refuses every resource-limit input, stating the limit, without taking 100 MB of memory', () => {
    const limits = byCategory('limits');
    expect(limits.limitCases?.map((c) => [c.name, c.status])).toEqual(LIMIT_CASES.map((c) => [c.name, 'refused']));
    for (const c of limits.limitCases ?? []) expect({ name: c.name, overCap: c.peakRssGrowth >= MAX_RSS_GROWTH }).toEqual({ name: c.name, overCap: false });
    const messages = (limits.limitCases ?? []).map((c) => c.message);
    expect(messages).toContain('The .keras file would unpack to 4096 MB (model.weights.h5 alone to 4096 MB); LayerLab unpacks at most 200 MB, so it was not opened.');
    expect(messages).toContain('The .keras file is damaged: model.weights.h5 unpacks to more than the 16140 bytes its zip directory gives.');
    expect(messages.some((m) => m.includes("LayerLab's links are at most 4,000 kB"))).toBe(true);
    expect(messages.some((m) => m.includes('above LayerLab\'s cap of 4096'))).toBe(true);
  });
});
