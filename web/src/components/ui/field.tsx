import type { InputHTMLAttributes, ReactNode } from 'react';

export type ControlProps = {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  required?: boolean;
};

type FieldProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  isRequired?: boolean;
  /** Shown at the end of the label row, for example a character counter. */
  aside?: ReactNode;
  children: (control: ControlProps) => ReactNode;
};

/** A labelled form control with its hint and error, wired for screen readers. */
export function Field({ id, label, hint, error, isRequired, aside, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <div className="field-label-row">
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        {aside}
      </div>
      {children({
        id,
        'aria-describedby': describedBy,
        'aria-invalid': error ? true : undefined,
        required: isRequired,
      })}
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

type TextFieldProps = Omit<FieldProps, 'children'> &
  Pick<
    InputHTMLAttributes<HTMLInputElement>,
    'type' | 'inputMode' | 'autoComplete' | 'minLength' | 'maxLength' | 'autoFocus' | 'placeholder' | 'spellCheck' | 'autoCapitalize'
  > & {
    value: string;
    onChange: (value: string) => void;
  };

/** The common case of `Field`: one text-like input (text, tel, password, one-time code). */
export function TextField({ id, label, hint, error, isRequired, aside, value, onChange, type = 'text', ...input }: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} isRequired={isRequired} aside={aside}>
      {(control) => <input {...control} {...input} className="input" type={type} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}
