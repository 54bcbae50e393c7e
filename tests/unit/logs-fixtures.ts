/** The recorded log payloads (scripts/record-logs-fixtures.mjs) and what `docker logs` printed for them. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'engine-20.10', 'logs');

export type LogFixture = 'plain' | 'tty' | 'local';

export function logBytes(name: LogFixture, variant: '' | '-timestamps' | '-tail3-timestamps' = ''): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(DIR, `${name}${variant}.bin`)));
}

export interface CliOutput {
  command: string;
  logs: { stdout: string; stderr: string };
  tail3: { stdout: string; stderr: string };
}

export function cliOutput(name: LogFixture): CliOutput {
  return JSON.parse(fs.readFileSync(path.join(DIR, `${name}-cli.json`), 'utf8')) as CliOutput;
}

export function inspectPayload(name: LogFixture): Record<string, unknown> & { Id: string; Config: { Tty: boolean } } {
  return JSON.parse(fs.readFileSync(path.join(DIR, `${name}-inspect.json`), 'utf8')) as Record<string, unknown> & {
    Id: string;
    Config: { Tty: boolean };
  };
}

/** `docker logs` output as lines: split at `\n`, the `\r` of a TTY's `\r\n` dropped, no trailing empty line. */
export function cliLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** Cut bytes into chunks of pseudo-random sizes (1..max), the same cut for the same seed. */
export function chunked(bytes: Uint8Array, seed: number, max: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let x = seed;
  for (let off = 0; off < bytes.length;) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const n = 1 + (x % max);
    out.push(bytes.subarray(off, off + n));
    off += n;
  }
  return out;
}
