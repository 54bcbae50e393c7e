import type { EndpointDTO, EngineStatusDTO } from '../../shared/dto.js';
import { reasonText, unreachableHints } from '../../shared/errors.js';
import { t } from '../../shared/i18n/index.js';
import { createDocker, rawError, type Docker } from './docker.js';
import { Emitter, type Dispose } from './disposable.js';
import { toEngineInfo } from './mappers.js';

/** One event from the engine's `/events` stream, the fields we use. */
export interface EngineEvent {
  Type: string;
  Action: string;
  id: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  time?: number;
}

export interface ConnectionOptions {
  endpoint: EndpointDTO;
  platform?: string;
  /** Reconnect delays in ms; the last one repeats. */
  backoff?: number[];
  /** Set when DOCKER_HOST or the docker context could not be read: shown instead of connecting. */
  configError?: string;
}

const DEFAULT_BACKOFF = [250, 500, 1000, 2000, 3000];

/**
 * Keeps one connection to the engine: status pushes, one `/events` stream, reconnect with backoff,
 * and a `resync` signal after every (re)connect so lists re-read everything they may have missed.
 */
export class EngineConnection {
  readonly docker: Docker;
  readonly endpoint: EndpointDTO;
  private readonly platform: string;
  private readonly backoff: number[];
  private current: EngineStatusDTO;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private events: AbortController | undefined;
  private stopped = true;
  private connecting = false;
  private readonly configError: string | undefined;

  readonly statusChanged = new Emitter<EngineStatusDTO>();
  readonly engineEvent = new Emitter<EngineEvent>();
  /** After connect and after every reconnect: re-list everything. */
  readonly resync = new Emitter<void>();

  constructor(opts: ConnectionOptions) {
    this.endpoint = opts.endpoint;
    this.platform = opts.platform ?? process.platform;
    this.backoff = opts.backoff ?? DEFAULT_BACKOFF;
    this.configError = opts.configError;
    this.docker = createDocker(opts.endpoint);
    this.current = { state: 'connecting', endpoint: opts.endpoint };
  }

  get status(): EngineStatusDTO {
    return this.current;
  }

  get connected(): boolean {
    return this.current.state === 'connected';
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.events?.abort();
    this.events = undefined;
  }

  /** Try now instead of waiting for the next backoff step. */
  async reconnectNow(): Promise<EngineStatusDTO> {
    clearTimeout(this.timer);
    this.attempt = 0;
    await this.connect();
    return this.current;
  }

  onStatus(listener: (s: EngineStatusDTO) => void): Dispose {
    return this.statusChanged.on(listener);
  }

  private setStatus(s: EngineStatusDTO): void {
    this.current = s;
    this.statusChanged.emit(s);
  }

  private async connect(): Promise<void> {
    if (this.stopped || this.connecting) return;
    if (this.configError) {
      // Retrying cannot help: the setting itself is wrong until the user changes it and restarts.
      this.setStatus({
        state: 'unreachable',
        endpoint: this.endpoint,
        reason: this.configError,
        hints: [t('hint.config')],
        code: 'ENGINE_UNREACHABLE',
      });
      return;
    }
    this.connecting = true;
    try {
      const [version, info] = await Promise.all([this.docker.version(), this.docker.info()]);
      if (this.stopped) return;
      await this.openEvents();
      this.attempt = 0;
      this.setStatus({ state: 'connected', endpoint: this.endpoint, info: toEngineInfo(version, info) });
      this.resync.emit();
    } catch (err) {
      this.markUnreachable(err);
    } finally {
      this.connecting = false;
    }
  }

  private async openEvents(): Promise<void> {
    this.events?.abort();
    const ctl = new AbortController();
    this.events = ctl;
    const stream = await this.docker.getEvents({
      filters: { type: ['container', 'image'] },
      abortSignal: ctl.signal,
    } as Parameters<Docker['getEvents']>[0]);
    let buffer = '';
    stream.on('data', (chunk: Buffer | string) => {
      buffer += chunk.toString();
      let nl = buffer.indexOf('\n');
      while (nl >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (line) this.dispatch(line);
        nl = buffer.indexOf('\n');
      }
    });
    const lost = (err?: unknown) => {
      if (this.events !== ctl || ctl.signal.aborted) return;
      this.events = undefined;
      this.markUnreachable(err ?? Object.assign(new Error('connection closed by the engine'), { code: 'ECONNRESET' }));
    };
    stream.on('end', () => lost());
    stream.on('close', () => lost());
    stream.on('error', (err: unknown) => lost(err));
  }

  private dispatch(line: string): void {
    try {
      const ev = JSON.parse(line) as EngineEvent;
      if (typeof ev.Type === 'string' && typeof ev.Action === 'string') this.engineEvent.emit(ev);
    } catch {
      // A partial or foreign line: nothing to act on.
    }
  }

  private markUnreachable(err: unknown): void {
    if (this.stopped) return;
    const raw = rawError(err);
    const permission = raw.errno === 'EACCES' || raw.errno === 'EPERM';
    const delay = this.backoff[Math.min(this.attempt, this.backoff.length - 1)] ?? 3000;
    this.attempt++;
    this.setStatus({
      state: 'unreachable',
      endpoint: this.endpoint,
      reason: reasonText(raw),
      hints: unreachableHints(this.platform, this.endpoint, permission),
      retryAt: Date.now() + delay,
      code: permission ? 'PERMISSION_DENIED' : 'ENGINE_UNREACHABLE',
    });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connect(), delay);
  }
}
