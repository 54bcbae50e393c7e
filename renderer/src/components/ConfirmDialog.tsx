import type { ReactNode } from 'react';
import { t } from '../../../shared/i18n/index.js';
import { useModal } from './useModal.js';

export interface ConfirmProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  danger?: boolean;
}

/** A modal `<dialog>`: focus is trapped by the browser, Escape cancels. */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel, danger }: ConfirmProps) {
  // Focus goes back to what opened the dialog (a row's Remove button) when it closes.
  const ref = useModal();
  return (
    <dialog
      ref={ref}
      aria-labelledby="confirm-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="confirm-title">{title}</h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} autoFocus>
          {t('action.cancel')}
        </button>
        <button type="button" className={danger ? 'danger' : undefined} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
