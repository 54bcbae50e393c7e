import { z } from 'zod';
import type { ExitReportDTO, RunCheckDTO, RunResultDTO } from '../run/spec.js';
import { runSpec } from '../run/spec.js';
import { call, stream } from './define.js';
import { containerRef, imageRef } from './common.js';

/** One event of an image pull, as progress for the Run form. */
export type PullEvent =
  | { kind: 'progress'; layers: number; done: number; status: string }
  | { kind: 'done' }
  | { kind: 'error'; message: string; hint?: string };

export const runContract = {
  calls: {
    /**
     * Check a Run form against the engine before running: name free, host ports free (naming the
     * container or saying another program holds it, with the next free port), rows that clash,
     * risky options acknowledged; and whether the image is local.
     */
    'containers:check': call<RunCheckDTO>()(z.object({ spec: runSpec }).strict()),
    /**
     * Create and start a container, detached, exactly as the form's `docker run -d` line says.
     * Errors: NAME_IN_USE, PORT_IN_USE (details.field names the form field), INVALID_INPUT
     * (risky options without acknowledgement), NOT_FOUND (image not local: pull it first).
     */
    'containers:run': call<RunResultDTO>()(z.object({ spec: runSpec }).strict()),
    /** Exit code, OOM flag, engine error and the last 20 log lines of a container that stopped. */
    'containers:exitReport': call<ExitReportDTO>()(z.object({ id: containerRef }).strict()),
  },
  streams: {
    /** Pull an image; pushes layer progress, then `done` or `error`. Unsubscribing cancels the pull. */
    'images:pull': stream<PullEvent>()(z.object({ ref: imageRef }).strict()),
  },
} as const;
