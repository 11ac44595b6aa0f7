import { useId, useMemo, useState } from 'react';
import { kerasApiFor } from '../../core/graph/kerasApi.ts';
import type { KerasApi } from '../../core/graph/types.ts';
import type { Problem } from '../../core/problems/index.ts';
import type { ExportFormat } from '../../interop/exportFiles.ts';
import { exportFailed } from '../../state/appMessages.ts';
import { EXPORT_FORMATS, exportFileStem, exportProject } from '../../interop/exportFiles.ts';
import { networkDiagramSvg } from '../diagram/networkDiagramSvg.ts';
import { svgToPng } from '../diagram/svgToPng.ts';
import { downloadFile } from '../download.ts';
import { useEditor, useStores } from '../stores.ts';
import { Icon } from '../toolbar/Icon.tsx';
import { Modal } from './Modal.tsx';
import { ProblemBox } from './ProblemBox.tsx';

interface Done {
  format: ExportFormat;
  loadLine: string;
  note?: string;
  warnings?: string[];
}

const API_LABELS: readonly (readonly [KerasApi, string])[] = [
  ['sequential', 'Sequential'],
  ['functional', 'Functional'],
];

/**
 * Keras Sequential or the functional API, for the Keras model, the Keras JSON, the Python script and the notebook.
 * A chain can be either (the project keeps the pick, an undoable edit); a branching network only functional, so
 * Sequential is disabled and the reason shown. A Sequential pick the network no longer allows is shown as ignored.
 */
function KerasApiPicker() {
  const { editor } = useStores();
  const graph = useEditor((s) => s.project.graph);
  const choice = useMemo(() => kerasApiFor(graph), [graph]);
  const id = useId();
  const pick = (api: KerasApi): void => editor.getState().dispatch({ type: 'setKerasApi', api });
  return (
    <fieldset className="export-api" aria-describedby={`${id}-why`}>
      <legend>Keras API</legend>
      <span className="export-api-options">
        {API_LABELS.map(([api, label]) => (
          <label key={api} className="check">
            <input
              type="radio"
              name={`${id}-api`}
              value={api}
              checked={choice.api === api}
              disabled={api === 'sequential' && choice.sequentialBlocker !== null}
              onChange={() => pick(api)}
            />
            {label}
          </label>
        ))}
      </span>
      <p id={`${id}-why`} className="help" data-testid="keras-api-help">
        {choice.ignored ??
          choice.sequentialBlocker ??
          'How the Keras model, the Keras JSON, the Python script and the notebook build the network: keras.Sequential lists the layers in order; the functional API calls each layer on the one before.'}
      </p>
    </fieldset>
  );
}

const FORMATS = Object.values(EXPORT_FORMATS);

function CodeLine({ code }: { code: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="code-line">
      <code data-testid="load-line">{code}</code>
      <button
        type="button"
        className="btn ghost"
        onClick={() => {
          void navigator.clipboard.writeText(code).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
      >
        <Icon name="copy" /> {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}

/** Every export the CLI has, each with the one line that loads it, plus the network diagram for slides. */
export function ExportDialog({ onClose }: { onClose(): void }) {
  const { editor } = useStores();
  const [busy, setBusy] = useState<ExportFormat | 'png' | 'svg' | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [refusedFormat, setRefusedFormat] = useState<string>('');

  const run = async (format: ExportFormat): Promise<void> => {
    setBusy(format);
    setProblems([]);
    setDone(null);
    try {
      const project = editor.getState().project;
      const result = await exportProject(project, format, {});
      if (!result.ok) {
        setRefusedFormat(EXPORT_FORMATS[format].label);
        setProblems(result.problems);
        return;
      }
      for (const file of result.files) downloadFile(file.name, file.data, file.mime);
      setDone({
        format,
        loadLine: result.loadLine,
        ...(result.note === undefined ? {} : { note: result.note }),
        ...(result.warnings === undefined ? {} : { warnings: result.warnings }),
      });
    } catch (error) {
      setRefusedFormat(EXPORT_FORMATS[format].label);
      setProblems([{ severity: 'error', nodeId: null, message: exportFailed(error instanceof Error ? error.message : String(error)), source: 'export' }]);
    } finally {
      setBusy(null);
    }
  };

  const diagram = async (kind: 'png' | 'svg'): Promise<void> => {
    setBusy(kind);
    try {
      const state = editor.getState();
      const theme = document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
      const svg = networkDiagramSvg(state.project.graph, state.validation, { theme, title: state.project.name });
      const stem = exportFileStem(state.project.name);
      if (kind === 'svg') downloadFile(`${stem}.svg`, svg, 'image/svg+xml');
      else downloadFile(`${stem}.png`, await svgToPng(svg), 'image/png');
    } catch (error) {
      setDone(null);
      setRefusedFormat(kind === 'png' ? 'PNG diagram' : 'SVG diagram');
      const detail = error instanceof Error ? error.message : String(error);
      setProblems([{ severity: 'error', nodeId: null, message: `The diagram could not be made: ${detail}`, source: 'export' }]);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal title="Export" onClose={onClose} wide>
      <KerasApiPicker />
      <ul className="choice-list">
        {FORMATS.map((f) => (
          <li key={f.format} className="choice">
            <span className="choice-title">
              {f.label} <span className="help mono">{f.extension}</span>
            </span>
            <span className="choice-desc">{f.description}</span>
            <button type="button" className="btn" onClick={() => void run(f.format)} disabled={busy !== null} aria-label={`Download ${f.label}`}>
              <Icon name="download" /> {busy === f.format ? 'Preparing…' : 'Download'}
            </button>
            {done?.format === f.format ? (
              <>
                <CodeLine code={done.loadLine} />
                {done.note === undefined ? null : <p className="help choice-note">{done.note}</p>}
                {(done.warnings ?? []).map((warning) => (
                  <p key={warning} className="note-box choice-note" role="status">
                    {warning}
                  </p>
                ))}
              </>
            ) : null}
          </li>
        ))}
        <li className="choice">
          <span className="choice-title">Network diagram</span>
          <span className="choice-desc">A picture of the network for slides and worksheets, as PNG or SVG.</span>
          <span className="diagram-buttons">
            <button type="button" className="btn" onClick={() => void diagram('png')} disabled={busy !== null} aria-label="Download diagram as PNG">
              PNG
            </button>
            <button type="button" className="btn" onClick={() => void diagram('svg')} disabled={busy !== null} aria-label="Download diagram as SVG">
              SVG
            </button>
          </span>
        </li>
      </ul>
      {problems.length > 0 ? <ProblemBox title={`Cannot export ${refusedFormat}; nothing was written:`} problems={problems} /> : null}
    </Modal>
  );
}
