import { PRESETS, presetProject } from '../../state/presets.ts';
import { openProjectOver } from '../../state/session/openProject.ts';
import { useStores } from '../stores.ts';
import { Modal } from './Modal.tsx';

/** Ready-made networks from examples/: one click opens one (Undo goes back). */
export function PresetsDialog({ onClose }: { onClose(): void }) {
  const stores = useStores();
  return (
    <Modal title="Presets" onClose={onClose} wide>
      <p>Start from a ready-made network. Your current network is kept in the undo history.</p>
      <ul className="preset-grid">
        {PRESETS.map((preset) => (
          <li key={preset.file}>
            <button
              type="button"
              className="preset-card"
              onClick={() => {
                openProjectOver(stores, presetProject(preset.file), 'preset');
                onClose();
              }}
            >
              <strong>{preset.title}</strong>
              <span>{preset.description}</span>
            </button>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
