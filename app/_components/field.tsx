/** A labelled form field whose errors are announced and linked with aria-describedby. */
import type { InputHTMLAttributes } from 'react';

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
}

export function Field({ name, label, hint, errors, id, ...input }: FieldProps) {
  const fieldId = id ?? `f-${name}`;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = errors?.length ? `${fieldId}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <input
        id={fieldId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        {...input}
      />
      {errorId && (
        <p className="field-error" id={errorId}>
          {errors!.join(' ')}
        </p>
      )}
    </div>
  );
}

export function FormMessage({ status, message }: { status: string; message?: string }) {
  if (!message) return null;
  return (
    <p
      className={status === 'ok' ? 'notice notice-ok' : 'notice notice-error'}
      role={status === 'ok' ? 'status' : 'alert'}
      data-testid="form-message"
    >
      {message}
    </p>
  );
}
