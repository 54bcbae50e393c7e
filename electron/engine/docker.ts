import fs from 'node:fs';
import path from 'node:path';
import Docker from 'dockerode';
import type { EndpointDTO } from '../../shared/dto.js';
import { mapEngineError, type RawEngineError } from '../../shared/errors.js';
import { KapalFailure } from '../../shared/result.js';

export type { Docker };

function readIf(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** A dockerode client for an endpoint. Options are always explicit, so docker-modem never reads env itself. */
export function createDocker(endpoint: EndpointDTO): Docker {
  switch (endpoint.kind) {
    case 'unix':
    case 'npipe':
      return new Docker({ socketPath: endpoint.socketPath ?? '/var/run/docker.sock' });
    case 'ssh':
      return new Docker({
        protocol: 'ssh',
        host: endpoint.host ?? 'localhost',
        port: endpoint.port ?? 22,
        ...(endpoint.sshUser ? { username: endpoint.sshUser } : {}),
        sshOptions: { agent: process.env.SSH_AUTH_SOCK },
      });
    case 'tcp': {
      const tls = endpoint.tls;
      if (!tls)
        return new Docker({ protocol: 'http', host: endpoint.host ?? 'localhost', port: endpoint.port ?? 2375 });
      const dir = tls.certPath ?? '';
      const ca = readIf(path.join(dir, 'ca.pem'));
      const cert = readIf(path.join(dir, 'cert.pem'));
      const key = readIf(path.join(dir, 'key.pem'));
      return new Docker({
        protocol: 'https',
        host: endpoint.host ?? 'localhost',
        port: endpoint.port ?? 2376,
        ...(ca ? { ca } : {}),
        ...(cert ? { cert } : {}),
        ...(key ? { key } : {}),
        ...(tls.verify ? {} : { rejectUnauthorized: false }),
      } as Docker.DockerOptions);
    }
  }
}

interface ModemError {
  statusCode?: unknown;
  code?: unknown;
  json?: unknown;
  reason?: unknown;
  message?: unknown;
}

/** Read what a dockerode / docker-modem / socket error says, without letting the object escape. */
export function rawError(err: unknown): RawEngineError {
  const e = (typeof err === 'object' && err !== null ? err : { message: String(err) }) as ModemError;
  const statusCode = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  const errno = typeof e.code === 'string' ? e.code : undefined;
  let message = '';
  const json = e.json;
  if (json && typeof json === 'object' && typeof (json as { message?: unknown }).message === 'string') {
    message = (json as { message: string }).message;
  } else if (Buffer.isBuffer(json)) {
    message = json.toString('utf8');
  } else if (typeof json === 'string') {
    message = json;
  }
  // docker-modem formats "(HTTP code N) reason - body " (note the trailing space): with an empty body, what is
  // left after the prefix is blank, and the reason below is the better text.
  if (!message)
    message = typeof e.message === 'string' ? e.message.replace(/^\(HTTP code \d+\) [\w ]+ - /, '').trim() : '';
  if (!message && typeof e.reason === 'string') message = e.reason;
  return { ...(statusCode !== undefined ? { statusCode } : {}), ...(errno ? { errno } : {}), message };
}

/** Throw the contract's error for an engine failure. */
export function engineFailure(err: unknown, endpoint: EndpointDTO, what?: string): KapalFailure {
  if (err instanceof KapalFailure) return err;
  return new KapalFailure(
    mapEngineError(rawError(err), { endpoint, platform: process.platform, ...(what ? { what } : {}) }),
  );
}
