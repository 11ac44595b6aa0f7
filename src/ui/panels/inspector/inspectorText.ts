/** The inspector's fixed words and small formatters, pure and tested (tests/ui/inspector/). */
import type { ActivationName } from '../../../core/layers/index.ts';
import { ACTIVATION_INFO } from '../../../core/layers/index.ts';

export const EMPTY_HINT = 'Select a layer on the canvas to see and change its settings.';

/** The name field: the node id, which is the layer's name in Keras. */
export const NAME_LABEL = 'Layer name';
export const NAME_HELP = "The layer's name in Keras and in exported code: letters, digits, '_', '.' and '-'.";

const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** "72 params", "1 param": as on the node card. */
export function formatParamCount(n: number): string {
  return `${n.toLocaleString('en-US')} param${n === 1 ? '' : 's'}`;
}

/** The network's total parameter count, or why it is not known yet. */
export function totalParamsText(total: number | null): string {
  return total === null ? 'unknown until every layer has a shape' : total.toLocaleString('en-US');
}

/** "3 layers selected", "2 layers and 1 connection selected", "1 connection selected". */
export function selectionHeading(nodes: number, edges: number): string {
  if (nodes > 0 && edges > 0) return `${plural(nodes, 'layer')} and ${plural(edges, 'connection')} selected`;
  if (nodes > 0) return `${plural(nodes, 'layer')} selected`;
  return `${plural(edges, 'connection')} selected`;
}

/** The delete button of a multiple selection: "Delete 3 layers", "Delete 1 connection". */
export function deleteSelectionLabel(nodes: number, edges: number): string {
  if (nodes > 0 && edges > 0) return `Delete ${plural(nodes, 'layer')} and ${plural(edges, 'connection')}`;
  if (nodes > 0) return `Delete ${plural(nodes, 'layer')}`;
  return `Delete ${plural(edges, 'connection')}`;
}

export const NOT_EXPORTABLE = '(not exportable to Keras)';

/** An activation in the select: friendly label first, Keras name second: "ReLU — relu", "tanh". */
export function activationOptionText(name: ActivationName): string {
  const info = ACTIVATION_INFO[name];
  const text = info.label === name ? name : `${info.label} — ${name}`;
  return info.notInKeras === null ? text : `${text} ${NOT_EXPORTABLE}`;
}
