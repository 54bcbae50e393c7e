import { describe, expect, it } from 'vitest';
import { applySgr, paletteHex, plainText, renderLine } from '../../shared/logs/ansi.js';

const ESC = '\u001b';

describe('renderLine: SGR colours and attributes', () => {
  it('a plain line is one unstyled segment, an empty line none', () => {
    expect(renderLine('hello world')).toEqual([{ text: 'hello world', style: {} }]);
    expect(renderLine('')).toEqual([]);
  });

  it('basic and bright colours, bold, reset', () => {
    expect(renderLine(`café ${ESC}[31mred${ESC}[0m ${ESC}[1mbold${ESC}[0m`)).toEqual([
      { text: 'café ', style: {} },
      { text: 'red', style: { fg: 1 } },
      { text: ' ', style: {} },
      { text: 'bold', style: { bold: true } },
    ]);
    expect(renderLine(`${ESC}[1;92;44mok${ESC}[39mx${ESC}[mz`)).toEqual([
      { text: 'ok', style: { bold: true, fg: 10, bg: 4 } },
      { text: 'x', style: { bold: true, bg: 4 } },
      { text: 'z', style: {} },
    ]);
  });

  it('256-colour and true-colour forms', () => {
    expect(renderLine(`${ESC}[38;5;196ma${ESC}[48;2;1;2;255mb`)).toEqual([
      { text: 'a', style: { fg: 196 } },
      { text: 'b', style: { fg: 196, bg: '#0102ff' } },
    ]);
    expect(paletteHex(196)).toBe('#ff0000');
    expect(paletteHex(16)).toBe('#000000');
    expect(paletteHex(231)).toBe('#ffffff');
    expect(paletteHex(244)).toBe('#808080');
  });

  it('attribute off codes undo only their attribute', () => {
    expect(applySgr({ bold: true, underline: true, fg: 2 }, [22])).toEqual({ underline: true, fg: 2 });
    expect(applySgr({ underline: true }, [24])).toEqual({});
  });
});

describe('renderLine: carriage return and other control sequences, as a terminal shows them', () => {
  it('a progress line rewritten with \\r shows its final state (overwriting cell by cell)', () => {
    expect(plainText('10%\r20%\r30%')).toBe('30%');
    // A shorter rewrite leaves the tail of the longer text, as a terminal does.
    expect(plainText('a 10%\rb 20%\rdone')).toBe('done%');
    // Programs clear the rest of the line with ESC[K (or ESC[2K) for that reason.
    expect(plainText(`a 10%\r${ESC}[Kdone`)).toBe('done');
    expect(plainText(`a 10%${ESC}[2K\rdone`)).toBe('done');
    expect(plainText(`downloading${ESC}[1Gdone`)).toBe('doneloading');
  });

  it('the overwriting keeps the style of each character', () => {
    expect(renderLine(`${ESC}[31m....${ESC}[0m\r${ESC}[32mok`)).toEqual([
      { text: 'ok', style: { fg: 2 } },
      { text: '..', style: { fg: 1 } },
    ]);
  });

  it('backspace, cursor forward, and a trailing \\r', () => {
    expect(plainText('abc\b\bX')).toBe('aXc');
    expect(plainText(`a${ESC}[3Cb`)).toBe('a   b');
    expect(plainText('line\r')).toBe('line');
  });

  it('strips escapes that do not draw on the line: OSC title, hyperlinks, private modes, cursor up, bell', () => {
    expect(plainText(`${ESC}]0;title\u0007text`)).toBe('text');
    expect(plainText(`${ESC}]8;;https://example.com${ESC}\\link${ESC}]8;;${ESC}\\ after`)).toBe('link after');
    expect(plainText(`${ESC}[?25lhidden cursor${ESC}[?25h`)).toBe('hidden cursor');
    expect(plainText(`up${ESC}[2A!\u0007`)).toBe('up!');
    expect(plainText(`${ESC}(Bcharset`)).toBe('charset');
    // A sequence cut off at the end of the line is dropped, not shown.
    expect(plainText(`cut${ESC}[3`)).toBe('cut');
  });

  it('keeps tabs and characters outside the BMP', () => {
    expect(plainText('a\tb')).toBe('a\tb');
    expect(plainText('🚢 10%\r🚢 99%')).toBe('🚢 99%');
  });
});
