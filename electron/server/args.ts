/** Arguments of `npm run serve`: `--port N` (default 7420, 0 picks a free one), `--host ADDRESS` (default 127.0.0.1). */
export function parseServeArgs(
  argv: readonly string[],
): { ok: true; value: { port: number; host: string; help: boolean } } | { ok: false; error: string } {
  let port = 7420;
  let host = '127.0.0.1';
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = inline ?? argv[i + 1];
    if (flag === '--port' || flag === '--host') {
      if (value === undefined || value === '') return { ok: false, error: `${flag} needs a value` };
      if (inline === undefined) i++;
      if (flag === '--port') {
        if (!/^\d+$/.test(value) || Number(value) > 65535)
          return { ok: false, error: `--port must be 0-65535, got "${value}"` };
        port = Number(value);
      } else {
        if (!/^[a-zA-Z0-9.:-]+$/.test(value)) return { ok: false, error: `--host "${value}" is not an address` };
        host = value;
      }
    } else {
      return { ok: false, error: `unknown argument "${arg}"` };
    }
  }
  return { ok: true, value: { port, host, help } };
}
