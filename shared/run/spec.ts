import { z } from 'zod';

/** `[a-zA-Z0-9][a-zA-Z0-9_.-]*`, as the engine requires for container names. */
export const CONTAINER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

const port = z.number().int().min(1).max(65535);

/** One `-p` row. `hostPort` absent means "any free host port" (`-p 8080`). */
export const portRow = z
  .object({
    hostIp: z.union([z.ipv4(), z.ipv6()]).optional(),
    hostPort: port.optional(),
    containerPort: port,
    protocol: z.enum(['tcp', 'udp']).default('tcp'),
  })
  .strict();

export const envRow = z
  .object({
    key: z
      .string()
      .min(1)
      .max(256)
      .regex(/^[^=\s\0]+$/, 'a variable name cannot contain "=" or spaces'),
    value: z.string().max(32_768),
  })
  .strict();

export const volumeRow = z
  .object({
    kind: z.enum(['volume', 'bind']),
    /** A named volume (`[a-zA-Z0-9][a-zA-Z0-9_.-]*`) or an absolute host folder. */
    source: z.string().min(1).max(4096),
    /** An absolute path inside the container. */
    target: z.string().min(1).max(4096).regex(/^\//, 'the path inside the container must start with /'),
    readOnly: z.boolean().default(false),
  })
  .strict();

/** Options that give a container power over the host: off the main form, and checked again in main. */
export const riskyOptions = z
  .object({
    privileged: z.boolean().default(false),
    hostNetwork: z.boolean().default(false),
    capAdd: z
      .array(z.string().regex(/^[A-Z_]{2,32}$/, 'capabilities look like NET_ADMIN'))
      .max(40)
      .default([]),
    /** Set by the UI only after the user ticked the explicit acknowledgement. */
    acknowledged: z.boolean().default(false),
  })
  .strict();

/**
 * Everything the Run form can ask for: what `docker run -d` would be given. Sizes in bytes, CPUs as a
 * fraction of cores.
 */
export const runSpec = z
  .object({
    image: z
      .string()
      .min(1)
      .max(512)
      .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.:/@-]*$/, 'not an image reference'),
    name: z.string().max(128).regex(CONTAINER_NAME).optional(),
    ports: z.array(portRow).max(200).default([]),
    env: z.array(envRow).max(500).default([]),
    volumes: z.array(volumeRow).max(100).default([]),
    /** argv, already split; empty means the image's CMD. */
    command: z.array(z.string().max(32_768)).max(1000).default([]),
    restart: z.enum(['no', 'always', 'unless-stopped', 'on-failure']).default('no'),
    restartMaxRetries: z.number().int().min(0).max(1000).optional(),
    cpus: z.number().positive().max(1024).optional(),
    memoryBytes: z.number().int().positive().optional(),
    autoRemove: z.boolean().default(false),
    /** `--label key=value`; Kapal adds none of its own. */
    labels: z
      .record(
        z
          .string()
          .min(1)
          .max(256)
          .regex(/^[^=\s]+$/),
        z.string().max(4096),
      )
      .default({}),
    risky: riskyOptions.optional(),
  })
  .strict();

export type RunSpec = z.output<typeof runSpec>;
export type RunSpecInput = z.input<typeof runSpec>;
export type PortRow = z.output<typeof portRow>;

/** A problem with one field of the form, shown next to it. */
export interface FieldProblem {
  /** `name`, `image`, `ports.2.hostPort`, `env.0.key`, `memory`, `risky` … */
  field: string;
  code: 'INVALID_INPUT' | 'NAME_IN_USE' | 'PORT_IN_USE' | 'RISKY';
  message: string;
  /** A free host port to offer in one click, for port problems. */
  suggestion?: number;
}

/** What `containers:check` answers: problems, and whether the image must be pulled first. */
export interface RunCheckDTO {
  problems: FieldProblem[];
  imageLocal: boolean;
}

/** What `containers:run` answers. */
export interface RunResultDTO {
  id: string;
  name: string;
  warnings: string[];
}

/** Why a container stopped right after Run, for the troubleshooting panel. */
export interface ExitReportDTO {
  id: string;
  name: string;
  state: string;
  exitCode: number;
  oomKilled: boolean;
  error: string;
  /** The last log lines (stdout and stderr interleaved as the engine gave them). */
  lines: string[];
}
