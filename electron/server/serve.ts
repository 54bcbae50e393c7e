import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHandlers } from '../api/handlers.js';
import { createEngine } from '../engine/index.js';
import { generateToken } from './auth.js';
import { parseServeArgs } from './args.js';
import { startWebServer } from './web-server.js';

/** `npm run serve`: Kapal in a browser. The first line on stdout is the URL with the token. */
async function main(): Promise<void> {
  const parsed = parseServeArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`kapal serve: ${parsed.error}\nusage: npm run serve -- [--port N] [--host ADDRESS]\n`);
    process.exit(2);
  }
  const { port, host, help } = parsed.value;
  if (help) {
    process.stdout.write(
      'usage: npm run serve -- [--port N] [--host ADDRESS]\n' +
        '  --port N        port to listen on (default 7420; 0 picks a free one)\n' +
        '  --host ADDRESS  address to bind (default 127.0.0.1; anything else exposes Docker to the network)\n' +
        '  KAPAL_TOKEN     the token to require (default: a new random one each start)\n',
    );
    return;
  }
  const token = process.env.KAPAL_TOKEN || generateToken();
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = path.resolve(here, '..', 'dist', 'renderer');
  const engine = createEngine();
  const handlers = createHandlers(engine);
  let server;
  try {
    server = await startWebServer({ handlers, token, host, port, root });
  } catch (err) {
    const code = (err as { code?: string }).code;
    const why = code === 'EADDRINUSE' ? `port ${port} is already in use; pick another with --port N` : String(err);
    process.stderr.write(`kapal serve: cannot listen on ${host}:${port}: ${why}\n`);
    engine.dispose();
    process.exit(1);
  }
  process.stdout.write(`${server.url}\n`);
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    process.stderr.write(
      `kapal serve: listening on ${host}, not loopback. Anyone who can reach it and has the token controls Docker.\n`,
    );
  }
  process.stderr.write(
    `kapal serve: engine endpoint ${engine.connection.endpoint.url} (${engine.connection.endpoint.source})\n`,
  );
  const stop = () => {
    void server.close().then(() => {
      engine.dispose();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
