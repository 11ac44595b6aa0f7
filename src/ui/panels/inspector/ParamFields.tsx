/**
 * One control per parameter field type, generated from the layer's schema: a new layer kind gets its form for free.
 * Every control has a <label htmlFor>, its help and its error linked with aria-describedby, and aria-invalid while
 * it shows an error.
 */
import { memo, useCallback, useId, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type {
  ActivationName,
  InitializerName,
  ParamField,
  ParamValue,
  Regularizer,
  RegularizerField,
} from '../../../core/layers/index.ts';
import { ACTIVATION_INFO, ACTIVATIONS, INITIALIZER_INFO, INITIALIZERS, isActivationName } from '../../../core/layers/index.ts';
import { activationValue } from '../../../core/layers/activationCurve.ts';
import { ActivationCurve } from '../../nodes/ActivationCurve.tsx';
import type { NodeCurve } from '../../nodes/nodeCurve.ts';
import type { FieldLabel } from './fieldText.ts';
import { fieldHint, fieldLabel, formatFieldValue, inputModeFor, paramEquals, parseFieldText, stepFieldValue } from './fieldText.ts';
import { activationOptionText } from './inspectorText.ts';
import type { FieldProblem } from './paramProblems.ts';
import type { RegularizerMode } from './regularizer.ts';
import { factorField, factorsOf, REGULARIZER_MODE_INFO, REGULARIZER_MODES, regularizerForMode, regularizerMode } from './regularizer.ts';
import { applyParam } from './paramActions.ts';
import { useDraft } from './useDraft.ts';
import { useStores } from '../../stores.ts';

interface FieldControlProps {
  /** The Keras parameter name, e.g. "units". */
  name: string;
  field: ParamField;
  value: ParamValue;
  /** The layer's default, used in "for example …" messages. */
  defaultValue: ParamValue | undefined;
  /** The node's validation problem about this parameter, if any. */
  problem: FieldProblem | null;
  /** Sets the parameter (one undo step per field until `seal`). */
  apply(value: ParamValue): void;
  /** Ends the field's undo step (on blur, Enter, and after a discrete choice). */
  seal(): void;
}

/** The ids of a control's parts, and its aria-describedby (error first: it is what matters most). */
function useFieldIds(hasError: boolean) {
  const base = useId();
  const control = `${base}-control`;
  const help = `${base}-help`;
  const error = `${base}-error`;
  return { control, help, error, describedBy: hasError ? `${error} ${help}` : help };
}

function Label({ htmlFor, label }: { htmlFor: string; label: FieldLabel }) {
  return (
    <label htmlFor={htmlFor} className="inspector-label">
      {label.text}
      {label.keras === null ? null : (
        <>
          {' '}
          <span className="mono inspector-keras">({label.keras})</span>
        </>
      )}
    </label>
  );
}

/** The red (or amber) line under a control. Always rendered, so a screen reader hears it change (aria-live). */
function FieldMessage({ id, message, fix, severity }: { id: string; message: string | null; fix?: string | undefined; severity: 'error' | 'warning' }) {
  return (
    <p id={id} className={severity === 'error' ? 'field-error inspector-message' : 'inspector-message inspector-message-warning'} aria-live="polite">
      {message}
      {message !== null && fix !== undefined ? <span className="inspector-fix"> {fix}</span> : null}
    </p>
  );
}

function Help({ id, help, hint, extra }: { id: string; help: string; hint: string | null; extra?: string | undefined }) {
  return (
    <p id={id} className="help inspector-help">
      {help}
      {hint === null ? null : <span className="inspector-hint"> {hint}</span>}
      {extra === undefined ? null : <span className="inspector-extra"> {extra}</span>}
    </p>
  );
}

const formatFor = (field: ParamField) => (v: ParamValue) => formatFieldValue(field, v);

/**
 * A text field for int, float, axis, shape and axisList: applied on every keystroke that reads as a value, so the
 * canvas updates live; other text is kept, with a message, while the project keeps its last good value.
 * Enter ends the edit; Escape shows the project's value again; ArrowUp/ArrowDown step a number.
 */
export const TextParamField = memo(function TextParamField({
  field,
  label,
  value,
  defaultValue,
  problem,
  apply,
  seal,
  testId,
}: {
  field: ParamField;
  label: FieldLabel;
  value: ParamValue;
  defaultValue: ParamValue | undefined;
  problem: FieldProblem | null;
  apply(value: ParamValue): void;
  seal(): void;
  testId?: string;
}) {
  const format = useMemo(() => formatFor(field), [field]);
  const draft = useDraft<ParamValue>(value, format, paramEquals);
  const message = draft.message ?? problem?.message ?? null;
  const severity = draft.message !== null ? 'error' : (problem?.severity ?? 'error');
  const invalid = message !== null && severity === 'error';
  const ids = useFieldIds(message !== null);

  const onText = (text: string): void => {
    const parsed = parseFieldText(field, text, defaultValue);
    if (parsed.ok) {
      draft.accept(text, parsed.value);
      apply(parsed.value);
    } else {
      draft.reject(text, parsed.message);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter') {
      e.preventDefault();
      seal();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      draft.revert();
      seal();
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      const next = stepFieldValue(field, draft.text, e.key === 'ArrowUp' ? 1 : -1, defaultValue);
      if (next === null) return;
      e.preventDefault();
      draft.accept(formatFieldValue(field, next), next);
      apply(next);
    }
  };

  const nullable = (field.type === 'float' && field.nullable === true) || field.type === 'axisList';
  return (
    <div className="inspector-field">
      <Label htmlFor={ids.control} label={label} />
      <input
        id={ids.control}
        className="input mono inspector-input"
        type="text"
        inputMode={inputModeFor(field)}
        autoComplete="off"
        spellCheck={false}
        value={draft.text}
        placeholder={nullable ? 'none' : undefined}
        aria-invalid={invalid}
        aria-describedby={ids.describedBy}
        data-testid={testId}
        onChange={(e) => onText(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={seal}
      />
      <FieldMessage id={ids.error} message={message} fix={draft.message === null ? problem?.fix : undefined} severity={severity} />
      <Help id={ids.help} help={field.help} hint={fieldHint(field)} />
    </div>
  );
});

function BoolParamField({ name, field, value, problem, apply, seal }: FieldControlProps) {
  const ids = useFieldIds(problem !== null);
  const label = fieldLabel(name, field);
  return (
    <div className="inspector-field">
      <div className="inspector-check">
        <input
          id={ids.control}
          type="checkbox"
          checked={value === true}
          aria-invalid={problem?.severity === 'error'}
          aria-describedby={ids.describedBy}
          data-testid={`param-${name}`}
          onChange={(e) => {
            apply(e.target.checked);
            seal();
          }}
        />
        <Label htmlFor={ids.control} label={label} />
      </div>
      <FieldMessage id={ids.error} message={problem?.message ?? null} fix={problem?.fix} severity={problem?.severity ?? 'error'} />
      <Help id={ids.help} help={field.help} hint={null} />
    </div>
  );
}

function ActivationParamField({ name, field, value, problem, apply, seal }: FieldControlProps) {
  const ids = useFieldIds(problem !== null);
  const label = fieldLabel(name, field);
  const chosen: ActivationName | null = isActivationName(value) ? value : null;
  const curve = useMemo<NodeCurve | null>(() => (chosen === null ? null : { name: chosen, f: (x) => activationValue(chosen, x) }), [chosen]);
  const info = chosen === null ? null : ACTIVATION_INFO[chosen];
  return (
    <div className="inspector-field">
      <Label htmlFor={ids.control} label={label} />
      <select
        id={ids.control}
        className="select"
        value={chosen ?? ''}
        aria-invalid={problem?.severity === 'error'}
        aria-describedby={ids.describedBy}
        data-testid={`param-${name}`}
        onChange={(e) => apply(e.target.value)}
        onBlur={seal}
      >
        {chosen === null ? <option value="">{String(value)} (unknown)</option> : null}
        {ACTIVATIONS.map((a) => (
          <option key={a} value={a}>
            {activationOptionText(a)}
          </option>
        ))}
      </select>
      <FieldMessage id={ids.error} message={problem?.message ?? null} fix={problem?.fix} severity={problem?.severity ?? 'error'} />
      <Help id={ids.help} help={field.help} hint={null} />
      {info === null || curve === null ? null : (
        <div className="inspector-activation" data-testid={`activation-info-${name}`}>
          <ActivationCurve curve={curve} />
          <div className="inspector-activation-text">
            <code className="mono inspector-formula">{info.formula}</code>
            <p className="inspector-activation-desc">{info.description}</p>
            {info.notInKeras === null ? null : <p className="inspector-message-warning inspector-not-keras">{info.notInKeras}</p>}
          </div>
        </div>
      )}
    </div>
  );
}

function InitializerParamField({ name, field, value, problem, apply, seal }: FieldControlProps) {
  const ids = useFieldIds(problem !== null);
  const label = fieldLabel(name, field);
  const known = (INITIALIZERS as readonly string[]).includes(String(value));
  return (
    <div className="inspector-field">
      <Label htmlFor={ids.control} label={label} />
      <select
        id={ids.control}
        className="select mono"
        value={String(value)}
        aria-invalid={problem?.severity === 'error'}
        aria-describedby={ids.describedBy}
        data-testid={`param-${name}`}
        onChange={(e) => apply(e.target.value)}
        onBlur={seal}
      >
        {known ? null : <option value={String(value)}>{String(value)} (unknown)</option>}
        {INITIALIZERS.map((i) => (
          <option key={i} value={i}>
            {i}
          </option>
        ))}
      </select>
      <FieldMessage id={ids.error} message={problem?.message ?? null} fix={problem?.fix} severity={problem?.severity ?? 'error'} />
      <Help id={ids.help} help={field.help} hint={null} extra={known ? INITIALIZER_INFO[value as InitializerName] : undefined} />
    </div>
  );
}

function asRegularizer(value: ParamValue): Regularizer | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Regularizer) : null;
}

function RegularizerParamField({ name, field, value, problem, apply, seal }: FieldControlProps & { field: RegularizerField }) {
  const reg = asRegularizer(value);
  // A negative factor is the core's only complaint about a penalty: show it under that factor's field.
  const negative = (factor: 'l1' | 'l2'): boolean => reg !== null && reg[factor] < 0;
  const selectProblem = problem !== null && !negative('l1') && !negative('l2') ? problem : null;
  const ids = useFieldIds(selectProblem !== null);
  const label = fieldLabel(name, field);
  const [preferred, setPreferred] = useState<RegularizerMode>(() => regularizerMode(reg));
  const mode = regularizerMode(reg, preferred);
  // Remember the choice shown, so a factor typed down to 0 does not switch the choice (and hide its field) mid-edit.
  if (mode !== preferred) setPreferred(mode);
  const factors = factorsOf(mode);
  const l1Field = useMemo(() => factorField(field.label, 'l1'), [field.label]);
  const l2Field = useMemo(() => factorField(field.label, 'l2'), [field.label]);
  const applyFactor = useCallback(
    (factor: 'l1' | 'l2', v: ParamValue) => {
      if (typeof v !== 'number') return;
      const base = reg ?? { l1: 0, l2: 0 };
      apply({ ...base, [factor]: v });
    },
    [apply, reg],
  );
  const applyL1 = useCallback((v: ParamValue) => applyFactor('l1', v), [applyFactor]);
  const applyL2 = useCallback((v: ParamValue) => applyFactor('l2', v), [applyFactor]);
  return (
    <div className="inspector-field inspector-group">
      <Label htmlFor={ids.control} label={label} />
      <select
        id={ids.control}
        className="select"
        value={mode}
        aria-invalid={selectProblem?.severity === 'error'}
        aria-describedby={ids.describedBy}
        data-testid={`param-${name}`}
        onChange={(e) => {
          const next = e.target.value as RegularizerMode;
          setPreferred(next);
          apply(regularizerForMode(next, reg));
        }}
        onBlur={seal}
      >
        {REGULARIZER_MODES.map((m) => (
          <option key={m} value={m}>
            {REGULARIZER_MODE_INFO[m].option}
          </option>
        ))}
      </select>
      <FieldMessage id={ids.error} message={selectProblem?.message ?? null} fix={selectProblem?.fix} severity={selectProblem?.severity ?? 'error'} />
      <Help id={ids.help} help={field.help} hint={null} extra={mode === 'none' ? undefined : REGULARIZER_MODE_INFO[mode].explain} />
      {factors.map((factor) => (
        <TextParamField
          key={factor}
          field={factor === 'l1' ? l1Field : l2Field}
          label={{ text: (factor === 'l1' ? l1Field : l2Field).label, keras: null, full: (factor === 'l1' ? l1Field : l2Field).label }}
          value={reg?.[factor] ?? 0}
          defaultValue={0.01}
          problem={negative(factor) ? problem : null}
          apply={factor === 'l1' ? applyL1 : applyL2}
          seal={seal}
          testId={`param-${name}-${factor}`}
        />
      ))}
    </div>
  );
}

export interface ParamControlProps {
  nodeId: string;
  /** The Keras parameter name, e.g. "units". */
  name: string;
  field: ParamField;
  value: ParamValue;
  /** The layer's default, used in "for example …" messages. */
  defaultValue: ParamValue | undefined;
  /** The node's validation problem about this parameter, if any. */
  problem: FieldProblem | null;
}

/** The control for one parameter, chosen by the field's type. */
export const ParamControl = memo(function ParamControl({ nodeId, ...rest }: ParamControlProps) {
  const { editor } = useStores();
  const { name, field } = rest;
  const apply = useCallback(
    (value: ParamValue) => {
      applyParam(editor, nodeId, name, value);
    },
    [editor, nodeId, name],
  );
  const seal = useCallback(() => editor.getState().seal(), [editor]);
  const props: FieldControlProps = { ...rest, apply, seal };
  const label = useMemo(() => fieldLabel(name, field), [name, field]);
  switch (field.type) {
    case 'int':
    case 'float':
    case 'axis':
    case 'shape':
    case 'axisList':
      return (
        <TextParamField
          field={field}
          label={label}
          value={props.value}
          defaultValue={props.defaultValue}
          problem={props.problem}
          apply={props.apply}
          seal={props.seal}
          testId={`param-${name}`}
        />
      );
    case 'bool':
      return <BoolParamField {...props} />;
    case 'activation':
      return <ActivationParamField {...props} />;
    case 'initializer':
      return <InitializerParamField {...props} />;
    case 'regularizer':
      return <RegularizerParamField {...props} field={field} />;
  }
});
