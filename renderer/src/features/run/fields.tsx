import type { ReactNode } from 'react';
import type { FieldProblem } from '../../../../shared/run/spec.js';

/** The id of a field's error text, for aria-describedby. */
export function errorId(field: string): string {
  return `err-${field.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

export function problemFor(problems: readonly FieldProblem[], field: string): FieldProblem | undefined {
  return problems.find((p) => p.field === field);
}

/** Props that tie an input to its error: aria-invalid and aria-describedby. */
export function invalidProps(problems: readonly FieldProblem[], field: string, help?: string) {
  const p = problemFor(problems, field);
  const ids = [p ? errorId(field) : undefined, help].filter(Boolean).join(' ');
  return { 'aria-invalid': p ? true : undefined, ...(ids ? { 'aria-describedby': ids } : {}) } as const;
}

/** The error text under a field, with an optional one-click fix. */
export function FieldError({
  problems,
  field,
  action,
}: {
  problems: readonly FieldProblem[];
  field: string;
  action?: ReactNode;
}) {
  const p = problemFor(problems, field);
  if (!p) return null;
  return (
    <p className="field-error" id={errorId(field)} data-field={field}>
      {p.message} {action}
    </p>
  );
}
