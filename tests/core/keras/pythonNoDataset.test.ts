import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportKerasModel } from '../../../src/core/keras/exportConfig.ts';
import { exportNotebook, exportPythonScript } from '../../../src/core/keras/python/index.ts';
import { NO_DATASET_EXPORT_MESSAGE } from '../../../src/core/keras/python/pythonScript.ts';
import type { LayerLabProject } from '../../../src/core/project/index.ts';
import { formatProjectErrors, parseProject } from '../../../src/core/project/index.ts';

/** The Iris preset's network with no dataset chosen (the preset itself now trains on Iris). */
function iris(): LayerLabProject {
  const result = parseProject(readFileSync('examples/iris-softmax.layerlab.json', 'utf8'));
  if (!result.ok) throw new Error(formatProjectErrors(result.errors));
  return { ...result.project, dataset: { kind: 'none' } };
}

describe('Python export of a project with no dataset chosen', () => {
  it('says so in one problem and suggests Keras JSON or .keras instead', () => {
    const expected = {
      ok: false,
      problems: [
        {
          layer: null,
          message:
            'This project has no dataset chosen yet, so there is no data to write a training script for. Choose a dataset first, ' +
            'or export the network without training code: as Keras JSON or as a .keras file, which need no data.',
        },
      ],
    };
    expect(exportPythonScript(iris())).toEqual(expected);
    expect(exportNotebook(iris())).toEqual(expected);
    expect(NO_DATASET_EXPORT_MESSAGE).toBe(expected.problems[0]?.message);
  });

  it('still exports the same network as Keras JSON', () => {
    const project = iris();
    const result = exportKerasModel(project.graph, { name: project.name, training: project.training });
    expect(result.ok).toBe(true);
  });

  it('writes a script again once a dataset is chosen', () => {
    const project: LayerLabProject = { ...iris(), dataset: { kind: 'builtin', name: 'spiral', samples: 300, noise: 0.1, seed: 1, classes: 3 } };
    // The Iris network takes 4 features, the spiral has 2: the fit problem is reported, not the missing dataset.
    const refused = exportPythonScript(project);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems.map((p) => p.message).join('\n')).not.toContain('no dataset chosen');
    const twoFeatures: LayerLabProject = {
      ...project,
      graph: {
        ...project.graph,
        nodes: project.graph.nodes.map((n) => (n.kind === 'Input' ? { ...n, params: { ...n.params, shape: [2] } } : n)),
      },
    };
    expect(exportPythonScript(twoFeatures).ok).toBe(true);
  });
});
