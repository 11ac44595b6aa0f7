/**
 * The Python script and the notebook's code with hostile text in every place a student's text goes: the project
 * name (the header comment), the CSV file's name, its column names and class names (comments, string literals, an
 * f-string, the data file's header line), the data file's name and the layer names (name="..." and, in the
 * functional API, variable names). Python's own parser (python_program_shape.py) sees exactly the program a plainly
 * named project gives, and under real Keras the script trains and prints its result while no payload runs (each
 * would create a PWNED-* file in the folder).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportNotebook, exportPythonScript } from '../../src/core/keras/python/index.ts';
import type { PythonExportResult } from '../../src/core/keras/python/index.ts';
import type { LayerLabProject } from '../../src/core/project/index.ts';
import { describeKeras, runKerasScript, runPython } from '../support/keras.ts';
import { BENIGN_TEXT, csvProject, datasetOf, functionalCsvProject, hostileText } from './hostileProjects.ts';
import { expectAllowedIds, HOSTILE_IDS, HOSTILE_MARKUP, HOSTILE_PYTHON } from './hostileText.ts';

const SHAPE_SCRIPT = 'tests/injection/python_program_shape.py';

interface Shape {
  ok: boolean;
  error?: string;
  kinds: string[];
  strict: string;
  renamed: string;
}

interface Export {
  label: string;
  script: string;
  notebookCode: string;
  dataFile: { name: string; text: string } | null;
}

function exported(label: string, project: LayerLabProject, dataFileStem?: string): Export {
  const options = { dataset: datasetOf(project), ...(dataFileStem === undefined ? {} : { dataFileStem }) };
  const ok = (result: PythonExportResult): Extract<PythonExportResult, { ok: true }> => {
    if (!result.ok) throw new Error(`${label}: export refused: ${JSON.stringify(result.problems)}`);
    return result;
  };
  const script = ok(exportPythonScript(project, options));
  const notebook = JSON.parse(ok(exportNotebook(project, options)).text) as { cells: { cell_type: string; source: string[] }[] };
  const notebookCode = `${notebook.cells
    .filter((c) => c.cell_type === 'code')
    .map((c) => c.source.join(''))
    .join('\n\n\n')}\n`;
  const file = script.dataFile;
  return { label, script: script.text, notebookCode, dataFile: file?.format === 'csv' ? { name: file.name, text: file.text } : null };
}

/** Every hostile string once as all of a project's text (and as the data file's name), for both tasks. */
const ALL_TEXT = [...HOSTILE_PYTHON, ...HOSTILE_MARKUP];

/** A hostile data file name that a file system takes (short, no "/"), for the scripts that run. */
const RUN_STEM = 'stem "); open("PWNED-stem", "w"); (" {open("PWNED-stem2", "w")} \\N{QUOTATION MARK} \u2028 $x$ \u202e';

/** The utf-7 declarations first, so that one of them is on the script's first line. */
const EVERYTHING = [...HOSTILE_PYTHON.filter((t) => t.includes('coding')), ...ALL_TEXT.filter((t) => !t.includes('coding'))].join(' ');

describe('the script keeps hostile text in its comments and literals (text checks)', () => {
  it('no line of the script starts with a payload, and the first two lines declare no encoding', () => {
    const text = exported('everything', csvProject(hostileText(EVERYTHING), 'regression'), EVERYTHING).script;
    const lines = text.split('\n');
    for (const line of lines) expect(line).not.toMatch(/^\s*open\(|^\s*\{open|^\s*"""; open|^\s*'''; open/);
    for (const line of lines.slice(0, 2)) expect(line).not.toMatch(/^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/);
    // Python ends a line at \n and \r only; no other line-breaking or invisible character is left in the source.
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\r\u000b\u000c\u0085\u2028\u2029\u202e]/);
    expect(text.split('\n')[0]).toMatch(/^# -\*- coding : utf-7 -\*- \+AAo-open\(/);
  });
});

describeKeras('the script with hostile text under real Python and Keras', () => {
  let work = '';
  const benignRegression = exported('benign regression', csvProject(BENIGN_TEXT, 'regression'));
  const benignClassification = exported('benign classification', csvProject(BENIGN_TEXT, 'classification'));
  const benignFunctional = exported('benign functional', functionalCsvProject(BENIGN_TEXT, ['i', 'l', 'r', 'm', 'o']));
  const hostile: { export: Export; benign: Export; compare: 'strict' | 'renamed' }[] = [];
  for (const [i, text] of ALL_TEXT.entries()) {
    const stem = `stem ${text}`;
    hostile.push({ export: exported(`regression ${String(i)}`, csvProject(hostileText(text), 'regression'), stem), benign: benignRegression, compare: 'strict' });
    hostile.push({ export: exported(`classification ${String(i)}`, csvProject(hostileText(text), 'classification'), stem), benign: benignClassification, compare: 'strict' });
  }
  const sequentialIds = csvProject(hostileText(EVERYTHING, ['__import__', 'exec', 'os.system']), 'classification');
  const functionalIds = functionalCsvProject(hostileText(EVERYTHING), HOSTILE_IDS.slice(0, 2).concat(['os.system', '__builtins__', 'keras']));
  expectAllowedIds(sequentialIds.graph.nodes);
  expectAllowedIds(functionalIds.graph.nodes);
  hostile.push({ export: exported('sequential, hostile ids', sequentialIds, RUN_STEM), benign: benignClassification, compare: 'strict' });
  hostile.push({ export: exported('functional, hostile ids', functionalIds, RUN_STEM), benign: benignFunctional, compare: 'renamed' });
  const regressionProject = csvProject(hostileText(EVERYTHING, ['__import__', 'print', 'None']), 'regression');
  hostile.push({ export: exported('regression, hostile ids', regressionProject, RUN_STEM), benign: benignRegression, compare: 'strict' });
  /** The target's name as LayerLab read it from the file, which the regression script prints. */
  const target = regressionProject.dataset.kind === 'csv' ? regressionProject.dataset.label : '';

  const files: string[] = [];
  let shapes: Shape[] = [];
  const runs: { label: string; dir: string; result: { code: number | null; stdout: string; stderr: string } }[] = [];

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'layerlab-injection-'));
    const write = (name: string, text: string): string => {
      const file = path.join(work, name);
      writeFileSync(file, text);
      files.push(file);
      return file;
    };
    [benignRegression, benignClassification, benignFunctional, ...hostile.map((h) => h.export)].forEach((e, i) => {
      write(`script${String(i)}.py`, e.script);
      write(`notebook${String(i)}.py`, e.notebookCode);
    });
    const shapeRun = runKerasScript<{ results: Shape[] }>(SHAPE_SCRIPT, { files });

    // Under Keras: the two projects with every hostile string at once (the data file named after all of them too).
    const toRun = hostile.filter((h) => h.export.label.includes('hostile ids')).map((h) => h.export);
    // Two Python processes at a time (the machine has two cores).
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let i = next; i < toRun.length; i = next) {
        next += 1;
        const e = toRun[i];
        if (e === undefined) continue;
        const dir = path.join(work, `run${String(i)}`);
        mkdirSync(dir);
        writeFileSync(path.join(dir, 'model.py'), e.script);
        if (e.dataFile !== null) writeFileSync(path.join(dir, e.dataFile.name), e.dataFile.text);
        runs.push({ label: e.label, dir, result: await runPython(['model.py'], dir, 120_000) });
      }
    };
    const keras = Promise.all([worker(), worker()]);
    const [shaped] = await Promise.all([shapeRun, keras]);
    shapes = shaped.results;
  }, 240_000);

  afterAll(() => {
    if (work !== '') rmSync(work, { recursive: true, force: true });
  });

  const shapeOf = (index: number, kind: 'script' | 'notebook'): Shape => {
    const shape = shapes[2 * index + (kind === 'script' ? 0 : 1)];
    if (shape === undefined) throw new Error('no shape');
    return shape;
  };
  const BENIGN_INDEX = new Map<Export, number>([
    [benignRegression, 0],
    [benignClassification, 1],
    [benignFunctional, 2],
  ]);

  it('Python parses every export as the same program as the plainly named project (script and notebook code)', () => {
    const differences: string[] = [];
    hostile.forEach((h, i) => {
      for (const kind of ['script', 'notebook'] as const) {
        const got = shapeOf(i + 3, kind);
        const want = shapeOf(BENIGN_INDEX.get(h.benign) ?? -1, kind);
        expect(want.ok, `${h.benign.label} ${kind}: ${want.error ?? ''}`).toBe(true);
        if (!got.ok) differences.push(`${h.export.label} ${kind}: ${got.error ?? ''}`);
        else if (JSON.stringify(got.kinds) !== JSON.stringify(want.kinds)) differences.push(`${h.export.label} ${kind}: top-level statements ${got.kinds.join(',')}`);
        else if (got[h.compare] !== want[h.compare]) differences.push(`${h.export.label} ${kind}: the code differs`);
      }
    });
    expect(differences).toEqual([]);
    expect(hostile.length).toBe(2 * ALL_TEXT.length + 3);
  });

  it('the script trains under Keras, prints its result, and no payload ran', () => {
    expect(runs.map((r) => r.label).sort()).toEqual(['functional, hostile ids', 'regression, hostile ids', 'sequential, hostile ids']);
    for (const run of runs) {
      expect(run.result.code, `${run.label}: ${run.result.stderr.slice(-2000)}`).toBe(0);
      if (run.label.startsWith('regression')) {
        // The f-string prints the target's name exactly as the file has it, braces and all.
        expect(run.result.stdout).toContain(`Data: 40 examples with 2 features, and a number (${target}) to predict`);
        expect(run.result.stdout).toMatch(/Final training mean absolute error: \d+\.\d{4}/);
      } else {
        expect(run.result.stdout).toContain('Data: 40 examples with 2 features, in 2 classes');
        expect(run.result.stdout).toMatch(/Final training accuracy: \d\.\d{3}/);
      }
      expect(readdirSync(run.dir).filter((name) => name.startsWith('PWNED'))).toEqual([]);
    }
  });
});
