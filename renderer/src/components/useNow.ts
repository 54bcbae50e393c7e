import { useEffect, useState } from 'react';

/** The current time, refreshed every `ms` while `active`, for "2 minutes ago" and countdown texts. */
export function useNow(ms = 30_000, active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms, active]);
  return now;
}
