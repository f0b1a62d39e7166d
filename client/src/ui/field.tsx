// A labelled form control with its hint and error, wired for screen readers (aria-describedby,
// aria-invalid). `Field` takes any control as a render function; TextField and SelectField are
// the common cases.
import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, useId } from 'react';

export interface FieldA11y {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  required?: boolean;
}

export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  /** Text after the label of a required field (e.g. « obligatoire »). */
  requiredText?: string;
  children: (a11y: FieldA11y) => ReactNode;
}

export function Field({ label, hint, error, required, requiredText, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
        {required && requiredText && <span className="field__required"> ({requiredText})</span>}
      </label>
      {hint && (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      )}
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, required })}
      {error && (
        <span id={errorId} className="field__error">
          {error}
        </span>
      )}
    </div>
  );
}

type TextFieldProps = Omit<FieldProps, 'children'> & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

export function TextField({
  label,
  hint,
  error,
  required,
  requiredText,
  className,
  ...input
}: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} required={required} requiredText={requiredText}>
      {(a11y) => <input className={className ? `input ${className}` : 'input'} {...input} {...a11y} />}
    </Field>
  );
}

type SelectFieldProps = Omit<FieldProps, 'children'> &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & { children: ReactNode };

export function SelectField({
  label,
  hint,
  error,
  required,
  requiredText,
  children,
  ...select
}: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} required={required} requiredText={requiredText}>
      {(a11y) => (
        <select className="input" {...select} {...a11y}>
          {children}
        </select>
      )}
    </Field>
  );
}
