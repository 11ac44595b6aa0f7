import { useId, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { LayerKind } from '../../../core/layers/index.ts';
import { useEditor, useStores } from '../../stores.ts';
import type { InputRow } from './connections.ts';
import { applySourceChoice, feedsNothingText, feedsOf, inputRows, NO_INPUTS_TEXT, NO_SOURCE, sourceOptions } from './connections.ts';

/**
 * The layer's wiring without dragging: a select per input slot ("Input 2 comes from"), and the layers it feeds. A
 * refused choice is not applied; its reason is shown under the select.
 */
export function Connections({ nodeId, kind, onGoTo }: { nodeId: string; kind: LayerKind; onGoTo(id: string): void }) {
  const { editor } = useStores();
  const edges = useEditor((s) => s.project.graph.edges);
  // Ids and kinds only, so dragging a layer (which changes positions) does not re-render this section.
  const ids = useEditor(useShallow((s) => s.project.graph.nodes.map((n) => n.id)));
  const kinds = useEditor(useShallow((s) => s.project.graph.nodes.map((n) => n.kind)));
  const isOutput = useEditor((s) => s.validation.outputs.includes(nodeId));
  const nodes = useMemo(() => ids.map((id, i) => ({ id, kind: kinds[i] ?? kind })), [ids, kinds, kind]);
  const rows = useMemo(() => inputRows({ id: nodeId, kind }, edges), [nodeId, kind, edges]);
  const options = useMemo(() => sourceOptions(nodes, nodeId), [nodes, nodeId]);
  const feeds = useMemo(() => feedsOf(nodeId, nodes, edges), [nodeId, nodes, edges]);
  const [refusals, setRefusals] = useState<Readonly<Record<string, string>>>({});
  const base = useId();

  const choose = (row: InputRow, source: string): void => {
    const outcome = applySourceChoice(editor, nodeId, row, source);
    setRefusals((r) => {
      const next = { ...r };
      if (outcome.ok) delete next[row.key];
      else next[row.key] = outcome.reason;
      return next;
    });
  };

  return (
    <section className="inspector-section" aria-labelledby={`${base}-title`}>
      <h3 id={`${base}-title`} className="inspector-section-title">
        Connections
      </h3>
      {rows.length === 0 ? <p className="help inspector-help">{NO_INPUTS_TEXT}</p> : null}
      {rows.map((row, index) => {
        const selectId = `${base}-in-${index}`;
        const errorId = `${selectId}-error`;
        const refusal = refusals[row.key] ?? null;
        return (
          <div key={row.key} className="inspector-field">
            <label htmlFor={selectId} className="inspector-label">
              {row.label}
            </label>
            <select
              id={selectId}
              className="select mono"
              value={row.edge?.source ?? NO_SOURCE}
              aria-invalid={refusal !== null}
              aria-describedby={refusal === null ? undefined : errorId}
              data-testid={`input-source-${row.slot}`}
              onChange={(e) => choose(row, e.target.value)}
            >
              {row.edge !== null && !ids.includes(row.edge.source) ? <option value={row.edge.source}>{row.edge.source} (missing)</option> : null}
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.text}
                </option>
              ))}
            </select>
            <p id={errorId} className="field-error inspector-message" aria-live="polite">
              {refusal}
            </p>
          </div>
        );
      })}
      <div className="inspector-feeds">
        <span id={`${base}-feeds`} className="inspector-label">
          Feeds
        </span>
        {feeds.length === 0 ? (
          <p className="help inspector-help">{feedsNothingText(isOutput)}</p>
        ) : (
          <ul className="inspector-feed-list" aria-labelledby={`${base}-feeds`}>
            {feeds.map((f, i) => (
              <li key={`${i}:${f.text}`}>
                <button
                  type="button"
                  className="btn inspector-feed mono"
                  title={`Select ${f.target}`}
                  onClick={() => onGoTo(f.target)}
                >
                  {f.text}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
