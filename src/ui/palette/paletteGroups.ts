/** The palette's groups, generated from the layer registry: a new layer kind appears in its category's group. */
import type { LayerCategory, LayerKind } from '../../core/layers/index.ts';
import { LAYER_KINDS, LAYER_REGISTRY } from '../../core/layers/index.ts';

export interface PaletteGroup {
  title: string;
  kinds: LayerKind[];
}

/** Every category of the registry has a group (the type makes a new category fail to compile until it has one). */
const GROUP_OF: { readonly [C in LayerCategory]: string } = {
  input: 'Input',
  core: 'Core',
  activation: 'Activations',
  regularization: 'Regularization',
  normalization: 'Regularization',
  merge: 'Merge',
  reshape: 'Reshape',
};

const GROUP_ORDER = ['Input', 'Core', 'Activations', 'Regularization', 'Merge', 'Reshape'];

/** Groups in the order a network is built, each with its kinds in registry order; `filter` matches kind or description. */
export function paletteGroups(filter = ''): PaletteGroup[] {
  const needle = filter.trim().toLowerCase();
  const groups = new Map<string, LayerKind[]>(GROUP_ORDER.map((title) => [title, []]));
  for (const kind of LAYER_KINDS) {
    const spec = LAYER_REGISTRY[kind];
    if (needle !== '' && !kind.toLowerCase().includes(needle) && !spec.description.toLowerCase().includes(needle)) continue;
    const title = GROUP_OF[spec.category];
    const list = groups.get(title);
    if (list === undefined) groups.set(title, [kind]);
    else list.push(kind);
  }
  return [...groups].filter(([, kinds]) => kinds.length > 0).map(([title, kinds]) => ({ title, kinds }));
}

/** The first sentence of a layer's description: the palette's one line. */
export function oneLine(kind: LayerKind): string {
  const description = LAYER_REGISTRY[kind].description;
  // A sentence ends at a full stop followed by a capital letter or the end (so "e.g." does not end one).
  const end = description.search(/\.(?=\s+[A-Z]|$)/);
  return end === -1 ? description : description.slice(0, end + 1);
}
