import { useId } from 'react';
import type { KeyboardEvent } from 'react';
import { checkNodeName } from '../../../core/editing/index.ts';
import { renameLayer } from '../../../state/editor/editing.ts';
import { useStores } from '../../stores.ts';
import { NAME_HELP, NAME_LABEL } from './inspectorText.ts';
import { useDraft } from './useDraft.ts';

const same = (a: string, b: string): boolean => a === b;
const asIs = (id: string): string => id;


/**
 * The node id (its Keras layer name). Checked on every keystroke; a name that cannot be used stays in the field,
 * marked invalid, with the core's reason under it. Enter or leaving the field renames; Escape restores the name.
 */
export function NameField({ nodeId }: { nodeId: string }) {
  const { editor } = useStores();
  const draft = useDraft<string>(nodeId, asIs, same);
  const base = useId();
  const inputId = `${base}-name`;
  const helpId = `${base}-help`;
  const errorId = `${base}-error`;
  const invalid = draft.message !== null;

  const check = (text: string) => checkNodeName(editor.getState().project.graph, nodeId, text);

  const onText = (text: string): void => {
    const result = check(text);
    if (result.ok) draft.accept(text, nodeId);
    else draft.reject(text, result.reason);
  };

  /** Renames when the text is a usable new name; says why not otherwise (the text is kept). */
  const commit = (): void => {
    const result = check(draft.text);
    if (!result.ok) {
      draft.reject(draft.text, result.reason);
      return;
    }
    if (result.name === nodeId) {
      draft.revert();
      return;
    }
    const outcome = renameLayer(editor, nodeId, result.name);
    if (!outcome.ok) draft.reject(draft.text, outcome.reason);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      draft.revert();
    }
  };

  return (
    <div className="inspector-field">
      <label htmlFor={inputId} className="inspector-label">
        {NAME_LABEL}
      </label>
      <input
        id={inputId}
        className="input mono inspector-input"
        type="text"
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        value={draft.text}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${errorId} ${helpId}` : helpId}
        data-testid="inspector-name"
        onChange={(e) => onText(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={commit}
      />
      <p id={errorId} className="field-error inspector-message" aria-live="polite">
        {draft.message}
      </p>
      <p id={helpId} className="help inspector-help">
        {NAME_HELP}
      </p>
    </div>
  );
}
