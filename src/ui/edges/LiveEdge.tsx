import { memo } from 'react';
import { edgeLiveMode, vectorUnits } from '../canvas/training/cardGeometry.ts';
import { useEditor, useTraining } from '../stores.ts';
import { WeightFan } from './WeightFan.tsx';
import { WeightTint } from './WeightTint.tsx';

export interface LiveEdgeProps {
  source: string;
  target: string;
  /** The edge's own path, for the tint. */
  path: string;
}

function useVectorUnits(id: string): number | null {
  return useEditor((s) => {
    const info = s.validation.nodes.get(id);
    return info?.status === 'ok' ? vectorUnits(info.shape) : null;
  });
}

/**
 * What an edge adds while a session has numbers (cardGeometry.ts's edgeLiveMode): into a small Dense from a small
 * layer, a line per weight; into any other Dense, a tint by its mean |weight|; elsewhere nothing. Mounted only then.
 */
export const LiveEdge = memo(function LiveEdge({ source, target, path }: LiveEdgeProps) {
  const targetIsDense = useEditor((s) => s.project.graph.nodes.find((n) => n.id === target)?.kind === 'Dense');
  const sourceUnits = useVectorUnits(source);
  const targetUnits = useVectorUnits(target);
  const hasWeights = useTraining((s) => s.canvas.weights?.[target] !== undefined);
  const mode = edgeLiveMode(targetIsDense, hasWeights, sourceUnits, targetUnits);
  if (mode === 'fan' && sourceUnits !== null && targetUnits !== null) {
    return <WeightFan source={source} target={target} sourceUnits={sourceUnits} targetUnits={targetUnits} />;
  }
  if (mode === 'tint') return <WeightTint target={target} path={path} />;
  return null;
});
