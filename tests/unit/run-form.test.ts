import { describe, expect, it } from 'vitest';
import { parseDotenv } from '../../shared/run/dotenv.js';
import { draftToSpec, emptyDraft, emptyPort, type RunDraft } from '../../shared/run/draft.js';
import { likelyCause } from '../../shared/run/exit-cause.js';
import { memoryFlag, parseMemory } from '../../shared/run/memory.js';
import { isDangerousBind, parsePort } from '../../shared/run/validate.js';

function draft(patch: Partial<RunDraft>): RunDraft {
  return { ...emptyDraft('kapal-test/busybox:latest'), ...patch };
}

describe('.env paste', () => {
  it('reads KEY=VALUE lines as compose does', () => {
    const r = parseDotenv(
      [
        '# model settings',
        'MODEL=bert-base',
        'export PORT=7860',
        'GREETING="hello\\nworld"',
        "RAW='no $expansion \\n here'",
        'TRAILING=value # a comment',
        'HASH=a#b',
        'EMPTY=',
        '',
        'MODEL=bert-large',
        'not a line',
        '1BAD=x',
      ].join('\r\n'),
    );
    expect(r.vars).toEqual([
      { key: 'MODEL', value: 'bert-large' },
      { key: 'PORT', value: '7860' },
      { key: 'GREETING', value: 'hello\nworld' },
      { key: 'RAW', value: 'no $expansion \\n here' },
      { key: 'TRAILING', value: 'value' },
      { key: 'HASH', value: 'a#b' },
      { key: 'EMPTY', value: '' },
    ]);
    expect(r.errors.map((e) => [e.line, e.message])).toEqual([
      [11, 'expected KEY=VALUE'],
      [12, '"1BAD" is not a variable name'],
    ]);
  });
});

describe('port fields', () => {
  it.each([
    ['8080', { ok: true, port: 8080 }],
    [' 1 ', { ok: true, port: 1 }],
    ['65535', { ok: true, port: 65535 }],
  ])('%j is a port', (text, want) => expect(parsePort(text)).toEqual(want));
  it.each(['0', '65536', '70000', '80.5', '-1', 'abc', '', '8080/tcp', '1e3'])('%j is not', (text) => {
    expect(parsePort(text).ok).toBe(false);
  });
});

describe('memory limits as docker run --memory reads them', () => {
  it.each([
    ['512m', 536870912],
    ['512M', 536870912],
    ['1.5g', 1610612736],
    ['64MiB', 67108864],
    ['100k', 102400],
    ['2048', 2048],
    ['10b', 10],
  ])('%s = %d bytes', (text, bytes) => {
    expect(parseMemory(text)).toBe(bytes);
  });
  it.each(['', 'lots', '5x', '-1m'])('%j is refused', (text) => expect(parseMemory(text)).toBeUndefined());
  it('writes the shortest exact flag back', () => {
    expect(memoryFlag(536870912)).toBe('512m');
    expect(memoryFlag(1610612736)).toBe('1536m');
    expect(memoryFlag(2 * 1024 ** 3)).toBe('2g');
    expect(memoryFlag(1000)).toBe('1000b');
  });
});

describe('the form draft', () => {
  it('catches every field problem before the engine is asked', () => {
    const { problems } = draftToSpec(
      draft({
        name: '-nope',
        ports: [
          { ...emptyPort(), hostPort: 'abc', containerPort: '8080' },
          { ...emptyPort(), hostPort: '8000', containerPort: '70000' },
          { ...emptyPort(), hostPort: '9000', containerPort: '80' },
          { ...emptyPort(), hostPort: '9000', containerPort: '81' },
          { ...emptyPort(), hostPort: '9000', containerPort: '53', protocol: 'udp' },
        ],
        env: [{ key: 'A B', value: '1' }],
        command: "echo 'unclosed",
        cpus: '-2',
        memory: '1k',
        volumes: [{ kind: 'bind', source: 'relative/dir', target: 'no-slash', readOnly: false }],
      }),
    );
    const byField = Object.fromEntries(problems.map((p) => [p.field, p.message]));
    expect(byField).toMatchObject({
      name: 'A name starts with a letter or digit, then letters, digits, _ . or -.',
      'ports.0.hostPort': 'A port is a whole number from 1 to 65535.',
      'ports.1.containerPort': 'Ports go from 1 to 65535.',
      'ports.3.hostPort': 'Host port 9000/tcp is already asked for in row 3.',
      'env.0.key': 'A variable name cannot be empty or contain "=" or spaces.',
      command: 'The command cannot be read: a single quote is not closed.',
      cpus: 'CPUs are a positive number, like 0.5 or 2.',
      'volumes.0.target': 'The path inside the container must start with /.',
    });
    // UDP 9000 does not clash with TCP 9000.
    expect(byField['ports.4.hostPort']).toBeUndefined();
  });

  it('turns a good draft into the spec the engine gets', () => {
    const { spec, problems } = draftToSpec(
      draft({
        name: 'sa-gradio',
        ports: [
          { ...emptyPort(), hostPort: '9090', containerPort: '7860' },
          { ...emptyPort(), any: true, containerPort: '22' },
        ],
        command: `python app.py --title "Sentiment analysis"`,
        memory: '512m',
        cpus: '0.5',
        labels: 'team=ml\nkapal.test=1',
      }),
    );
    expect(problems).toEqual([]);
    expect(spec).toMatchObject({
      name: 'sa-gradio',
      ports: [
        { hostPort: 9090, containerPort: 7860, protocol: 'tcp' },
        { containerPort: 22, protocol: 'tcp' },
      ],
      command: ['python', 'app.py', '--title', 'Sentiment analysis'],
      memoryBytes: 536870912,
      cpus: 0.5,
      labels: { team: 'ml', 'kapal.test': '1' },
    });
  });

  it('asks for the acknowledgement before risky options, and flags dangerous binds', () => {
    const risky = draftToSpec(draft({ privileged: true }));
    expect(risky.problems).toEqual([
      { field: 'risky', code: 'RISKY', message: 'Tick the acknowledgement to use --privileged.' },
    ]);
    expect(draftToSpec(draft({ privileged: true, acknowledged: true })).problems).toEqual([]);
    const sock = draftToSpec(
      draft({
        volumes: [{ kind: 'bind', source: '/var/run/docker.sock', target: '/var/run/docker.sock', readOnly: false }],
      }),
    );
    expect(sock.problems.map((p) => p.field)).toEqual(['risky']);
    expect(isDangerousBind('/')).toBe(true);
    expect(isDangerousBind('/home/me/project')).toBe(false);
  });
});

describe('the likely cause of a container that dies straight away', () => {
  const base = { name: 'sa-gradio', oomKilled: false, error: '', lines: [] as string[] };
  it('reads the exit code the way the troubleshooting guide does', () => {
    expect(likelyCause({ ...base, exitCode: 0 })).toContain('Its command finished');
    expect(likelyCause({ ...base, exitCode: 127 })).toContain('not found in the image');
    expect(likelyCause({ ...base, exitCode: 137 })).toContain('SIGKILL');
    expect(likelyCause({ ...base, exitCode: 137, oomKilled: true })).toContain('ran out of memory');
    expect(likelyCause({ ...base, exitCode: 3 })).toBe(
      'The application failed with code 3: read its logs above (docker logs sa-gradio) for the error.',
    );
    expect(likelyCause({ ...base, exitCode: 1, lines: ['OSError: [Errno 98] Address already in use'] })).toContain(
      'A port it needs is already in use',
    );
  });
});
