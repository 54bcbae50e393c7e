import { describe, expect, it } from 'vitest';
import type { EndpointDTO } from '../../shared/dto.js';
import {
  defaultCandidates,
  dockerConfigDir,
  parseHost,
  resolveEndpoint,
  type EndpointInput,
  type EndpointResult,
} from '../../shared/endpoint.js';

const HOME = '/home/me';

function input(over: Partial<EndpointInput> = {}): EndpointInput {
  return { env: {}, platform: 'linux', homeDir: HOME, contexts: [], existing: new Set(), ...over };
}

/** A context's meta.json exactly as `docker context create` writes it. */
function meta(name: string, host: string, skipTLSVerify = false): string {
  return JSON.stringify({
    Name: name,
    Metadata: {},
    Endpoints: { docker: { Host: host, SkipTLSVerify: skipTLSVerify } },
  });
}

const COLIMA = meta('colima', 'unix:///Users/me/.colima/default/docker.sock');

function endpoint(r: EndpointResult): EndpointDTO {
  if (!r.ok) throw new Error(`expected an endpoint, got: ${r.error}`);
  return r.endpoint;
}

function error(r: EndpointResult): string {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.endpoint)}`);
  return r.error;
}

describe('parseHost: DOCKER_HOST URLs', () => {
  it.each<[string, Partial<EndpointDTO>]>([
    [
      'unix:///var/run/docker.sock',
      { kind: 'unix', url: 'unix:///var/run/docker.sock', socketPath: '/var/run/docker.sock' },
    ],
    ['unix:///run/user/1000/docker.sock', { kind: 'unix', socketPath: '/run/user/1000/docker.sock' }],
    ['tcp://192.0.2.10', { kind: 'tcp', url: 'tcp://192.0.2.10:2375', host: '192.0.2.10', port: 2375 }],
    ['tcp://192.0.2.10:2376', { kind: 'tcp', host: '192.0.2.10', port: 2376 }],
    ['tcp://docker.example:12375/', { kind: 'tcp', host: 'docker.example', port: 12375 }],
    ['tcp://[2001:db8::1]:2375', { kind: 'tcp', url: 'tcp://[2001:db8::1]:2375', host: '2001:db8::1', port: 2375 }],
    ['ssh://user@host:2222', { kind: 'ssh', url: 'ssh://user@host:2222', host: 'host', port: 2222, sshUser: 'user' }],
    ['ssh://builder.example', { kind: 'ssh', host: 'builder.example', port: 22 }],
    [
      'npipe:////./pipe/docker_engine',
      { kind: 'npipe', url: 'npipe:////./pipe/docker_engine', socketPath: '//./pipe/docker_engine' },
    ],
    ['npipe:////./pipe/dockerDesktopLinuxEngine', { kind: 'npipe', socketPath: '//./pipe/dockerDesktopLinuxEngine' }],
  ])('%s', (url, expected) => {
    const e = endpoint(parseHost(url, 'DOCKER_HOST'));
    expect(e).toMatchObject({ ...expected, source: 'DOCKER_HOST' });
    if (e.kind === 'tcp') expect(e.tls).toBeUndefined();
    if (e.kind === 'ssh' && !expected.sshUser) expect(e.sshUser).toBeUndefined();
  });

  it.each([
    ['unix://relative/docker.sock', 'absolute'],
    ['tcp://192.0.2.10:99999', 'bad port'],
    ['tcp://192.0.2.10:0', 'bad port'],
    ['tcp://', 'host'],
    ['tcp://192.0.2.10:2375/extra/path', 'host'],
    ['npipe://nothing', 'named pipe'],
    ['ssh://', 'ssh://'],
    ['fd://', 'not supported'],
    ['ftp://192.0.2.10', 'not supported'],
    ['192.0.2.10:2375', 'not a Docker host URL'],
    ['/var/run/docker.sock', 'not a Docker host URL'],
    ['garbage', 'not a Docker host URL'],
    ['', 'not a Docker host URL'],
  ])('%j → an error that says why (%s)', (url, why) => {
    const e = error(parseHost(url, 'DOCKER_HOST'));
    expect(e).toContain(why);
  });

  it('a TLS setting changes the default tcp port to 2376 and is kept', () => {
    const tls = { verify: true, certPath: '/certs' };
    expect(endpoint(parseHost('tcp://192.0.2.10', 'DOCKER_HOST', tls))).toMatchObject({ port: 2376, tls });
  });
});

describe('resolveEndpoint: DOCKER_HOST and TLS from the environment', () => {
  it('DOCKER_HOST wins over everything', () => {
    const e = endpoint(
      resolveEndpoint(
        input({
          env: { DOCKER_HOST: 'tcp://192.0.2.10:2375', DOCKER_CONTEXT: 'colima' },
          configJson: JSON.stringify({ currentContext: 'colima' }),
          contexts: [{ meta: COLIMA }],
          existing: new Set(['unix:///var/run/docker.sock']),
        }),
      ),
    );
    expect(e).toMatchObject({ kind: 'tcp', host: '192.0.2.10', port: 2375, source: 'DOCKER_HOST' });
  });

  it('an invalid DOCKER_HOST is an error, not a silent fallback', () => {
    const r = resolveEndpoint(
      input({ env: { DOCKER_HOST: 'bogus' }, existing: new Set(['unix:///var/run/docker.sock']) }),
    );
    expect(error(r)).toContain('bogus');
  });

  it('an empty DOCKER_HOST counts as unset', () => {
    expect(endpoint(resolveEndpoint(input({ env: { DOCKER_HOST: '' } })))).toMatchObject({ source: 'default' });
  });

  it.each<[Record<string, string>, Partial<EndpointDTO>]>([
    [{ DOCKER_TLS_VERIFY: '1' }, { port: 2376, tls: { verify: true, certPath: `${HOME}/.docker` } }],
    // The CLI checks DOCKER_TLS_VERIFY for being non-empty, so even "0" turns verification on.
    [{ DOCKER_TLS_VERIFY: '0' }, { port: 2376, tls: { verify: true, certPath: `${HOME}/.docker` } }],
    [
      { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/etc/docker/certs' },
      { tls: { verify: true, certPath: '/etc/docker/certs' } },
    ],
    [{ DOCKER_TLS_VERIFY: '1', DOCKER_CONFIG: '/cfg' }, { tls: { verify: true, certPath: '/cfg' } }],
    [{ DOCKER_TLS: '1' }, { port: 2376, tls: { verify: false, certPath: `${HOME}/.docker` } }],
    [{}, { port: 2375 }],
  ])('tcp://192.0.2.10 with %j', (env, expected) => {
    const e = endpoint(resolveEndpoint(input({ env: { DOCKER_HOST: 'tcp://192.0.2.10', ...env } })));
    expect(e).toMatchObject(expected);
    if (!expected.tls) expect(e.tls).toBeUndefined();
  });

  it('an explicit port is kept even with TLS', () => {
    const e = endpoint(
      resolveEndpoint(input({ env: { DOCKER_HOST: 'tcp://192.0.2.10:2375', DOCKER_TLS_VERIFY: '1' } })),
    );
    expect(e.port).toBe(2375);
  });
});

describe('resolveEndpoint: docker contexts', () => {
  it('DOCKER_CONTEXT picks the context with that Name', () => {
    const e = endpoint(
      resolveEndpoint(
        input({
          env: { DOCKER_CONTEXT: 'colima' },
          contexts: [{ meta: meta('other', 'unix:///x.sock') }, { meta: COLIMA }],
        }),
      ),
    );
    expect(e).toEqual({
      kind: 'unix',
      url: 'unix:///Users/me/.colima/default/docker.sock',
      source: 'context "colima"',
      socketPath: '/Users/me/.colima/default/docker.sock',
    });
  });

  it('DOCKER_CONTEXT beats currentContext in config.json', () => {
    const r = resolveEndpoint(
      input({
        env: { DOCKER_CONTEXT: 'colima' },
        configJson: JSON.stringify({ currentContext: 'remote' }),
        contexts: [{ meta: COLIMA }, { meta: meta('remote', 'tcp://192.0.2.20:2375') }],
      }),
    );
    expect(endpoint(r).source).toBe('context "colima"');
  });

  it('currentContext in config.json, when nothing in the environment says otherwise', () => {
    const r = resolveEndpoint(
      input({
        configJson: JSON.stringify({ auths: {}, currentContext: 'remote' }),
        contexts: [{ meta: COLIMA }, { meta: meta('remote', 'ssh://deploy@192.0.2.20') }],
      }),
    );
    expect(endpoint(r)).toMatchObject({
      kind: 'ssh',
      host: '192.0.2.20',
      sshUser: 'deploy',
      source: 'context "remote"',
    });
  });

  it('a context with TLS material verifies unless SkipTLSVerify', () => {
    const tlsDir = `${HOME}/.docker/contexts/tls/abc/docker`;
    const verified = resolveEndpoint(
      input({ env: { DOCKER_CONTEXT: 'prod' }, contexts: [{ meta: meta('prod', 'tcp://192.0.2.30:2376'), tlsDir }] }),
    );
    expect(endpoint(verified)).toMatchObject({ port: 2376, tls: { verify: true, certPath: tlsDir } });
    const skipped = resolveEndpoint(
      input({ env: { DOCKER_CONTEXT: 'prod' }, contexts: [{ meta: meta('prod', 'tcp://192.0.2.30', true), tlsDir }] }),
    );
    expect(endpoint(skipped)).toMatchObject({ port: 2376, tls: { verify: false, certPath: tlsDir } });
  });

  it('a missing context is an error that names it', () => {
    const e = error(resolveEndpoint(input({ env: { DOCKER_CONTEXT: 'staging' }, contexts: [{ meta: COLIMA }] })));
    expect(e).toContain('"staging"');
    expect(e).toMatch(/not found/);
  });

  it('a context without a docker endpoint is an error that names it', () => {
    const broken = JSON.stringify({ Name: 'k8s-only', Metadata: {}, Endpoints: {} });
    expect(
      error(resolveEndpoint(input({ env: { DOCKER_CONTEXT: 'k8s-only' }, contexts: [{ meta: broken }] }))),
    ).toContain('"k8s-only"');
  });

  it('an unreadable meta.json is skipped, the others still found', () => {
    const r = resolveEndpoint(
      input({ env: { DOCKER_CONTEXT: 'colima' }, contexts: [{ meta: '{not json' }, { meta: COLIMA }] }),
    );
    expect(endpoint(r).source).toBe('context "colima"');
  });

  it('"default" means the platform defaults, whichever way it is chosen', () => {
    const existing = new Set(['unix:///var/run/docker.sock']);
    for (const over of [
      { env: { DOCKER_CONTEXT: 'default' } },
      { configJson: JSON.stringify({ currentContext: 'default' }) },
    ]) {
      const e = endpoint(resolveEndpoint(input({ ...over, contexts: [{ meta: COLIMA }], existing })));
      expect(e).toMatchObject({ kind: 'unix', socketPath: '/var/run/docker.sock', source: 'default' });
    }
  });

  it('config.json without currentContext (or unreadable) falls through to the defaults', () => {
    for (const configJson of [JSON.stringify({ auths: {} }), '{oops']) {
      expect(endpoint(resolveEndpoint(input({ configJson, contexts: [{ meta: COLIMA }] }))).source).toBe('default');
    }
  });
});

describe('resolveEndpoint: platform defaults, first existing wins', () => {
  const resolveWith = (platform: string, existing: string[], env: Record<string, string> = {}) =>
    endpoint(resolveEndpoint(input({ platform, env, existing: new Set(existing) }))).url;

  it.each<[string, string[], Record<string, string>, string]>([
    ['linux', [], {}, 'unix:///var/run/docker.sock'],
    ['linux', ['unix:///var/run/docker.sock'], {}, 'unix:///var/run/docker.sock'],
    // rootless Docker: $XDG_RUNTIME_DIR/docker.sock
    [
      'linux',
      ['unix:///run/user/1000/docker.sock'],
      { XDG_RUNTIME_DIR: '/run/user/1000' },
      'unix:///run/user/1000/docker.sock',
    ],
    [
      'linux',
      ['unix:///run/user/1000/docker.sock', 'unix:///var/run/docker.sock'],
      { XDG_RUNTIME_DIR: '/run/user/1000/' },
      'unix:///var/run/docker.sock',
    ],
    ['linux', [`unix://${HOME}/.docker/desktop/docker.sock`], {}, `unix://${HOME}/.docker/desktop/docker.sock`],
    ['linux', ['unix:///run/podman/podman.sock'], {}, 'unix:///run/podman/podman.sock'],
    ['darwin', [], {}, 'unix:///var/run/docker.sock'],
    ['darwin', [`unix://${HOME}/.docker/run/docker.sock`], {}, `unix://${HOME}/.docker/run/docker.sock`],
    [
      'darwin',
      [`unix://${HOME}/.orbstack/run/docker.sock`, `unix://${HOME}/.colima/default/docker.sock`],
      {},
      `unix://${HOME}/.colima/default/docker.sock`,
    ],
    ['darwin', [`unix://${HOME}/.orbstack/run/docker.sock`], {}, `unix://${HOME}/.orbstack/run/docker.sock`],
    ['win32', [], {}, 'npipe:////./pipe/docker_engine'],
    ['win32', ['npipe:////./pipe/dockerDesktopLinuxEngine'], {}, 'npipe:////./pipe/dockerDesktopLinuxEngine'],
  ])('%s with %j existing (%j)', (platform, existing, env, expected) => {
    expect(resolveWith(platform, existing, env)).toBe(expected);
  });

  it('a socket that is not a candidate does not count', () => {
    expect(resolveWith('linux', ['unix:///tmp/elsewhere.sock'])).toBe('unix:///var/run/docker.sock');
  });

  it('the rootless socket comes right after the system one, and only when XDG_RUNTIME_DIR is set', () => {
    const withXdg = defaultCandidates('linux', HOME, { XDG_RUNTIME_DIR: '/run/user/1000' });
    expect(withXdg.slice(0, 2)).toEqual(['unix:///var/run/docker.sock', 'unix:///run/user/1000/docker.sock']);
    expect(withXdg).toContain('unix:///run/user/1000/podman/podman.sock');
    const without = defaultCandidates('linux', HOME, {});
    expect(without.some((c) => c.includes('/run/user/'))).toBe(false);
    expect(without.every((c) => /^unix:\/\/\/[^/]/.test(c))).toBe(true);
  });

  it('Windows probes named pipes only', () => {
    expect(defaultCandidates('win32', 'C:\\Users\\me', {})).toEqual([
      'npipe:////./pipe/docker_engine',
      'npipe:////./pipe/dockerDesktopLinuxEngine',
    ]);
  });

  it('a home directory with a trailing slash makes the same paths', () => {
    expect(defaultCandidates('darwin', `${HOME}/`, {})).toEqual(defaultCandidates('darwin', HOME, {}));
  });
});

describe('dockerConfigDir', () => {
  it.each([
    [{}, 'linux', HOME, `${HOME}/.docker`],
    [{ DOCKER_CONFIG: '/etc/kapal-docker' }, 'linux', HOME, '/etc/kapal-docker'],
    [{}, 'win32', 'C:\\Users\\me', 'C:\\Users\\me\\.docker'],
    [{}, 'darwin', '/Users/me/', '/Users/me/.docker'],
  ])('%j on %s, home %s → %s', (env, platform, home, expected) => {
    expect(dockerConfigDir(env, home, platform)).toBe(expected);
  });

  it('Windows TLS defaults to the config folder under the user profile', () => {
    const r = resolveEndpoint(
      input({
        platform: 'win32',
        homeDir: 'C:\\Users\\me',
        env: { DOCKER_HOST: 'tcp://192.0.2.10', DOCKER_TLS_VERIFY: '1' },
      }),
    );
    expect(endpoint(r).tls).toEqual({ verify: true, certPath: 'C:\\Users\\me\\.docker' });
  });
});
