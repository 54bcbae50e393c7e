import type Docker from 'dockerode';
import type { PullEvent } from '../../shared/contract/run.js';
import type { ContainerDTO } from '../../shared/dto.js';
import { t } from '../../shared/i18n/index.js';
import { KapalFailure } from '../../shared/result.js';
import type {
  ExitReportDTO,
  FieldProblem,
  PortRow,
  RunCheckDTO,
  RunResultDTO,
  RunSpec,
} from '../../shared/run/spec.js';
import { demuxBuffer } from '../../shared/logs/demux.js';
import { portInEngineError } from '../../shared/run/engine-messages.js';
import { riskyChoices, validateSpec } from '../../shared/run/validate.js';
import type { EngineConnection } from './connection.js';
import type { ContainerService } from './containers.js';
import { engineFailure, rawError } from './docker.js';
import type { Dispose } from './disposable.js';
import { hostPortFree } from './port-probe.js';

const WILDCARD = new Set(['', '0.0.0.0', '::']);

function ipsOverlap(a: string | undefined, b: string | undefined): boolean {
  return WILDCARD.has(a ?? '') || WILDCARD.has(b ?? '') || a === b;
}

/** The container that publishes host port `port/proto` right now, if any. */
function publisher(containers: readonly ContainerDTO[], p: { port: number; protocol: string; hostIp?: string }) {
  return containers.find((c) =>
    c.ports.some((x) => x.publicPort === p.port && x.type === p.protocol && ipsOverlap(x.ip, p.hostIp)),
  );
}

/** The create options `docker run -d` would send for this spec. */
export function createOptions(spec: RunSpec): Docker.ContainerCreateOptions {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, Array<{ HostIp: string; HostPort: string }>> = {};
  for (const p of spec.ports) {
    const key = `${p.containerPort}/${p.protocol}`;
    exposed[key] = {};
    (bindings[key] ??= []).push({
      HostIp: p.hostIp ?? '',
      HostPort: p.hostPort === undefined ? '' : String(p.hostPort),
    });
  }
  return {
    ...(spec.name ? { name: spec.name } : {}),
    Image: spec.image,
    ...(spec.command.length > 0 ? { Cmd: spec.command } : {}),
    Env: spec.env.map((e) => `${e.key}=${e.value}`),
    Labels: spec.labels,
    ExposedPorts: exposed,
    HostConfig: {
      PortBindings: bindings,
      // As the CLI sends them: no Binds at all when there are none, and restart "no" spelled out.
      ...(spec.volumes.length > 0
        ? { Binds: spec.volumes.map((v) => `${v.source}:${v.target}${v.readOnly ? ':ro' : ''}`) }
        : {}),
      RestartPolicy: {
        Name: spec.restart,
        ...(spec.restart === 'on-failure' && spec.restartMaxRetries
          ? { MaximumRetryCount: spec.restartMaxRetries }
          : {}),
      },
      ...(spec.cpus !== undefined ? { NanoCpus: Math.round(spec.cpus * 1e9) } : {}),
      ...(spec.memoryBytes !== undefined ? { Memory: spec.memoryBytes } : {}),
      AutoRemove: spec.autoRemove,
      ...(spec.risky?.privileged ? { Privileged: true } : {}),
      ...(spec.risky?.hostNetwork ? { NetworkMode: 'host' } : {}),
      // The CLI sends capabilities with their CAP_ prefix; the form takes them without.
      ...(spec.risky?.capAdd.length ? { CapAdd: spec.risky.capAdd.map((c) => `CAP_${c}`) } : {}),
    },
  };
}

/** `docker run`: checks against the engine, pull with progress, create + start, and the exit report. */
export class RunService {
  constructor(
    private readonly conn: EngineConnection,
    private readonly containers: ContainerService,
  ) {}

  private get local(): boolean {
    return this.conn.endpoint.kind === 'unix' || this.conn.endpoint.kind === 'npipe';
  }

  private async portProblem(
    p: PortRow,
    field: string,
    all: readonly ContainerDTO[],
    reserved: ReadonlySet<string>,
  ): Promise<FieldProblem | undefined> {
    if (p.hostPort === undefined) return undefined;
    const holder = publisher(all, {
      port: p.hostPort,
      protocol: p.protocol,
      ...(p.hostIp ? { hostIp: p.hostIp } : {}),
    });
    let message: string | undefined;
    if (holder) {
      message = t('run.err.portContainer', {
        port: p.hostPort,
        proto: p.protocol,
        name: holder.name,
        state: holder.state,
      });
    } else if (this.local && !(await hostPortFree(p.hostPort, p.protocol, p.hostIp))) {
      message = t('run.err.portProcess', { port: p.hostPort, proto: p.protocol });
    }
    if (!message) return undefined;
    const suggestion = await this.nextFree(p, all, reserved);
    return { field, code: 'PORT_IN_USE', message, ...(suggestion ? { suggestion } : {}) };
  }

  /** The next host port above `p.hostPort` that no container publishes, no form row asks for, and binds. */
  private async nextFree(p: PortRow, all: readonly ContainerDTO[], reserved: ReadonlySet<string>) {
    for (let port = (p.hostPort ?? 1024) + 1; port <= 65535 && port <= (p.hostPort ?? 0) + 200; port++) {
      if (reserved.has(`${port}/${p.protocol}`)) continue;
      if (publisher(all, { port, protocol: p.protocol, ...(p.hostIp ? { hostIp: p.hostIp } : {}) })) continue;
      if (this.local && !(await hostPortFree(port, p.protocol, p.hostIp))) continue;
      return port;
    }
    return undefined;
  }

  async check(spec: RunSpec): Promise<RunCheckDTO> {
    const problems = validateSpec(spec);
    const all = await this.containers.list();
    if (spec.name) {
      const taken = all.find((c) => c.name === spec.name);
      if (taken) {
        problems.push({
          field: 'name',
          code: 'NAME_IN_USE',
          message: t('run.err.nameTaken', { name: taken.name, state: taken.state }),
        });
      }
    }
    const info = this.conn.status.state === 'connected' ? this.conn.status.info : undefined;
    if (spec.cpus !== undefined && info && spec.cpus > info.cpus) {
      problems.push({ field: 'cpus', code: 'INVALID_INPUT', message: t('run.err.cpusMax', { cpus: info.cpus }) });
    }
    const reserved = new Set(
      spec.ports.filter((p) => p.hostPort !== undefined).map((p) => `${p.hostPort}/${p.protocol}`),
    );
    for (const [i, p] of spec.ports.entries()) {
      const field = `ports.${i}.hostPort`;
      if (problems.some((x) => x.field === field)) continue;
      const problem = await this.portProblem(p, field, all, reserved);
      if (problem) problems.push(problem);
    }
    let imageLocal = true;
    try {
      await this.conn.docker.getImage(spec.image).inspect();
    } catch (err) {
      if (rawError(err).statusCode !== 404) throw engineFailure(err, this.conn.endpoint);
      imageLocal = false;
    }
    return { problems, imageLocal };
  }

  async run(spec: RunSpec): Promise<RunResultDTO> {
    // Checked again here, whatever the renderer did: risky options need the explicit acknowledgement.
    const risky = riskyChoices(spec);
    if (risky.length > 0 && !spec.risky?.acknowledged) {
      throw new KapalFailure({ code: 'INVALID_INPUT', message: t('run.err.risky', { options: risky.join(', ') }) });
    }
    const { problems } = await this.check(spec);
    const first = problems[0];
    if (first) {
      const code = first.code === 'RISKY' ? 'INVALID_INPUT' : first.code;
      throw new KapalFailure({ code, message: first.message, details: { problems } });
    }
    let container: Docker.Container;
    try {
      container = await this.conn.docker.createContainer(createOptions(spec));
    } catch (err) {
      throw await this.createFailure(err, spec);
    }
    try {
      await container.start();
    } catch (err) {
      // It never ran: remove what we just created so its name is free for the corrected form.
      await container.remove({ force: true }).catch(() => undefined);
      throw await this.startFailure(err, spec);
    }
    const info = await container.inspect().catch(() => undefined);
    return {
      id: container.id,
      name: info?.Name.replace(/^\//, '') ?? spec.name ?? container.id.slice(0, 12),
      warnings: [],
    };
  }

  /** "Conflict. The container name … is already in use" (a race with another client): the check's message. */
  private async createFailure(err: unknown, spec: RunSpec): Promise<KapalFailure> {
    const failure = engineFailure(err, this.conn.endpoint, `Image ${spec.image}`);
    if (failure.error.code !== 'NAME_IN_USE' || !spec.name) return failure;
    const holder = (await this.containers.list().catch(() => [])).find((c) => c.name === spec.name);
    const problem: FieldProblem = {
      field: 'name',
      code: 'NAME_IN_USE',
      message: holder ? t('run.err.nameTaken', { name: holder.name, state: holder.state }) : failure.error.message,
    };
    return new KapalFailure({ code: 'NAME_IN_USE', message: problem.message, details: { problems: [problem] } });
  }

  /** Map "port is already allocated" / "address already in use" to the same messages as the check. */
  private async startFailure(err: unknown, spec: RunSpec): Promise<KapalFailure> {
    const failure = engineFailure(err, this.conn.endpoint);
    if (failure.error.code !== 'PORT_IN_USE') return failure;
    const msg = rawError(err).message;
    const port = portInEngineError(msg);
    const i = spec.ports.findIndex((p) => p.hostPort === port);
    const row = spec.ports[i];
    if (!row) return failure;
    const all = await this.containers.list().catch(() => []);
    const reserved = new Set(spec.ports.map((p) => `${p.hostPort}/${p.protocol}`));
    const problem = (await this.portProblem(row, `ports.${i}.hostPort`, all, reserved)) ?? {
      field: `ports.${i}.hostPort`,
      code: 'PORT_IN_USE' as const,
      message: t('run.err.portProcess', { port: row.hostPort ?? '', proto: row.protocol }),
    };
    return new KapalFailure({ code: 'PORT_IN_USE', message: problem.message, details: { problems: [problem] } });
  }

  async exitReport(id: string): Promise<ExitReportDTO> {
    const c = this.conn.docker.getContainer(id);
    try {
      const info = await c.inspect();
      const raw = (await c.logs({ stdout: true, stderr: true, tail: 20, follow: false })) as unknown as Buffer;
      const text = info.Config.Tty
        ? raw.toString('utf8')
        : demuxBuffer(raw)
            .map((f) => Buffer.from(f.payload).toString('utf8'))
            .join('');
      const lines = text.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      return {
        id: info.Id,
        name: info.Name.replace(/^\//, ''),
        state: info.State.Status,
        exitCode: info.State.ExitCode,
        oomKilled: info.State.OOMKilled,
        error: info.State.Error ?? '',
        lines: lines.slice(-20),
      };
    } catch (err) {
      throw engineFailure(err, this.conn.endpoint, `Container ${id}`);
    }
  }

  /** Pull with layer progress; disposing aborts the pull. */
  pull(ref: string, emit: (e: PullEvent) => void): Dispose {
    const ctl = new AbortController();
    const layers = new Map<string, boolean>();
    const fail = (err: unknown) => {
      if (ctl.signal.aborted) return;
      const f = engineFailure(err, this.conn.endpoint);
      // The engine is reachable but the pull is not: say what the registry said, not "removed elsewhere".
      if (f.error.code === 'ENGINE_UNREACHABLE' || f.error.code === 'PERMISSION_DENIED') {
        emit({ kind: 'error', message: f.error.message, ...(f.error.hint ? { hint: f.error.hint } : {}) });
        return;
      }
      emit({
        kind: 'error',
        message: t('run.pullFailed', { image: ref, detail: rawError(err).message || f.error.message }),
        hint: t('run.pullFailed.hint', { image: ref }),
      });
    };
    this.conn.docker
      .pull(ref, { abortSignal: ctl.signal })
      .then((stream: NodeJS.ReadableStream) => {
        this.conn.docker.modem.followProgress(
          stream,
          (err: unknown) => (err ? fail(err) : emit({ kind: 'done' })),
          (ev: { id?: string; status?: string; error?: string }) => {
            if (ev.error) return;
            if (ev.id && ev.status && !/^(Pulling from|Digest|Status)/.test(ev.status)) {
              layers.set(ev.id, /complete|Already exists/i.test(ev.status));
            }
            const done = [...layers.values()].filter(Boolean).length;
            emit({ kind: 'progress', layers: layers.size, done, status: ev.status ?? '' });
          },
        );
      })
      .catch(fail);
    return () => ctl.abort();
  }
}
