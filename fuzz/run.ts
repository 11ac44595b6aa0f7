/**
 * `npm run fuzz`: the seeded fuzz campaign (see campaign.ts). Prints, per category, the cases run, how many loaded,
 * were refused with a message, crashed, hung or polluted a prototype, and broke a rule of the category; then every
 * failing case with its seed file and mutations. Exits 1 when any case crashed, hung, polluted or broke a rule.
 *
 *   npm run fuzz                                  the full campaign, seed 1 (10,000 graphs, 1,000 files of each kind)
 *   npm run fuzz -- --seed 7 --scale 0.1          another seed, a tenth of the cases
 *   npm run fuzz -- --cases 50                    50 cases of each category
 *   npm run fuzz -- --only keras-file --from 17 --cases 1   replays one case
 *   npm run fuzz -- --json                        one JSON object instead of the table
 *   --workers N (default 2), --timeout MS (a case running longer is a hang; default 10000)
 */
import { CATEGORIES, FULL_COUNTS, campaignFailed, runCampaign } from './campaign.ts';
import type { Category, CategoryCounts } from './campaign.ts';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
}

function numberOption(name: string, fallback: number): number {
  const raw = option(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    console.error(`--${name} needs a number, not ${JSON.stringify(raw)}.`);
    process.exit(2);
  }
  return value;
}

const json = process.argv.includes('--json');
const seed = numberOption('seed', 1);
const scale = numberOption('scale', 1);
const only = option('only')?.split(',') ?? [...CATEGORIES];
const unknown = only.filter((c) => !(CATEGORIES as readonly string[]).includes(c));
if (unknown.length > 0) {
  console.error(`Unknown categories: ${unknown.join(', ')}. The categories are ${CATEGORIES.join(', ')}.`);
  process.exit(2);
}
const cases = option('cases') === undefined ? null : numberOption('cases', 0);
const counts: Partial<Record<Category, number>> = {};
for (const category of CATEGORIES) {
  if (!only.includes(category)) continue;
  // Each resource-limit case runs once, whatever the scale.
  counts[category] = category === 'limits' ? Math.min(cases ?? FULL_COUNTS.limits, FULL_COUNTS.limits) : Math.max(1, Math.round(cases ?? FULL_COUNTS[category] * scale));
}

const started = performance.now();
let done = 0;
const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
const results = await runCampaign({
  seed,
  counts,
  from: numberOption('from', 0),
  workers: numberOption('workers', 2),
  timeoutMs: numberOption('timeout', 10_000),
  onReport: () => {
    done += 1;
    if (!json && process.stderr.isTTY && done % 50 === 0) process.stderr.write(`\r${done}/${total} cases`);
  },
});
const seconds = Math.round((performance.now() - started) / 100) / 10;

if (json) {
  console.log(JSON.stringify({ seed, seconds, failed: campaignFailed(results), categories: results }, null, 2));
} else {
  if (process.stderr.isTTY) process.stderr.write('\r');
  const mb = (bytes: number | undefined): string => (bytes === undefined ? '' : ` (peak memory growth ${Math.round(bytes / (1024 * 1024))} MB)`);
  const header = ['category', 'cases', 'loaded', 'refused', 'crashes', 'hangs', 'pollution', 'violations', 'slowest ms', 'seconds'];
  const rows = results.map((r: CategoryCounts) => [r.category, r.cases, r.loaded, r.refused, r.crashes, r.hangs, r.pollution, r.violations, r.slowestMs, r.seconds ?? ''].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(`LayerLab fuzz campaign, seed ${seed}, ${total} cases in ${seconds} s`);
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  for (const r of results) console.log(`slowest ${r.category} case: ${r.slowest.slice(0, 200)}`);
  for (const r of results) {
    for (const c of r.limitCases ?? []) console.log(`\n${c.name}\n  ${c.status}${mb(c.peakRssGrowth)}: ${c.message.slice(0, 400)}`);
    for (const f of r.failures) {
      const what = f.crash !== undefined ? `crash: ${f.crash}` : f.hang === true ? 'hang' : f.pollution !== undefined ? `pollution: ${f.pollution.join(', ')}` : `violation: ${f.violations.join('; ')}${mb(f.peakRssGrowth)}`;
      console.log(`\n${r.category} #${f.index} (${f.label.slice(0, 300)})\n  ${what.split('\n').join('\n  ')}`);
      console.log(`  replay: npm run fuzz -- --seed ${seed} --only ${r.category} --from ${f.index} --cases 1`);
    }
  }
}
process.exit(campaignFailed(results) ? 1 : 0);
