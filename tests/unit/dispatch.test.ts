import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dispatchCall, dispatchStream } from '../../electron/api/dispatch.js';
import { createHandlers, type Handlers } from '../../electron/api/handlers.js';
import { createEngine, type Engine } from '../../electron/engine/index.js';
import type { ContainerDTO, EngineStatusDTO } from '../../shared/dto.js';
import { KapalFailure, type KapalError } from '../../shared/result.js';
import { connected, docker, localEndpoint, removeContainer, runSleeper } from './engine.js';

const invalid = { ok: false, error: expect.objectContaining({ code: 'INVALID_INPUT', message: expect.any(String) }) };

let engine: Engine;
let real: Handlers;
let sleeper: { id: string; name: string };

beforeAll(async () => {
  engine = createEngine({ endpoint: localEndpoint });
  real = createHandlers(engine);
  sleeper = await runSleeper('dispatch');
  await connected(engine);
});

afterAll(async () => {
  engine.dispose();
  await removeContainer(sleeper.id);
});

/** The real table with one call replaced by a spy, to see whether a handler ran. */
function withCall<C extends keyof Handlers['calls']>(name: C, impl: Handlers['calls'][C]) {
  const spy = vi.fn(impl);
  const handlers: Handlers = { ...real, calls: { ...real.calls, [name]: spy } };
  return { handlers, spy };
}

describe('dispatchCall: the contract decides what may run', () => {
  it.each([['docker:raw'], ['containers:exec'], ['__proto__'], ['toString'], [42], [undefined], [{ channel: 'x' }]])(
    'unknown channel %j → INVALID_INPUT',
    async (channel) => {
      const result = await dispatchCall(real, channel, {});
      expect(result).toEqual(invalid);
    },
  );

  it('the unknown-channel message names the channel', async () => {
    const result = await dispatchCall(real, 'docker:raw', {});
    expect(!result.ok && result.error.message).toContain('docker:raw');
  });

  it.each<[string, unknown]>([
    ['a path', { id: '../../etc' }],
    ['a flag', { id: '--privileged' }],
    ['spaces', { id: 'web; rm -rf /' }],
    ['an empty id', { id: '' }],
    ['a number', { id: 42 }],
    ['no id', {}],
    ['null args', null],
    ['an extra key', { id: 'web', force: true }],
    ['an array', ['web']],
  ])('containers:start with %s → INVALID_INPUT, handler never called', async (_what, args) => {
    const { handlers, spy } = withCall('containers:start', async () => null);
    expect(await dispatchCall(handlers, 'containers:start', args)).toEqual(invalid);
    expect(spy).not.toHaveBeenCalled();
  });

  it.each<[string, unknown]>([
    ['a negative timeout', { id: 'web', timeoutSeconds: -1 }],
    ['a fractional timeout', { id: 'web', timeoutSeconds: 1.5 }],
    ['a timeout over 10 minutes', { id: 'web', timeoutSeconds: 601 }],
    ['a string timeout', { id: 'web', timeoutSeconds: '10' }],
  ])('containers:stop with %s → INVALID_INPUT', async (_what, args) => {
    const { handlers, spy } = withCall('containers:stop', async () => null);
    expect(await dispatchCall(handlers, 'containers:stop', args)).toEqual(invalid);
    expect(spy).not.toHaveBeenCalled();
  });

  it('no-argument calls refuse extra keys', async () => {
    const { handlers, spy } = withCall('containers:list', async () => []);
    expect(await dispatchCall(handlers, 'containers:list', { all: false })).toEqual(invalid);
    expect(spy).not.toHaveBeenCalled();
  });

  it('images:remove refuses a reference that looks like a flag', async () => {
    const { handlers, spy } = withCall('images:remove', async () => null);
    expect(await dispatchCall(handlers, 'images:remove', { ref: '-f' })).toEqual(invalid);
    expect(spy).not.toHaveBeenCalled();
  });

  it('the handler gets the parsed arguments, defaults filled in', async () => {
    const { handlers, spy } = withCall('containers:remove', async () => null);
    expect(await dispatchCall(handlers, 'containers:remove', { id: 'web' })).toEqual({ ok: true, value: null });
    expect(spy).toHaveBeenCalledWith({ id: 'web', force: false, volumes: false });
  });

  it('missing args count as {} for calls without arguments', async () => {
    const { handlers, spy } = withCall('containers:list', async () => []);
    expect(await dispatchCall(handlers, 'containers:list', undefined)).toEqual({ ok: true, value: [] });
    expect(spy).toHaveBeenCalledTimes(1);
  });
});

describe('dispatchCall: whatever happens, an envelope', () => {
  it('a KapalFailure comes back as its own error', async () => {
    const error: KapalError = { code: 'PORT_IN_USE', message: 'A host port is already in use', hint: 'Pick another' };
    const { handlers } = withCall('containers:start', async () => {
      throw new KapalFailure(error);
    });
    expect(await dispatchCall(handlers, 'containers:start', { id: 'web' })).toEqual({ ok: false, error });
  });

  it('a plain Error is INTERNAL, with its text and a hint', async () => {
    const { handlers } = withCall('containers:start', async () => {
      throw new Error('boom');
    });
    const result = await dispatchCall(handlers, 'containers:start', { id: 'web' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('boom'), hint: expect.any(String) },
    });
  });

  it('a thrown non-Error is INTERNAL too', async () => {
    const { handlers } = withCall('containers:start', async () => {
      throw 'just a string';
    });
    const result = await dispatchCall(handlers, 'containers:start', { id: 'web' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('just a string') },
    });
  });

  it('success is { ok: true, value }', async () => {
    const { handlers } = withCall('containers:restart', async () => null);
    expect(await dispatchCall(handlers, 'containers:restart', { id: 'web' })).toEqual({ ok: true, value: null });
  });
});

describe('dispatchCall against the real engine', () => {
  it('containers:list returns the containers, ours among them as docker ps shows it', async () => {
    const result = await dispatchCall(real, 'containers:list', {});
    expect(result.ok).toBe(true);
    const list = (result.ok ? result.value : []) as ContainerDTO[];
    expect(Array.isArray(list)).toBe(true);
    const ours = list.find((c) => c.id === sleeper.id);
    const cli = await docker(['ps', '-a', '--filter', `id=${sleeper.id}`, '--format', '{{.Names}}|{{.State}}']);
    expect(ours && `${ours.name}|${ours.state}`).toBe(cli);
  });

  it('containers:start of a container that does not exist → NOT_FOUND naming it', async () => {
    const result = await dispatchCall(real, 'containers:start', { id: 'kapal-fixture-doesnotexist' });
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'NOT_FOUND',
        message: expect.stringContaining('kapal-fixture-doesnotexist'),
      }),
    });
  });

  it('containers:start of a running container succeeds (the engine answers 304)', async () => {
    expect(await dispatchCall(real, 'containers:start', { id: sleeper.id })).toEqual({ ok: true, value: null });
  });

  it('containers:remove of a running container without force → CONFLICT, and it is still there', async () => {
    const result = await dispatchCall(real, 'containers:remove', { id: sleeper.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', hint: expect.any(String) } });
    expect(await docker(['ps', '-q', '--no-trunc', '--filter', `id=${sleeper.id}`])).toBe(sleeper.id);
  });

  it('images:remove of an image that does not exist → NOT_FOUND', async () => {
    const result = await dispatchCall(real, 'images:remove', { ref: 'kapal-fixture/doesnotexist:latest' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('engine:getStatus says connected, with the engine version the CLI reports', async () => {
    const result = await dispatchCall(real, 'engine:getStatus', {});
    const status = (result.ok ? result.value : undefined) as EngineStatusDTO | undefined;
    expect(status?.state).toBe('connected');
    const version = await docker(['version', '--format', '{{.Server.Version}}|{{.Server.APIVersion}}']);
    expect(status?.state === 'connected' && `${status.info.version}|${status.info.apiVersion}`).toBe(version);
  });
});

describe('dispatchStream', () => {
  it('unknown stream → INVALID_INPUT', () => {
    expect(dispatchStream(real, 'logs:everything', {}, () => undefined)).toEqual(invalid);
    expect(dispatchStream(real, 'containers:list', {}, () => undefined)).toEqual(invalid);
  });

  it('bad args → INVALID_INPUT, the stream never opened', () => {
    const open = vi.fn(() => () => undefined);
    const handlers: Handlers = { ...real, streams: { ...real.streams, 'engine:status': open } };
    expect(dispatchStream(handlers, 'engine:status', { verbose: true }, () => undefined)).toEqual(invalid);
    expect(open).not.toHaveBeenCalled();
  });

  it('an opener that throws → INTERNAL', () => {
    const handlers: Handlers = {
      ...real,
      streams: {
        ...real.streams,
        'engine:status': () => {
          throw new Error('cannot open');
        },
      },
    };
    expect(dispatchStream(handlers, 'engine:status', {}, () => undefined)).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('cannot open') },
    });
  });

  it('engine:status from the real engine: pushes the status at once, and returns its dispose', () => {
    const events: unknown[] = [];
    const result = dispatchStream(real, 'engine:status', {}, (e) => events.push(e));
    expect(result.ok).toBe(true);
    expect(events).toEqual([expect.objectContaining({ state: 'connected' })]);
    const before = engine.connection.statusChanged.count;
    if (result.ok) result.value();
    expect(engine.connection.statusChanged.count).toBe(before - 1);
  });

  it('containers:changed from the real engine: a snapshot with our container; after dispose, no more events', async () => {
    const events: unknown[] = [];
    const result = dispatchStream(real, 'containers:changed', {}, (e) => events.push(e));
    expect(result.ok).toBe(true);
    await vi.waitFor(() => expect(events.length).toBeGreaterThan(0), { timeout: 5000 });
    expect(events[0]).toMatchObject({ kind: 'snapshot' });
    const snapshot = events[0] as { items: ContainerDTO[] };
    expect(snapshot.items.map((c) => c.id)).toContain(sleeper.id);
    if (result.ok) result.value();
    const seen = events.length;
    // A change the live feed would report (a pause is an engine event for this container)...
    await docker(['pause', sleeper.id]);
    const other: unknown[] = [];
    const again = dispatchStream(real, 'containers:changed', {}, (e) => other.push(e));
    await vi.waitFor(() => expect(JSON.stringify(other)).toContain('"paused"'), { timeout: 5000 });
    await docker(['unpause', sleeper.id]);
    if (again.ok) again.value();
    // ...reached the new subscriber, never the disposed one.
    expect(events.length).toBe(seen);
  });
});
