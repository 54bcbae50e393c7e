import type { KapalError } from '../../../shared/result.js';
import { t } from '../../../shared/i18n/index.js';

export interface ShownError extends KapalError {
  key: number;
}

/** Errors from actions: what happened, and what to do next. */
export function ErrorList({ errors, onDismiss }: { errors: ShownError[]; onDismiss: (key: number) => void }) {
  if (errors.length === 0) return null;
  return (
    <div className="errors">
      {errors.map((e) => (
        <div key={e.key} role="alert" className="error" data-code={e.code}>
          <p>
            <strong>{e.message}</strong>
          </p>
          {e.hint && <p>{e.hint}</p>}
          <button type="button" onClick={() => onDismiss(e.key)}>
            {t('action.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
