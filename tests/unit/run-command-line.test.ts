import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { dockerRunArgs, dockerRunCommand, publishFlag } from '../../shared/run/command-line.js';
import { shQuote, splitCommand } from '../../shared/run/quote.js';
import { runSpec } from '../../shared/run/spec.js';

/** What a real POSIX shell makes of a line: its words, NUL-separated by printf. */
function shellWords(line: string): string[] {
  const out = execFileSync('sh', ['-c', `printf '%s\\0' ${line}`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

describe('shQuote', () => {
  const words = [
    'plain',
    'with space',
    "it's",
    'a "double" quote',
    '$HOME',
    '`id`',
    'back\\slash',
    'tab\there',
    'new\nline',
    '*.txt',
    '',
    'MODEL=bert base',
    "'",
    'ünïcödé',
    '!bang',
    'a;b&&c|d',
  ];
  it.each(words)('a POSIX shell reads %j back as the same word', (w) => {
    expect(shellWords(shQuote(w))).toEqual([w]);
  });

  it('leaves safe words bare, as a person would type them', () => {
    expect(shQuote('9090:7860')).toBe('9090:7860');
    expect(shQuote('127.0.0.1:5000/dev/busybox:latest')).toBe('127.0.0.1:5000/dev/busybox:latest');
    expect(shQuote('$HOME')).toBe("'$HOME'");
    expect(shQuote("it's")).toBe("'it'\\''s'");
  });
});

describe('splitCommand', () => {
  it.each([
    [`sh -c 'echo "$HOME"'`, ['sh', '-c', 'echo "$HOME"']],
    [`python app.py --name "sa gradio" --port 7860`, ['python', 'app.py', '--name', 'sa gradio', '--port', '7860']],
    [`echo a\\ b "c\\"d" 'e\\f'`, ['echo', 'a b', 'c"d', 'e\\f']],
    [`  spaced   out  `, ['spaced', 'out']],
    [`""`, ['']],
  ])('%s is split as sh would', (line, argv) => {
    expect(splitCommand(line)).toEqual({ ok: true, argv });
    expect(shellWords(line)).toEqual(argv);
  });

  it('refuses unbalanced quotes instead of guessing', () => {
    expect(splitCommand(`echo 'oops`)).toEqual({ ok: false, error: 'a single quote is not closed' });
    expect(splitCommand(`echo "oops`)).toEqual({ ok: false, error: 'a double quote is not closed' });
  });
});

describe('the equivalent docker run line', () => {
  it("is the tutorial's own command for the tutorial's own form", () => {
    const spec = runSpec.parse({
      image: 'sentiment-analysis',
      name: 'sa-gradio',
      ports: [{ hostPort: 9090, containerPort: 7860 }],
    });
    expect(dockerRunCommand(spec)).toBe('docker run -d --name sa-gradio -p 9090:7860 sentiment-analysis');
  });

  it('renders every option the form has, and the shell gives back the exact argv', () => {
    const spec = runSpec.parse({
      image: 'jupyter/base-notebook',
      name: 'my-jupyter',
      ports: [
        { hostPort: 8888, containerPort: 8888 },
        { containerPort: 8080 },
        { hostIp: '127.0.0.1', hostPort: 5353, containerPort: 53, protocol: 'udp' },
        { hostIp: '::1', containerPort: 9000 },
      ],
      env: [
        { key: 'TOKEN', value: "it's $secret" },
        { key: 'EMPTY', value: '' },
      ],
      volumes: [
        { kind: 'volume', source: 'notebooks', target: '/home/jovyan/work' },
        { kind: 'bind', source: '/data/my models', target: '/models', readOnly: true },
      ],
      command: ['start-notebook.sh', '--NotebookApp.token=', 'a "b"'],
      restart: 'on-failure',
      restartMaxRetries: 3,
      cpus: 0.5,
      memoryBytes: 512 * 1024 * 1024,
      autoRemove: true,
      labels: { 'kapal.test': 'x y' },
    });
    const args = dockerRunArgs(spec);
    expect(args).toEqual([
      'docker', 'run', '-d', '--name', 'my-jupyter',
      '-p', '8888:8888', '-p', '8080', '-p', '127.0.0.1:5353:53/udp', '-p', '[::1]::9000',
      '-e', "TOKEN=it's $secret", '-e', 'EMPTY=',
      '-v', 'notebooks:/home/jovyan/work', '-v', '/data/my models:/models:ro',
      '--restart', 'on-failure:3', '--cpus', '0.5', '--memory', '512m', '--rm',
      '--label', 'kapal.test=x y',
      'jupyter/base-notebook', 'start-notebook.sh', '--NotebookApp.token=', 'a "b"',
    ]); // prettier-ignore
    expect(shellWords(dockerRunCommand(spec))).toEqual(args);
  });

  it('publishes as the -p grammar says', () => {
    expect(publishFlag({ containerPort: 80, protocol: 'tcp' })).toBe('80');
    expect(publishFlag({ containerPort: 80, protocol: 'udp', hostIp: '0.0.0.0' })).toBe('0.0.0.0::80/udp');
    expect(publishFlag({ containerPort: 80, protocol: 'tcp', hostPort: 8000, hostIp: '::' })).toBe('[::]:8000:80');
  });
});
