import { useEffect, useState } from 'react';
import type { ContainerDTO } from '../../../../shared/dto.js';
import type { ExitReportDTO } from '../../../../shared/run/spec.js';
import { useClient } from '../../api/context.js';

/** How long after Run a stop counts as "died straight away". */
const WATCH_MS = 10_000;

/**
 * After Run, watch the new container for 10 seconds; if it stops, fetch why (exit code, last 20
 * log lines) instead of leaving a silent "Exited".
 */
export function useRunWatch(containers: readonly ContainerDTO[]) {
  const client = useClient();
  const [watch, setWatch] = useState<{ id: string; until: number }>();
  const [report, setReport] = useState<ExitReportDTO>();

  useEffect(() => {
    if (!watch) return;
    const ms = watch.until - Date.now();
    if (ms <= 0) return setWatch(undefined);
    const timer = setTimeout(() => setWatch(undefined), ms);
    return () => clearTimeout(timer);
  }, [watch]);

  const watched = watch ? containers.find((c) => c.id === watch.id) : undefined;
  const stopped = watched && (watched.state === 'exited' || watched.state === 'dead');
  useEffect(() => {
    if (!watch || !stopped) return;
    const id = watch.id;
    setWatch(undefined);
    void client.call('containers:exitReport', { id }).then((r) => {
      if (r.ok) setReport(r.value);
    });
  }, [client, watch, stopped]);

  return {
    report,
    start: (id: string) => {
      setReport(undefined);
      setWatch({ id, until: Date.now() + WATCH_MS });
    },
    dismiss: () => setReport(undefined),
  };
}
