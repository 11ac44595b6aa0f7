import { useMemo, useRef, useState } from 'react';
import { encodeShareFragment, shareUrl } from '../../state/persistence/shareLink.ts';
import { useEditor } from '../stores.ts';
import { Modal } from './Modal.tsx';

/** A link that carries the whole project (weights too when they fit) in its #fragment: nothing is uploaded. */
export function ShareDialog({ onClose }: { onClose(): void }) {
  const project = useEditor((s) => s.project);
  const encoded = useMemo(() => encodeShareFragment(project), [project]);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const [copied, setCopied] = useState(false);
  const url = encoded.ok ? shareUrl(window.location.href.split('#')[0] ?? '', encoded.fragment) : '';

  const copy = async (): Promise<void> => {
    inputRef.current?.select();
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Clipboard access can be refused; the link is selected for Ctrl+C instead.
      setCopied(false);
    }
  };

  return (
    <Modal title="Share this network" onClose={onClose}>
      {encoded.ok ? (
        <>
          <p>
            Anyone who opens this link sees “{project.name}” exactly as it is now{encoded.withWeights ? ', trained weights included' : ''}. The network travels inside
            the link itself: nothing is uploaded anywhere.
          </p>
          <div className="link-row">
            <label htmlFor="share-link" className="visually-hidden">
              Share link
            </label>
            <input id="share-link" ref={inputRef} className="input" readOnly value={url} onFocus={(e) => e.currentTarget.select()} data-testid="share-link" />
            <button type="button" className="btn primary" onClick={() => void copy()}>
              {copied ? 'Copied' : 'Copy link'}
            </button>
          </div>
          <p className="help">
            {encoded.length.toLocaleString('en-US')} characters. {encoded.note ?? ''}
          </p>
        </>
      ) : (
        <div className="problem-box" role="alert">
          {encoded.problem.message}
          {encoded.problem.fix === undefined ? null : ` ${encoded.problem.fix}`}
        </div>
      )}
    </Modal>
  );
}
