import { useRef, useState } from 'react';
import type { DragEvent } from 'react';
import type { Problem } from '../../core/problems/index.ts';
import { useStores } from '../stores.ts';
import { importFiles } from './importFlow.ts';
import { Modal } from './Modal.tsx';
import { ProblemBox } from './ProblemBox.tsx';

/** Import a Keras `.keras` file, Keras JSON (model.to_json()), or a TF.js model.json with its weight files. */
export function ImportDialog({ onClose, openProjectFile }: { onClose(): void; openProjectFile(file: File): Promise<void> }) {
  const stores = useStores();
  const inputRef = useRef<HTMLInputElement | null>(null);
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);

  const take = async (files: File[]): Promise<void> => {
    setBusy(true);
    setProblems([]);
    try {
      const refused = await importFiles(stores, files, openProjectFile);
      if (refused.length === 0) onClose();
      else setProblems(refused);
    } finally {
      setBusy(false);
    }
  };
  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setOver(false);
    void take([...e.dataTransfer.files]);
  };

  return (
    <Modal title="Import a model" onClose={onClose}>
      <p>Bring a network made in Keras or TensorFlow.js onto the canvas, with its weights. Your current network stays in the undo history.</p>
      <div
        className={`drop-zone${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>Drop the files here, or</p>
        <button type="button" className="btn primary" onClick={() => inputRef.current?.click()} disabled={busy}>
          {busy ? 'Reading…' : 'Choose files…'}
        </button>
        <input
          ref={inputRef}
          type="file"
          multiple
          hidden
          accept=".keras,.json,.bin,.h5,.hdf5"
          data-testid="import-input"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void take(files);
          }}
        />
      </div>
      <ul className="help">
        <li>
          A <code>.keras</code> file (<code>model.save("model.keras")</code>): layers, weights and training settings.
        </li>
        <li>
          Keras JSON (<code>model.to_json()</code>): the layers only.
        </li>
        <li>
          A TensorFlow.js <code>model.json</code>: pick it together with its weight files (<code>*.bin</code>).
        </li>
      </ul>
      {problems.length > 0 ? <ProblemBox title="Nothing was imported:" problems={problems} /> : null}
    </Modal>
  );
}
