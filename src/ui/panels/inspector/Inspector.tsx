/**
 * The side panel's "Layer" tab. With one layer selected: what it is, its output shape, parameter count and problems,
 * its name, a form generated from its parameter schema, its connections (for people who cannot drag wires) and a
 * Delete button. With none: a hint and the network's summary. With several: how many, and a Delete button.
 */
import { lazy, Suspense, useCallback, useId, useMemo, useRef } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import type { ParamField, ParamValue } from '../../../core/layers/index.ts';
import { LAYER_REGISTRY } from '../../../core/layers/index.ts';
import type { Problem } from '../../../core/problems/index.ts';
import { deleteElements, deleteSelection } from '../../../state/editor/editing.ts';
import { useEditor, useStores } from '../../stores.ts';
import { ProblemIcon } from '../ProblemIcon.tsx';
import { Connections } from './Connections.tsx';
import { EMPTY_HINT, deleteSelectionLabel, formatParamCount, selectionHeading, totalParamsText } from './inspectorText.ts';
import { NameField } from './NameField.tsx';
import { ParamControl } from './ParamFields.tsx';
import { countBySeverity, paramProblemsOf } from './paramProblems.ts';
import './inspector.css';

// Loaded with the first training numbers, not with the first page.
const NeuronInspector = lazy(() => import('./NeuronInspector.tsx').then((m) => ({ default: m.NeuronInspector })));

/** Keys that edit text: while typing in a field they belong to the field, never to a canvas shortcut. */
const TEXT_KEYS = new Set(['Backspace', 'Delete', 'ArrowLeft', 'ArrowRight', 'Home', 'End']);
const TEXT_SHORTCUTS = new Set(['a', 'c', 'v', 'x', 'z', 'y']);

function keepTextKeys(e: KeyboardEvent<HTMLDivElement>): void {
  const target = e.target as HTMLElement;
  if (!(target instanceof HTMLInputElement) || target.type !== 'text') return;
  if (TEXT_KEYS.has(e.key) || ((e.ctrlKey || e.metaKey) && TEXT_SHORTCUTS.has(e.key.toLowerCase()))) e.stopPropagation();
}

export function Inspector() {
  const nodes = useEditor((s) => s.selection.nodes);
  const edges = useEditor((s) => s.selection.edges);
  const root = useRef<HTMLDivElement>(null);
  const only = nodes.length === 1 ? (nodes[0] ?? null) : null;
  return (
    // The keydown guard only stops text-editing keys typed in a text field from reaching window-level shortcuts.
    <div className="inspector" ref={root} tabIndex={-1} data-testid="inspector" onKeyDown={keepTextKeys}>
      {only !== null ? (
        <NodeInspector nodeId={only} root={root} />
      ) : nodes.length + edges.length > 0 ? (
        <SelectionSummary nodes={nodes.length} edges={edges.length} root={root} />
      ) : (
        <NetworkSummary />
      )}
    </div>
  );
}

function NetworkSummary() {
  const layers = useEditor((s) => s.project.graph.nodes.length);
  const total = useEditor((s) => s.validation.totalParams);
  const problems = useEditor((s) => s.problems);
  const { errors, warnings } = useMemo(() => countBySeverity(problems), [problems]);
  const titleId = useId();
  return (
    <section className="inspector-section" aria-labelledby={titleId}>
      <p className="inspector-hint-text">{EMPTY_HINT}</p>
      <h2 id={titleId} className="inspector-section-title">
        Network
      </h2>
      <dl className="inspector-stats" data-testid="network-summary">
        <dt>Layers</dt>
        <dd>{layers.toLocaleString('en-US')}</dd>
        <dt>Parameters</dt>
        <dd data-testid="network-params">{totalParamsText(total)}</dd>
        <dt>Errors</dt>
        <dd className={errors > 0 ? 'inspector-count-error' : undefined}>{errors}</dd>
        <dt>Warnings</dt>
        <dd className={warnings > 0 ? 'inspector-count-warning' : undefined}>{warnings}</dd>
      </dl>
    </section>
  );
}

function SelectionSummary({ nodes, edges, root }: { nodes: number; edges: number; root: RefObject<HTMLDivElement | null> }) {
  const { editor } = useStores();
  return (
    <section className="inspector-section">
      <h2 className="inspector-title">{selectionHeading(nodes, edges)}</h2>
      <p className="help inspector-help">Select one layer to see and change its settings.</p>
      <div>
        <button
          type="button"
          className="btn inspector-delete"
          onClick={() => {
            deleteSelection(editor);
            root.current?.focus();
          }}
        >
          {deleteSelectionLabel(nodes, edges)}
        </button>
      </div>
    </section>
  );
}

function NodeProblems({ problems, blocked }: { problems: readonly Problem[]; blocked: string | null }) {
  if (problems.length === 0) {
    return blocked === null ? null : <p className="help inspector-help inspector-blocked">{blocked}</p>;
  }
  return (
    <ul className="inspector-problems" aria-label="Problems with this layer">
      {problems.map((p, i) => (
        <li key={`${i}:${p.message}`} className={`inspector-problem inspector-problem-${p.severity}`}>
          <ProblemIcon severity={p.severity} />
          <div className="inspector-problem-body">
            <span>{p.message}</span>
            {p.fix === undefined ? null : <span className="inspector-problem-fix">Fix: {p.fix}</span>}
          </div>
        </li>
      ))}
    </ul>
  );
}

function NodeInspector({ nodeId, root }: { nodeId: string; root: RefObject<HTMLDivElement | null> }) {
  const { editor } = useStores();
  // Kind and params only: dragging the layer (a new position) does not re-render the form.
  const kind = useEditor((s) => s.project.graph.nodes.find((n) => n.id === nodeId)?.kind);
  const params = useEditor((s) => s.project.graph.nodes.find((n) => n.id === nodeId)?.params);
  const status = useEditor((s) => s.nodeStatus.get(nodeId));
  const diagnostics = useEditor((s) => s.validation.diagnostics);
  const paramProblems = useMemo(() => paramProblemsOf(diagnostics, nodeId), [diagnostics, nodeId]);
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  const goTo = useCallback(
    (id: string) => {
      editor.getState().select({ nodes: [id], edges: [] });
      heading.current?.focus();
    },
    [editor],
  );

  if (kind === undefined || params === undefined) return null;
  const spec = LAYER_REGISTRY[kind];
  const schema = spec.params as Readonly<Record<string, ParamField>>;
  const values = params as unknown as Readonly<Record<string, ParamValue>>;
  const defaults = spec.defaults as unknown as Readonly<Record<string, ParamValue>>;
  const fields = Object.entries(schema);

  return (
    <section className="inspector-node" aria-labelledby={headingId} data-kind={kind}>
      <header className="inspector-head">
        <h2 id={headingId} ref={heading} tabIndex={-1} className="inspector-title">
          {kind} <span className="visually-hidden">layer {nodeId}</span>
        </h2>
        <p className="inspector-desc">{spec.description}</p>
        <p className="inspector-out mono">
          <span className="inspector-out-label">output</span>{' '}
          <span data-testid="inspector-shape">{status?.shape ?? '?'}</span>
          {status?.params === null || status?.params === undefined ? null : (
            <>
              {' · '}
              <span data-testid="inspector-params">{formatParamCount(status.params)}</span>
            </>
          )}
        </p>
        {status === undefined ? null : <NodeProblems problems={status.problems} blocked={status.blocked} />}
      </header>

      {kind === 'Dense' ? (
        <Suspense fallback={null}>
          <NeuronInspector nodeId={nodeId} />
        </Suspense>
      ) : null}

      <NameField nodeId={nodeId} />

      {fields.length === 0 ? null : (
        <section className="inspector-section" aria-labelledby={`${headingId}-settings`}>
          <h3 id={`${headingId}-settings`} className="inspector-section-title">
            Settings
          </h3>
          {fields.map(([name, field]) => (
            <ParamControl
              key={`${nodeId}:${name}`}
              nodeId={nodeId}
              name={name}
              field={field}
              value={values[name] ?? null}
              defaultValue={defaults[name]}
              problem={paramProblems.get(name) ?? null}
            />
          ))}
        </section>
      )}

      <Connections key={nodeId} nodeId={nodeId} kind={kind} onGoTo={goTo} />

      <div className="inspector-actions">
        <button
          type="button"
          className="btn inspector-delete"
          onClick={() => {
            deleteElements(editor, [nodeId], []);
            root.current?.focus();
          }}
        >
          Delete layer
        </button>
      </div>
    </section>
  );
}
