import { memo, type CSSProperties } from 'react';
import { paletteHex, plainText, renderLine, type AnsiColor, type AnsiStyle } from '../../../../shared/logs/ansi.js';
import { t } from '../../../../shared/i18n/index.js';
import { findInText, markSegments } from '../../../../shared/logs/search.js';
import type { LogEntry } from './useContainerLogs.js';

/** The view's fixed line height in px: virtualisation depends on every line being exactly this tall. */
export const LINE_HEIGHT = 18;

/** The text a person sees on the line (ANSI and `\r` resolved), computed once per line. */
export function entryPlain(e: LogEntry): string {
  e.plain ??= plainText(e.text);
  return e.plain;
}

function colorClass(kind: 'fg' | 'bg', c: AnsiColor | undefined, css: CSSProperties, classes: string[]): void {
  if (c === undefined) return;
  if (typeof c === 'number' && c < 16) classes.push(`ansi-${kind}-${c}`);
  else css[kind === 'fg' ? 'color' : 'backgroundColor'] = typeof c === 'number' ? paletteHex(c) : c;
}

/** Classes and inline colours for a style: palette 0-15 follow the theme (CSS), the rest are exact. */
function styleProps(s: AnsiStyle): { className?: string; style?: CSSProperties } {
  const classes: string[] = [];
  const css: CSSProperties = {};
  if (s.inverse) {
    classes.push('ansi-inverse');
    colorClass('fg', s.bg, css, classes);
    colorClass('bg', s.fg, css, classes);
  } else {
    colorClass('fg', s.fg, css, classes);
    colorClass('bg', s.bg, css, classes);
  }
  if (s.bold) classes.push('ansi-bold');
  if (s.dim) classes.push('ansi-dim');
  if (s.italic) classes.push('ansi-italic');
  if (s.underline) classes.push('ansi-underline');
  if (s.strike) classes.push('ansi-strike');
  return {
    ...(classes.length ? { className: classes.join(' ') } : {}),
    ...(Object.keys(css).length ? { style: css } : {}),
  };
}

interface Props {
  entry: LogEntry;
  top: number;
  showTs: boolean;
  search: RegExp | undefined;
  /** Start offset of the current match on this line, if it is on this line. */
  currentStart: number | undefined;
}

/** One line of the log view, absolutely placed at `top`. */
export const LogLine = memo(function LogLine({ entry, top, showTs, search, currentStart }: Props) {
  entry.segments ??= renderLine(entry.text);
  const ranges = search ? findInText(entryPlain(entry), search) : [];
  const current = currentStart === undefined ? undefined : ranges.findIndex((r) => r[0] === currentStart);
  const pieces = markSegments(entry.segments, ranges, current);
  const stderr = entry.stream === 'stderr';
  return (
    <div className={stderr ? 'log-line stderr' : 'log-line'} style={{ top }} data-stream={entry.stream}>
      {stderr && <span className="sr-only">{t('logs.stderr')}: </span>}
      {showTs && entry.ts && <span className="log-ts">{entry.ts} </span>}
      {pieces.map((p, i) => {
        const props = styleProps(p.style);
        if (p.mark)
          return (
            <mark
              key={i}
              {...props}
              className={`log-match${p.mark === 'current' ? ' current' : ''} ${props.className ?? ''}`}
            >
              {p.text}
            </mark>
          );
        return props.className || props.style ? (
          <span key={i} {...props}>
            {p.text}
          </span>
        ) : (
          p.text
        );
      })}
    </div>
  );
});
