import { Handle, Position } from '@xyflow/react';
import type { Node, NodeProps } from '@xyflow/react';
import { lazy, memo, Suspense, useMemo } from 'react';
import type { GraphNode } from '../../core/graph/types.ts';
import { LAYER_REGISTRY } from '../../core/layers/index.ts';
import { CARD_BORDER_TOP, CARD_PADDING_TOP, HEAD_HEIGHT, MID_HEIGHT } from '../canvas/training/cardGeometry.ts';
import { useLive } from '../canvas/training/useLiveDomains.ts';
import { useEditor } from '../stores.ts';
import { ActivationCurve } from './ActivationCurve.tsx';
import { nodeCurve } from './nodeCurve.ts';
import { nodeTitle } from './nodeTitle.ts';
import { ProblemIcon } from '../panels/ProblemIcon.tsx';
import './layerNode.css';

// Loaded with the first training numbers, not with the first page.
const LiveLayerView = lazy(() => import('./LiveLayerView.tsx').then((m) => ({ default: m.LiveLayerView })));

/** React Flow node whose data is the project's node itself (plain, immutable: kind, params). */
export type LayerFlowNode = Node<{ node: GraphNode; inputSlots: number }, 'layer'>;

const NUMBER = new Intl.NumberFormat('en-US');
const formatParams = (n: number): string => `${NUMBER.format(n)} param${n === 1 ? '' : 's'}`;

// While training, the lines above the neuron rows have fixed heights, so weight lines find each row (cardGeometry.ts).
const LIVE_CARD_STYLE = { paddingTop: CARD_PADDING_TOP, borderTopWidth: CARD_BORDER_TOP };
const LIVE_HEAD_STYLE = { height: HEAD_HEIGHT };
const LIVE_MID_STYLE = { height: MID_HEIGHT };

/**
 * One layer on the canvas: title with its key parameters, its id, the curve of its activation, the output shape and
 * parameter count (as `layerlab validate` prints them), and its problems — marked on the card, spelled out on hover
 * and on keyboard focus. Subscribes only to its own status, so editing another layer does not re-render this one.
 * While a training session has numbers, it also shows its neurons (LiveLayerView); the card itself only learns
 * whether there is a session, so training's numbers re-render the neuron rows, never the whole card.
 */
export const LayerNode = memo(function LayerNode({ id, data, selected }: NodeProps<LayerFlowNode>) {
  const status = useEditor((s) => s.nodeStatus.get(id));
  const { node, inputSlots } = data;
  const spec = LAYER_REGISTRY[node.kind];
  const curve = useMemo(() => nodeCurve(node), [node]);
  const severity = status?.severity ?? null;
  const tipId = `node-tip-${id}`;
  const isMerge = spec.inputs.max > 1;
  const live = useLive();
  return (
    <div
      className={`layer-node${severity === null ? '' : ` has-${severity}`}${selected ? ' is-selected' : ''}${live ? ' is-live' : ''}`}
      style={live ? LIVE_CARD_STYLE : undefined}
      data-testid={`node-${id}`}
      data-severity={severity ?? 'none'}
    >
      {Array.from({ length: inputSlots }, (_, i) => (
        <Handle
          key={i}
          type="target"
          id={`in-${i}`}
          position={Position.Left}
          className={isMerge ? 'handle-merge' : undefined}
          style={inputSlots > 1 ? { top: `${((i + 1) / (inputSlots + 1)) * 100}%` } : undefined}
          aria-label={isMerge ? `${id} input ${i + 1}` : `${id} input`}
        >
          {isMerge ? <span className="handle-number" aria-hidden="true">{i + 1}</span> : null}
        </Handle>
      ))}
      <div className="layer-node-head" style={live ? LIVE_HEAD_STYLE : undefined}>
        <span className="layer-node-title">{nodeTitle(node)}</span>
        {severity === null ? null : <ProblemIcon severity={severity} />}
      </div>
      <div className="layer-node-mid" style={live ? LIVE_MID_STYLE : undefined}>
        <span className="layer-node-id mono">{id}</span>
        {curve === null ? null : <ActivationCurve curve={curve} />}
      </div>
      {live ? (
        <Suspense fallback={null}>
          <LiveLayerView id={id} kind={node.kind} />
        </Suspense>
      ) : null}
      <div className="layer-node-foot mono">
        <span className="layer-node-shape" data-testid={`shape-${id}`}>{status?.shape ?? '?'}</span>
        <span className="layer-node-params">{status?.params === null || status?.params === undefined ? '' : formatParams(status.params)}</span>
      </div>
      {status !== undefined && (status.problems.length > 0 || status.blocked !== null) ? (
        <div className="layer-node-tip" id={tipId} role="tooltip">
          {status.problems.map((p, i) => (
            <p key={i} className={`tip-${p.severity}`}>
              {p.message}
              {p.fix === undefined ? null : <span className="tip-fix"> {p.fix}</span>}
            </p>
          ))}
          {status.problems.length === 0 && status.blocked !== null ? <p className="tip-blocked">{status.blocked}</p> : null}
        </div>
      ) : null}
      <Handle type="source" id="out" position={Position.Right} aria-label={`${id} output`} />
    </div>
  );
});
