import type { Diagnostic } from '../shapes/diagnostic.ts';
import type { NetworkValidation } from './validateNetwork.ts';

/**
 * What stops a network from being exported: every error of the network itself (not of its fit to the chosen data or
 * loss: a network that does not fit its data still exports), and every layer Keras cannot express (only a warning
 * while building). `layerlab export` and the app's Export menu refuse on exactly these.
 */
export function exportBlockers(validation: NetworkValidation): Diagnostic[] {
  const aboutData = new Set(validation.datasetDiagnostics);
  return validation.diagnostics.filter((d) => (d.severity === 'error' && !aboutData.has(d)) || d.code === 'not-in-keras');
}
