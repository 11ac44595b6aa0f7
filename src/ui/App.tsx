import { LAYER_KINDS, LAYER_REGISTRY } from '../core/layers/index.ts';

/** Placeholder page until the canvas arrives: shows the layer palette the core already knows. */
export function App() {
  return (
    <main className="placeholder">
      <header>
        <h1>LayerLab</h1>
        <p>Build a neural network by wiring layers, watch it learn, and take it to Keras.</p>
      </header>
      <section aria-label="Layer kinds">
        <h2>Layers you will be able to drag onto the canvas</h2>
        <ul className="kinds">
          {LAYER_KINDS.map((kind) => (
            <li key={kind}>
              <strong>{kind}</strong>
              <span>{LAYER_REGISTRY[kind].description}</span>
            </li>
          ))}
        </ul>
      </section>
      <footer>The canvas is under construction; the command line (npx layerlab) already validates and trains projects.</footer>
    </main>
  );
}
