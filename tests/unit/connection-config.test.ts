import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../electron/engine/index.js';

describe('an unusable DOCKER_HOST', () => {
  let engine: Engine | undefined;
  const saved = process.env.DOCKER_HOST;
  afterEach(() => {
    engine?.dispose();
    if (saved === undefined) delete process.env.DOCKER_HOST;
    else process.env.DOCKER_HOST = saved;
  });

  it('is shown as the reason, with how to fix it, and nothing is dialled', async () => {
    process.env.DOCKER_HOST = 'foo://bar';
    engine = createEngine();
    await new Promise((r) => setTimeout(r, 50));
    const s = engine.connection.status;
    expect(s.state).toBe('unreachable');
    if (s.state !== 'unreachable') return;
    expect(s.reason).toBe('"foo://bar": the foo:// scheme is not supported (use unix, tcp, ssh or npipe)');
    expect(s.endpoint.source).toBe('DOCKER_HOST, not usable');
    expect(s.hints[0]).toContain('Fix DOCKER_HOST');
    expect(s.retryAt).toBeUndefined();
  });
});
