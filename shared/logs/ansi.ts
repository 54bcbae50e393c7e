/**
 * One log line as a terminal would show it: SGR colours and attributes kept as styled segments;
 * carriage return, backspace and erase-in-line applied to the line's cells (a progress line rewritten by
 * `\r` shows only its final state); cursor moves within the line honoured; every other escape sequence
 * (OSC titles and hyperlinks, private modes, cursor up/down) and control character removed. Pure.
 */

/** A colour: 0-255 is the xterm palette (0-15 follow the theme), a string is `#rrggbb`. */
export type AnsiColor = number | string;

/** The SGR attributes in effect for a run of text. Objects are shared and never mutated. */
export interface AnsiStyle {
  fg?: AnsiColor;
  bg?: AnsiColor;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
  strike?: boolean;
}

/** A run of text in one style. */
export interface Segment {
  text: string;
  style: AnsiStyle;
}

const PLAIN: AnsiStyle = Object.freeze({});

function hex(n: number): string {
  return n.toString(16).padStart(2, '0');
}

/** The `#rrggbb` of xterm palette entries 16-255 (the 6×6×6 cube and the grey ramp). */
export function paletteHex(index: number): string {
  if (index >= 232) {
    const v = 8 + (index - 232) * 10;
    return `#${hex(v)}${hex(v)}${hex(v)}`;
  }
  const i = index - 16;
  const level = (x: number) => (x === 0 ? 0 : 55 + x * 40);
  return `#${hex(level(Math.floor(i / 36)))}${hex(level(Math.floor(i / 6) % 6))}${hex(level(i % 6))}`;
}

/** Read an extended colour (`38;5;N` or `38;2;R;G;B`) starting after the 38/48; returns it and the params used. */
function extended(params: number[], i: number): [AnsiColor | undefined, number] {
  const mode = params[i];
  if (mode === 5) {
    const n = params[i + 1];
    return [n !== undefined && n >= 0 && n <= 255 ? n : undefined, 2];
  }
  if (mode === 2) {
    const [r, g, b] = [params[i + 1], params[i + 2], params[i + 3]];
    if (r === undefined || g === undefined || b === undefined) return [undefined, 4];
    const c = (x: number) => hex(Math.max(0, Math.min(255, x)));
    return [`#${c(r)}${c(g)}${c(b)}`, 4];
  }
  return [undefined, 1];
}

/** Apply one SGR sequence's parameters to a style, returning a new style object when anything changed. */
export function applySgr(style: AnsiStyle, params: number[]): AnsiStyle {
  if (params.length === 0) return PLAIN;
  let s: AnsiStyle = { ...style };
  for (let i = 0; i < params.length; i++) {
    const p = params[i] ?? 0;
    if (p === 0) s = {};
    else if (p === 1) s.bold = true;
    else if (p === 2) s.dim = true;
    else if (p === 3) s.italic = true;
    else if (p === 4) s.underline = true;
    else if (p === 7) s.inverse = true;
    else if (p === 9) s.strike = true;
    else if (p === 22) s.bold = s.dim = undefined;
    else if (p === 23) s.italic = undefined;
    else if (p === 24) s.underline = undefined;
    else if (p === 27) s.inverse = undefined;
    else if (p === 29) s.strike = undefined;
    else if (p >= 30 && p <= 37) s.fg = p - 30;
    else if (p >= 90 && p <= 97) s.fg = p - 90 + 8;
    else if (p === 39) s.fg = undefined;
    else if (p >= 40 && p <= 47) s.bg = p - 40;
    else if (p >= 100 && p <= 107) s.bg = p - 100 + 8;
    else if (p === 49) s.bg = undefined;
    else if (p === 38 || p === 48) {
      const [color, used] = extended(params, i + 1);
      if (color !== undefined) s[p === 38 ? 'fg' : 'bg'] = color;
      i += used;
    }
  }
  for (const k of Object.keys(s) as Array<keyof AnsiStyle>) if (s[k] === undefined) delete s[k];
  return Object.keys(s).length === 0 ? PLAIN : s;
}

/** Whether a line needs the terminal pass at all (most lines are plain text). */
export function isPlainLine(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    // C0 controls other than tab, DEL, and the C1 CSI make a line more than plain text.
    if ((c < 0x20 && c !== 0x09) || c === 0x7f || c === 0x9b) return false;
  }
  return true;
}

/**
 * The line as a terminal would leave it, as styled segments. A `\t` is kept as a character (the view's
 * tab stops render it), cursor movement beyond the end pads with spaces.
 */
export function renderLine(line: string): Segment[] {
  if (isPlainLine(line)) return line ? [{ text: line, style: PLAIN }] : [];
  const chars: string[] = [];
  const styles: AnsiStyle[] = [];
  let cursor = 0;
  let style = PLAIN;
  const put = (ch: string) => {
    while (chars.length < cursor) {
      chars.push(' ');
      styles.push(PLAIN);
    }
    chars[cursor] = ch;
    styles[cursor] = style;
    cursor++;
  };
  const n = line.length;
  let i = 0;
  while (i < n) {
    const code = line.charCodeAt(i);
    if (code === 0x1b || code === 0x9b) {
      const csi = code === 0x9b || line[i + 1] === '[';
      if (csi) {
        let j = i + (code === 0x9b ? 1 : 2);
        const start = j;
        while (j < n && line.charCodeAt(j) >= 0x30 && line.charCodeAt(j) <= 0x3f) j++;
        const paramText = line.slice(start, j);
        while (j < n && line.charCodeAt(j) >= 0x20 && line.charCodeAt(j) <= 0x2f) j++;
        const final = line[j];
        i = j + 1;
        if (final === undefined) break;
        if (/[<=>?]/.test(paramText)) continue; // private modes (cursor visibility, …): nothing on the line
        const params = paramText === '' ? [] : paramText.split(/[;:]/).map((x) => (x === '' ? 0 : Number(x)));
        const first = params[0] ?? 0;
        if (final === 'm') style = applySgr(style, params);
        else if (final === 'K') {
          if (first === 0) {
            chars.length = Math.min(chars.length, cursor);
            styles.length = chars.length;
          } else if (first === 2) {
            // Erased cells are empty, not spaces: text written later at the cursor is padded up to it.
            chars.length = 0;
            styles.length = 0;
          } else {
            for (let k = 0; k < Math.min(cursor + 1, chars.length); k++) {
              chars[k] = ' ';
              styles[k] = PLAIN;
            }
          }
        } else if (final === 'G') cursor = Math.max(0, (first || 1) - 1);
        else if (final === 'C') cursor += first || 1;
        else if (final === 'D') cursor = Math.max(0, cursor - (first || 1));
        continue;
      }
      const next = line[i + 1];
      if (next === ']' || next === 'P' || next === '_' || next === '^') {
        // OSC / DCS / APC / PM: up to BEL or ESC \ (an OSC 8 hyperlink keeps its visible text).
        let j = i + 2;
        while (j < n && line.charCodeAt(j) !== 0x07 && !(line.charCodeAt(j) === 0x1b && line[j + 1] === '\\')) j++;
        i = j < n && line.charCodeAt(j) === 0x07 ? j + 1 : j + 2;
        continue;
      }
      // Any other escape: ESC, intermediate bytes (ESC ( B picks a character set), one final byte.
      let j = i + 1;
      while (j < n && line.charCodeAt(j) >= 0x20 && line.charCodeAt(j) <= 0x2f) j++;
      i = j + 1;
      continue;
    }
    if (code === 0x0d) cursor = 0;
    else if (code === 0x08) cursor = Math.max(0, cursor - 1);
    else if (code >= 0x20 || code === 0x09) {
      // Keep a surrogate pair together as one cell.
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
        put(line.slice(i, i + 2));
        i += 2;
        continue;
      }
      if (code !== 0x7f) put(line[i] ?? '');
    }
    i++;
  }
  const out: Segment[] = [];
  for (let k = 0; k < chars.length; k++) {
    const s = styles[k] ?? PLAIN;
    const last = out[out.length - 1];
    if (last && last.style === s) last.text += chars[k];
    else out.push({ text: chars[k] ?? '', style: s });
  }
  return out;
}

/** The text a person sees on the line: for search, copy and download. */
export function plainText(line: string): string {
  if (isPlainLine(line)) return line;
  let s = '';
  for (const seg of renderLine(line)) s += seg.text;
  return s;
}
