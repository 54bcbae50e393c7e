/**
 * Go's `%.Ng` formatting, which go-units (and so the Docker CLI) uses for sizes: N significant digits,
 * round half to even on the exact decimal value, trailing zeros dropped, exponent form (`1e+03`) when the
 * exponent is < -4 or >= N.
 */
export function formatGoG(value: number, precision: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const negative = value < 0;
  const abs = Math.abs(value);
  // toPrecision(100) is exact for every double in the ranges we format (sizes and rates).
  const [mantissa = '0', expText = '0'] = abs.toExponential(99).split('e');
  let digits = mantissa.replace('.', '');
  let exp = Number(expText);
  const keep = digits.slice(0, precision).split('').map(Number);
  const rest = digits.slice(precision);
  const first = rest.charCodeAt(0) - 48;
  const tail = rest.slice(1);
  const roundUp = first > 5 || (first === 5 && (/[1-9]/.test(tail) || (keep[keep.length - 1] ?? 0) % 2 === 1));
  if (roundUp) {
    let i = keep.length - 1;
    while (i >= 0) {
      const d = (keep[i] ?? 0) + 1;
      if (d < 10) {
        keep[i] = d;
        break;
      }
      keep[i] = 0;
      i--;
    }
    if (i < 0) {
      keep.unshift(1);
      keep.pop();
      exp++;
    }
  }
  digits = keep.join('');
  let out: string;
  if (exp < -4 || exp >= precision) {
    const m = trimZeros(digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits);
    const sign = exp < 0 ? '-' : '+';
    out = `${m}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  } else if (exp >= 0) {
    const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    const frac = digits.slice(exp + 1);
    out = trimZeros(frac ? `${intPart}.${frac}` : intPart);
  } else {
    out = trimZeros(`0.${'0'.repeat(-exp - 1)}${digits}`);
  }
  return negative ? `-${out}` : out;
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}
