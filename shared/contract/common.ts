import { z } from 'zod';

/** A container id (full or short) or name, as the CLI accepts it. */
export const containerRef = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'not a container id or name');

/** An image id (`sha256:…`, short id) or reference (`repo/name:tag`, `name@sha256:…`). */
export const imageRef = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.:/@-]*$/, 'not an image id or reference');

export const noArgs = z.object({}).strict();
