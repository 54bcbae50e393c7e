/**
 * Plain data shapes that cross from the engine layer to the renderer. No dockerode object ever does.
 */

/** A resolved way of reaching the Docker Engine, as the Docker CLI would choose it. */
export interface EndpointDTO {
  /** `unix`, `npipe`, `tcp`, `ssh`. */
  kind: 'unix' | 'npipe' | 'tcp' | 'ssh';
  /** What a person reads: `unix:///var/run/docker.sock`, `tcp://10.0.0.5:2376`. */
  url: string;
  /** Where the choice came from: `DOCKER_HOST`, `context "colima"`, `default`. */
  source: string;
  socketPath?: string;
  host?: string;
  port?: number;
  tls?: { verify: boolean; certPath?: string };
  sshUser?: string;
}

/** Engine facts shown in the status bar while connected. */
export interface EngineInfoDTO {
  version: string;
  apiVersion: string;
  os: string;
  osType: string;
  arch: string;
  cpus: number;
  /** Total host memory, in bytes. */
  memoryBytes: number;
  cgroupVersion?: string;
  name?: string;
}

/** Engine status, pushed on `engine:status`. */
export type EngineStatusDTO =
  | { state: 'connecting'; endpoint: EndpointDTO }
  | { state: 'connected'; endpoint: EndpointDTO; info: EngineInfoDTO }
  | {
      state: 'unreachable';
      endpoint: EndpointDTO;
      /** Why: "connection refused", "permission denied", ... */
      reason: string;
      /** What to do next, for this platform. */
      hints: string[];
      /** When the next reconnect attempt starts, in ms since epoch. */
      retryAt?: number;
      code: 'ENGINE_UNREACHABLE' | 'PERMISSION_DENIED';
    };

/** One published or exposed port, as the engine reports it in `/containers/json`. */
export interface PortDTO {
  ip?: string;
  privatePort: number;
  publicPort?: number;
  type: 'tcp' | 'udp' | 'sctp';
}

/** What `docker ps` computes STATUS from; read from the container's inspect. RFC 3339 times. */
export interface ContainerTimingDTO {
  startedAt: string;
  finishedAt: string;
  exitCode: number;
  /** `starting`, `healthy`, `unhealthy`, when the image or run has a health check. */
  health?: string;
}

/** A container row, as `docker ps -a` shows it. */
export interface ContainerDTO {
  id: string;
  /** Without the leading `/`. */
  name: string;
  image: string;
  imageId: string;
  command: string;
  /** `running`, `exited`, `created`, `paused`, `restarting`, `removing`, `dead`. */
  state: string;
  /** The engine's status text, as `docker ps` prints it: "Up 5 minutes", "Exited (137) 2 hours ago". */
  status: string;
  /** Present once the engine layer has inspected the container: lets the status text stay live. */
  timing?: ContainerTimingDTO;
  ports: PortDTO[];
  /** Seconds since epoch. */
  created: number;
  labels: Record<string, string>;
}

/** An image row, as `docker images` shows it. */
export interface ImageDTO {
  id: string;
  /** `repo:tag` strings; `<none>:<none>` when untagged. One row per reference, as `docker images` does. */
  tags: string[];
  digests: string[];
  /** Bytes. */
  size: number;
  /** Seconds since epoch. */
  created: number;
  labels: Record<string, string>;
}

/** A change to the container list, pushed on `containers:changed`. */
export type ContainersEvent =
  { kind: 'snapshot'; items: ContainerDTO[] } | { kind: 'delta'; upserts: ContainerDTO[]; removed: string[] };

/** The image list, pushed whole on `images:changed` (it is small and changes rarely). */
export interface ImagesEvent {
  kind: 'snapshot';
  items: ImageDTO[];
}
