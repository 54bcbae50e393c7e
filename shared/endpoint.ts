import type { EndpointDTO } from './dto.js';

/**
 * Endpoint resolution as the Docker CLI does it, as a pure function of (env, files, platform):
 * `DOCKER_HOST`, then the current context (`DOCKER_CONTEXT`, `currentContext` in config.json,
 * the context's `meta.json`), then the platform defaults (first existing socket wins).
 */
export interface EndpointInput {
  env: Readonly<Record<string, string | undefined>>;
  platform: string;
  homeDir: string;
  /** Text of `$DOCKER_CONFIG/config.json` (or `~/.docker/config.json`), if it exists. */
  configJson?: string;
  /** Each context: its `meta.json` text and the folder of its TLS material, if any. */
  contexts: ReadonlyArray<{ meta: string; tlsDir?: string }>;
  /** Which of {@link defaultCandidates} exist on disk. */
  existing: ReadonlySet<string>;
}

export type EndpointResult = { ok: true; endpoint: EndpointDTO } | { ok: false; error: string };

/** Where the docker config folder is: `DOCKER_CONFIG`, else `~/.docker`. */
export function dockerConfigDir(env: EndpointInput['env'], homeDir: string, platform: string): string {
  return env.DOCKER_CONFIG || joinPath(platform, homeDir, '.docker');
}

function joinPath(platform: string, ...parts: string[]): string {
  const sep = platform === 'win32' ? '\\' : '/';
  return parts.map((p, i) => (i === 0 ? p.replace(/[\\/]+$/, '') : p.replace(/^[\\/]+|[\\/]+$/g, ''))).join(sep);
}

/** Default sockets to probe, most likely first, as `unix://` or `npipe://` URLs. */
export function defaultCandidates(platform: string, homeDir: string, env: EndpointInput['env']): string[] {
  if (platform === 'win32') {
    return ['npipe:////./pipe/docker_engine', 'npipe:////./pipe/dockerDesktopLinuxEngine'];
  }
  const home = homeDir.replace(/\/+$/, '');
  const xdg = env.XDG_RUNTIME_DIR?.replace(/\/+$/, '');
  const list = ['unix:///var/run/docker.sock'];
  if (xdg) list.push(`unix://${xdg}/docker.sock`);
  list.push(`unix://${home}/.docker/run/docker.sock`, `unix://${home}/.docker/desktop/docker.sock`);
  list.push(`unix://${home}/.colima/default/docker.sock`, `unix://${home}/.colima/docker.sock`);
  list.push(`unix://${home}/.orbstack/run/docker.sock`);
  if (xdg) list.push(`unix://${xdg}/podman/podman.sock`);
  if (platform === 'darwin') list.push(`unix://${home}/.local/share/containers/podman/machine/podman.sock`);
  else list.push('unix:///run/podman/podman.sock');
  return list;
}

/** Parse a Docker host URL (`unix://`, `npipe://`, `tcp://`, `http(s)://`, `ssh://`). */
export function parseHost(url: string, source: string, tls?: EndpointDTO['tls']): EndpointResult {
  const u = url.trim();
  const m = /^([a-z]+):\/\/(.*)$/.exec(u);
  if (!m) return { ok: false, error: `"${u}" is not a Docker host URL (expected unix://, tcp://, ssh:// or npipe://)` };
  const scheme = m[1] ?? '';
  const rest = m[2] ?? '';
  switch (scheme) {
    case 'unix': {
      if (!rest.startsWith('/')) return { ok: false, error: `"${u}" needs an absolute socket path` };
      return { ok: true, endpoint: { kind: 'unix', url: `unix://${rest}`, source, socketPath: rest } };
    }
    case 'npipe': {
      // npipe:////./pipe/docker_engine → //./pipe/docker_engine
      const path = rest.replace(/^\/*/, '//').replace(/\\/g, '/');
      if (!/^\/\/[^/]+\/pipe\/.+/.test(path)) return { ok: false, error: `"${u}" is not a named pipe path` };
      return { ok: true, endpoint: { kind: 'npipe', url: `npipe://${path}`, source, socketPath: path } };
    }
    case 'tcp':
    case 'http':
    case 'https': {
      const hp = /^(\[[0-9a-fA-F:.]+\]|[^:/[\]]+)(?::(\d+))?\/?$/.exec(rest);
      if (!hp) return { ok: false, error: `"${u}" needs a host and an optional port, like tcp://192.0.2.10:2376` };
      const useTls = scheme === 'https' || Boolean(tls);
      const port = hp[2] ? Number(hp[2]) : useTls ? 2376 : 2375;
      if (!Number.isInteger(port) || port < 1 || port > 65535) return { ok: false, error: `"${u}" has a bad port` };
      const host = (hp[1] ?? '').replace(/^\[|\]$/g, '');
      const effTls = tls ?? (scheme === 'https' ? { verify: false } : undefined);
      const display = `tcp://${hp[1] ?? host}:${port}`;
      return {
        ok: true,
        endpoint: { kind: 'tcp', url: display, source, host, port, ...(effTls ? { tls: effTls } : {}) },
      };
    }
    case 'ssh': {
      const sm = /^(?:([^@/]+)@)?(\[[0-9a-fA-F:.]+\]|[^:/[\]]+)(?::(\d+))?\/?$/.exec(rest);
      if (!sm) return { ok: false, error: `"${u}" is not an ssh://[user@]host[:port] URL` };
      const port = sm[3] ? Number(sm[3]) : 22;
      const host = (sm[2] ?? '').replace(/^\[|\]$/g, '');
      return {
        ok: true,
        endpoint: { kind: 'ssh', url: u, source, host, port, ...(sm[1] ? { sshUser: sm[1] } : {}) },
      };
    }
    default:
      return { ok: false, error: `"${u}": the ${scheme}:// scheme is not supported (use unix, tcp, ssh or npipe)` };
  }
}

function tlsFromEnv(env: EndpointInput['env'], homeDir: string, platform: string): EndpointDTO['tls'] {
  // The CLI turns TLS on when DOCKER_TLS_VERIFY is non-empty (any value, even "0"), or DOCKER_TLS is set.
  const verify = Boolean(env.DOCKER_TLS_VERIFY);
  if (!verify && !env.DOCKER_TLS) return undefined;
  return { verify, certPath: env.DOCKER_CERT_PATH || dockerConfigDir(env, homeDir, platform) };
}

interface ContextMeta {
  Name?: string;
  Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } };
}

function currentContextName(input: EndpointInput): string | undefined {
  if (input.env.DOCKER_CONTEXT) return input.env.DOCKER_CONTEXT;
  if (!input.configJson) return undefined;
  try {
    const cfg = JSON.parse(input.configJson) as { currentContext?: unknown };
    return typeof cfg.currentContext === 'string' && cfg.currentContext ? cfg.currentContext : undefined;
  } catch {
    return undefined;
  }
}

export function resolveEndpoint(input: EndpointInput): EndpointResult {
  const { env, platform, homeDir } = input;
  if (env.DOCKER_HOST) return parseHost(env.DOCKER_HOST, 'DOCKER_HOST', tlsFromEnv(env, homeDir, platform));

  const name = currentContextName(input);
  if (name && name !== 'default') {
    for (const ctx of input.contexts) {
      let meta: ContextMeta;
      try {
        meta = JSON.parse(ctx.meta) as ContextMeta;
      } catch {
        continue;
      }
      if (meta.Name !== name) continue;
      const host = meta.Endpoints?.docker?.Host;
      if (!host) return { ok: false, error: `docker context "${name}" has no docker endpoint` };
      const tls = ctx.tlsDir ? { verify: !meta.Endpoints?.docker?.SkipTLSVerify, certPath: ctx.tlsDir } : undefined;
      return parseHost(host, `context "${name}"`, tls);
    }
    return {
      ok: false,
      error: `docker context "${name}" was not found (docker context ls lists them; docker context use default resets)`,
    };
  }

  const candidates = defaultCandidates(platform, homeDir, env);
  const found = candidates.find((c) => input.existing.has(c)) ?? candidates[0] ?? 'unix:///var/run/docker.sock';
  return parseHost(found, 'default');
}
