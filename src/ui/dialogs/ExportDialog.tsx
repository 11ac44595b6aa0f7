import { useState } from 'react';
import type { Problem } from '../../core/problems/index.ts';
import type { ExportFormat } from '../../interop/exportFiles.ts';
import { exportFailed } from '../../state/appMessages.ts';
import { EXPORT_FORMATS, exportFileStem, exportProject } from '../../interop/exportFiles.ts';
import { networkDiagramSvg } from '../diagram/networkDiagramSvg.ts';
import { svgToPng } from '../diagram/svgToPng.ts';
import { downloadFile } from '../download.ts';
import { engineClient } from '../engineClient.ts';
import { useStores } from '../stores.ts';
import { Icon } from '../toolbar/Icon.tsx';
import { Modal } from './Modal.tsx';
import { ProblemBox } from './ProblemBox.tsx';

interface Done {
  format: ExportFormat;
  loadLine: string;
  note?: string;
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
      const result = await exportProject(project, format, { initialWeights: (graph, seed) => engineClient().initialWeights(graph, seed) });
      if (!result.ok) {
        setRefusedFormat(EXPORT_FORMATS[format].label);
        setProblems(result.problems);
        return;
      }
      for (const file of result.files) downloadFile(file.name, file.data, file.mime);
      setDone({ format, loadLine: result.loadLine, ...(result.note === undefined ? {} : { note: result.note }) });
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
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal title="Export" onClose={onClose} wide>
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
