import { describe, expect, it } from 'vitest';
import { LogDecoder, type DecodedLine } from '../../electron/engine/log-decoder.js';
import { DemuxError, FrameDemuxer, demuxBuffer } from '../../shared/logs/demux.js';
import { chunked, cliLines, cliOutput, inspectPayload, logBytes } from './logs-fixtures.js';

const hex = (s: string) => Uint8Array.from(s.split(/\s+/).map((b) => parseInt(b, 16)));
const HELLO = hex('01 00 00 00 00 00 00 06 68 65 6c 6c 6f 0a');
const ERR = hex('02 00 00 00 00 00 00 04 65 72 72 0a');

function frame(stream: number, payload: Uint8Array | string): Uint8Array {
  const body = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
  const out = new Uint8Array(8 + body.length);
  out[0] = stream;
  new DataView(out.buffer).setUint32(4, body.length, false);
  out.set(body, 8);
  return out;
}

function decodeAll(chunks: Uint8Array[], opts: { tty?: boolean; timestamps?: boolean } = {}): DecodedLine[] {
  const errors: string[] = [];
  const d = new LogDecoder({
    tty: opts.tty ?? false,
    timestamps: opts.timestamps ?? false,
    onError: (m) => errors.push(m),
  });
  const lines = chunks.flatMap((c) => d.push(c));
  lines.push(...d.end());
  expect(errors).toEqual([]);
  return lines;
}

const texts = (lines: DecodedLine[], stream: 'stdout' | 'stderr') =>
  lines.filter((l) => l.stream === stream).map((l) => l.text);

describe('non-TTY demultiplexing', () => {
  it('gives stdout "hello" and stderr "err" for the two reference frames', () => {
    expect(decodeAll([HELLO, ERR])).toEqual([
      { stream: 'stdout', text: 'hello' },
      { stream: 'stderr', text: 'err' },
    ]);
  });

  it('gives the same when the same bytes arrive one byte per chunk', () => {
    const all = new Uint8Array([...HELLO, ...ERR]);
    const oneByOne = Array.from(all, (b) => Uint8Array.of(b));
    expect(oneByOne).toHaveLength(26);
    expect(decodeAll(oneByOne)).toEqual([
      { stream: 'stdout', text: 'hello' },
      { stream: 'stderr', text: 'err' },
    ]);
  });

  it('reassembles frames with the header itself split, and holds back an incomplete frame', () => {
    const d = new FrameDemuxer();
    expect(d.push(HELLO.subarray(0, 3))).toEqual([]);
    expect(d.buffered).toBe(3);
    expect(d.push(HELLO.subarray(3, 10))).toEqual([]);
    const frames = d.push(new Uint8Array([...HELLO.subarray(10), ...ERR.subarray(0, 9)]));
    expect(frames.map((f) => [f.stream, new TextDecoder().decode(f.payload)])).toEqual([['stdout', 'hello\n']]);
    expect(d.buffered).toBe(9);
    expect(d.push(ERR.subarray(9)).map((f) => f.stream)).toEqual(['stderr']);
    expect(d.buffered).toBe(0);
  });

  it('reads many frames from one chunk, stdin frames as stdout, and an empty frame as nothing', () => {
    const chunk = new Uint8Array([...frame(0, 'in\n'), ...frame(1, ''), ...HELLO, ...ERR, ...frame(1, 'a\nb\n')]);
    expect(decodeAll([chunk])).toEqual([
      { stream: 'stdout', text: 'in' },
      { stream: 'stdout', text: 'hello' },
      { stream: 'stderr', text: 'err' },
      { stream: 'stdout', text: 'a' },
      { stream: 'stdout', text: 'b' },
    ]);
  });

  it('keeps a line split over two frames whole, and stdout and stderr partial lines apart', () => {
    const chunks = [frame(1, 'hel'), frame(2, 'er'), frame(1, 'lo\n'), frame(2, 'r\n')];
    expect(decodeAll(chunks)).toEqual([
      { stream: 'stdout', text: 'hello' },
      { stream: 'stderr', text: 'err' },
    ]);
  });

  it('keeps a UTF-8 character whole when its bytes are cut across frames, per output', () => {
    // "é" is c3 a9; "€" is e2 82 ac. stderr sits between the halves and must not disturb them.
    const chunks = [
      frame(1, hex('63 61 66 c3')),
      frame(2, hex('e2 82')),
      frame(1, hex('a9 0a')),
      frame(2, hex('ac 0a')),
    ];
    expect(decodeAll(chunks)).toEqual([
      { stream: 'stdout', text: 'café' },
      { stream: 'stderr', text: '€' },
    ]);
  });

  it('a character cut short by the next frame becomes U+FFFD, as a streaming decoder makes it', () => {
    // The fast ASCII path must not skip what the decoder holds back from the previous frame.
    expect(decodeAll([frame(1, hex('61 c3')), frame(1, 'b\n'), frame(1, hex('e2 82 ac')), frame(1, 'c\n')])).toEqual([
      { stream: 'stdout', text: 'a\uFFFDb' },
      { stream: 'stdout', text: '€c' },
    ]);
  });

  it('reports a daemon error frame (type 3) and refuses bytes that are not multiplexed', () => {
    const errors: string[] = [];
    const d = new LogDecoder({ tty: false, timestamps: false, onError: (m) => errors.push(m) });
    expect(d.push(new Uint8Array([...HELLO, ...frame(3, 'boom')]))).toEqual([{ stream: 'stdout', text: 'hello' }]);
    expect(errors).toEqual(['boom']);
    // TTY bytes read as if multiplexed: "2026-…" starts with 0x32, not a stream byte.
    expect(() => new FrameDemuxer().push(logBytes('tty', '-timestamps'))).toThrow(DemuxError);
  });

  it('the non-follow Buffer path: the whole recorded answer in one buffer', () => {
    const frames = demuxBuffer(logBytes('plain'));
    const dec = new TextDecoder();
    const of = (stream: string) => frames.filter((f) => f.stream === stream).map((f) => dec.decode(f.payload));
    // hello, café…, the long line in two 16 KiB pieces (the first without a line end), the progress line, last.
    expect(of('stdout').map((p) => (p.length > 40 ? `${p.slice(0, 2)}…${p.endsWith('\n') ? '\n' : ''}` : p))).toEqual([
      'hello\n',
      'café \u001b[31mred\u001b[0m \u001b[1mbold\u001b[0m\n',
      'xé…',
      '\uFFFDé…\n',
      'a 10%\rb 20%\rdone\n',
      'last\n',
    ]);
    expect(of('stderr')).toEqual(['err\n', 'warn-2\n']);
    // A frame cut short at the end is left out.
    const bytes = logBytes('plain');
    expect(demuxBuffer(bytes.subarray(0, bytes.length - 1))).toHaveLength(7);
  });
});

describe('recorded engine payloads (Docker Engine 20.10) decode to what docker logs printed', () => {
  for (const name of ['plain', 'local'] as const) {
    const cli = cliOutput(name);
    it(`${name}: stdout and stderr lines match, whole and in any chunking`, () => {
      const whole = decodeAll([logBytes(name)]);
      if (name === 'plain') expect(texts(whole, 'stdout')).toEqual(cliLines(cli.logs.stdout));
      expect(texts(whole, 'stderr')).toEqual(cliLines(cli.logs.stderr));
      for (const [seed, max] of [
        [1, 1],
        [7, 13],
        [42, 700],
        [99, 17_000],
      ] as const) {
        expect(decodeAll(chunked(logBytes(name), seed, max))).toEqual(whole);
      }
    });
  }

  it('json-file: the 16 KiB split mid-character comes back from the engine as two U+FFFD', () => {
    const long = texts(decodeAll([logBytes('plain')]), 'stdout')[2] ?? '';
    expect(long.startsWith('xé')).toBe(true);
    expect([...long.matchAll(/\uFFFD/g)]).toHaveLength(2);
  });

  it('local driver: the two halves of "é" arrive in two frames and decode to one "é", with timestamps too', () => {
    const frames = demuxBuffer(logBytes('local'));
    const first = frames[4]?.payload;
    expect(first?.[first.length - 1]).toBe(0xc3);
    for (const timestamps of [false, true]) {
      const lines = decodeAll([logBytes('local', timestamps ? '-timestamps' : '')], { timestamps });
      const long = texts(lines, 'stdout')[2] ?? '';
      // The local driver drops the newline after the last piece, so the next line joins it (docker logs too).
      expect(long).toBe(`x${'é'.repeat(10_000)}a 10%\rb 20%\rdone`);
      expect(long).not.toContain('\uFFFD');
    }
  });

  it('timestamps: each message starts with one, taken off the text and kept as ts', () => {
    const lines = decodeAll([logBytes('plain', '-timestamps')], { timestamps: true });
    expect(texts(lines, 'stdout')).toEqual(cliLines(cliOutput('plain').logs.stdout));
    for (const l of lines) expect(l.ts).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
  });

  it('TTY: raw bytes, one output, \\r\\n line ends, the mode read from Config.Tty', () => {
    expect(inspectPayload('tty').Config.Tty).toBe(true);
    expect(inspectPayload('plain').Config.Tty).toBe(false);
    const cli = cliLines(cliOutput('tty').logs.stdout);
    expect(cli).toContain('err');
    for (const [variant, timestamps] of [
      ['', false],
      ['-timestamps', true],
    ] as const) {
      const bytes = logBytes('tty', variant);
      for (const chunks of [[bytes], chunked(bytes, 3, 5), chunked(bytes, 5, 1)]) {
        const lines = decodeAll(chunks, { tty: true, timestamps });
        expect(lines.map((l) => l.text)).toEqual(cli);
        expect(lines.every((l) => l.stream === 'stdout' && (l.ts !== undefined) === timestamps)).toBe(true);
      }
    }
  });
});
