import { useEffect, useRef, type RefObject } from 'react';

/**
 * Open a `<dialog>` as modal on mount; on unmount close it and give focus back to what opened it.
 * `focusFirst`, when given, gets focus instead of the first control (often a close button).
 */
export function useModal(focusFirst?: RefObject<HTMLElement | null>): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (d && !d.open) d.showModal();
    focusFirst?.current?.focus();
    return () => {
      d?.close();
      if (opener?.isConnected) opener.focus();
    };
    // Once per dialog: what to focus first is decided when it opens.
  }, []);
  return ref;
}
