import { memo, useEffect } from 'react';
import type { Toast } from '../state/uiStore.ts';
import { useStores, useUi } from './stores.ts';
import { Icon } from './toolbar/Icon.tsx';

const LIFETIME_MS = { info: 5000, success: 4000, warning: 9000, error: 9000 } as const;
const WITH_ACTION_MS = 12000;

/** One message: closes itself after its lifetime (counted from when it appeared), unless it is sticky. */
const ToastItem = memo(function ToastItem({ toast }: { toast: Toast }) {
  const { ui } = useStores();
  useEffect(() => {
    if (toast.sticky === true) return undefined;
    const timer = setTimeout(() => ui.getState().dismiss(toast.id), toast.action === undefined ? LIFETIME_MS[toast.tone] : WITH_ACTION_MS);
    return () => clearTimeout(timer);
  }, [toast, ui]);
  return (
    <div className={`toast toast-${toast.tone}`} data-testid="toast">
      <span className="toast-text">
        {toast.nodeId === undefined ? null : <span className="problem-node mono">{toast.nodeId}</span>}
        {toast.text}
      </span>
      {toast.action === undefined ? null : (
        <button
          type="button"
          className="btn"
          onClick={() => {
            toast.action?.run();
            ui.getState().dismiss(toast.id);
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="btn ghost icon" aria-label="Close message" onClick={() => ui.getState().dismiss(toast.id)}>
        <Icon name="close" />
      </button>
    </div>
  );
});

/** Short messages at the bottom of the canvas (read aloud); errors stay longer and every toast can be closed. */
export function Toasts() {
  const toasts = useUi((s) => s.toasts);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </div>
  );
}
