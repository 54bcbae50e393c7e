import { formatGoG } from './go-float.js';

const DECIMAL = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

function scale(size: number, base: number, units: string[]): [number, string] {
  let i = 0;
  while (size >= base && i < units.length - 1) {
    size /= base;
    i++;
  }
  return [size, units[i] ?? 'B'];
}

/**
 * Image and disk sizes as `docker images` prints them: decimal units, 3 significant digits
 * (go-units `HumanSizeWithPrecision(size, 3)`): 1990000 → "1.99MB".
 */
export function humanSize(bytes: number, precision = 3): string {
  const [n, unit] = scale(bytes, 1000, DECIMAL);
  return `${formatGoG(n, precision)}${unit}`;
}

/** Memory as `docker stats` prints it: binary units, 4 significant digits (go-units `BytesSize`). */
export function bytesSize(bytes: number): string {
  const [n, unit] = scale(bytes, 1024, BINARY);
  return `${formatGoG(n, 4)}${unit}`;
}
