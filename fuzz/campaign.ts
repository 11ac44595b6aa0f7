/**
 * The fuzz campaign: its categories, how many cases each runs, and the counts it reports. Used by `npm run fuzz`
 * (fuzz/run.ts) and by the slice in the test suite (tests/fuzz/), which runs the same cases with smaller counts.
 */
import { FILE_CATEGORIES } from './fileCases.ts';
import { LIMIT_CASES, MAX_RSS_GROWTH } from './limitCases.ts';
import type { CaseReport } from './outcome.ts';
import { FuzzPool } from './pool.ts';

export const CATEGORIES = ['graphs', ...FILE_CATEGORIES, 'limits'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The full campaign's cases per category; `limits` runs every resource-limit case once. */
export const FULL_COUNTS: Readonly<Record<Category, number>> = {
  graphs: 10_000,
  'keras-json': 1000,
  'keras-file': 1000,
  tfjs: 1000,
  project: 1000,
  share: 1000,
  limits: LIMIT_CASES.length,
};

export interface CategoryCounts {
  category: Category;
  cases: number;
  loaded: number;
  refused: number;
  crashes: number;
  hangs: number;
  pollution: number;
  violations: number;
  /** The slowest case, in ms. */
  slowestMs: number;
  /** Resource-limit cases: the largest growth of resident memory, in bytes. */
  peakRssGrowth?: number;
  /** The failing cases (crash, hang, pollution or violation), at most 20. */
  failures: CaseReport[];
  /** Wall-clock time of the category, in seconds (worker start-up included for the first). */
  seconds?: number;
  /** The slowest case's label. */
  slowest: string;
  /** Resource-limit cases: each one's name, memory growth and first message. */
  limitCases?: { name: string; status: string; peakRssGrowth: number; message: string }[];
}

export interface CampaignOptions {
  seed: number;
  counts: Partial<Record<Category, number>>;
  /** First case index of every category (to replay one case: from = its index, count 1). */
  from?: number;
  workers?: number;
  timeoutMs?: number;
  onReport?: (report: CaseReport) => void;
}

export const isFailure = (r: CaseReport): boolean =>
  r.crash !== undefined || r.hang === true || r.pollution !== undefined || r.violations.length > 0 || (r.peakRssGrowth ?? 0) > MAX_RSS_GROWTH;

export function countReports(category: Category, reports: readonly CaseReport[]): CategoryCounts {
  const counts: CategoryCounts = {
    category,
    cases: reports.length,
    loaded: reports.filter((r) => r.crash === undefined && r.hang !== true && r.status === 'loaded').length,
    refused: reports.filter((r) => r.crash === undefined && r.hang !== true && r.status === 'refused').length,
    crashes: reports.filter((r) => r.crash !== undefined).length,
    hangs: reports.filter((r) => r.hang === true).length,
    pollution: reports.filter((r) => r.pollution !== undefined).length,
    violations: reports.filter((r) => r.violations.length > 0 || (r.peakRssGrowth ?? 0) > MAX_RSS_GROWTH).length,
    slowestMs: Math.round(Math.max(0, ...reports.map((r) => r.ms))),
    failures: reports.filter(isFailure).slice(0, 20),
    slowest: reports.reduce<CaseReport | null>((a, r) => (a === null || r.ms > a.ms ? r : a), null)?.label ?? '',
  };
  if (category === 'limits') {
    counts.peakRssGrowth = Math.max(0, ...reports.map((r) => r.peakRssGrowth ?? 0));
    counts.limitCases = reports.map((r) => ({
      name: r.label,
      status: r.hang === true ? 'hang' : r.crash !== undefined ? 'crash' : (r.status ?? ''),
      peakRssGrowth: r.peakRssGrowth ?? 0,
      message: r.messages?.[0] ?? '',
    }));
  }
  return counts;
}

/** Runs the categories with a count, one after the other (resource-limit cases alone, so memory readings are theirs). */
export async function runCampaign(options: CampaignOptions): Promise<CategoryCounts[]> {
  const results: CategoryCounts[] = [];
  const pool = new FuzzPool({
    seed: options.seed,
    workers: options.workers ?? 1,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.onReport === undefined ? {} : { onReport: options.onReport }),
  });
  try {
    for (const category of CATEGORIES) {
      const count = options.counts[category] ?? 0;
      if (count <= 0) continue;
      const from = options.from ?? 0;
      const tasks = Array.from({ length: count }, (_, i) => ({ category, index: from + i }));
      const started = performance.now();
      const reports = await pool.run(tasks, category === 'limits' ? 1 : (options.workers ?? 1));
      results.push({ ...countReports(category, reports), seconds: Math.round((performance.now() - started) / 100) / 10 });
    }
  } finally {
    await pool.close();
  }
  return results;
}

export const campaignFailed = (results: readonly CategoryCounts[]): boolean =>
  results.some((r) => r.crashes + r.hangs + r.pollution + r.violations > 0);
