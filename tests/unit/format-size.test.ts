import { describe, expect, it } from 'vitest';
import { formatGoG } from '../../shared/format/go-float.js';
import { bytesSize, humanSize } from '../../shared/format/size.js';
import { cliImages, rawImageByBytes, rawImages } from './fixtures.js';

const shortId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

describe('humanSize against `docker images` (recorded)', () => {
  it.each(cliImages.map((l) => [`${l.repository}:${l.tag}`, l] as const))('%s: SIZE column', (_ref, line) => {
    const image = rawImages.find((i) => shortId(i.Id) === line.id);
    expect(image, `images.json has ${line.id}`).toBeDefined();
    expect(humanSize(image?.Size ?? Number.NaN)).toBe(line.size);
  });

  // The fixture images were built with a pad file of exactly these sizes, to pin go-units' edge cases;
  // the right column is what the rule (HumanSizeWithPrecision(size, 3), Go %.3g) says, and the CLI agrees.
  it.each([
    [999, '999B'],
    [1000, '1kB'],
    [999_999, '1e+03kB'], // 999.999 kB has 4 significant digits before rounding: %g switches to exponent form
    [1_135_000, '1.14MB'], // the double nearest 1.135 is 1.13500000000000000888…, just above the tie
    [1_375_000, '1.38MB'], // exact tie, 7 is odd: half to even rounds up
    [2_125_000, '2.12MB'], // exact tie, 2 is even: stays
    [1_985_472, '1.99MB'], // kapal-test/busybox
  ])('%d bytes: the CLI printed %s, and so does humanSize', (bytes, expected) => {
    const image = bytes === 1_985_472 ? rawImages.find((i) => i.Size === bytes) : rawImageByBytes(bytes);
    expect(image?.Size).toBe(bytes);
    const printed = cliImages.find((l) => l.id === shortId(image?.Id ?? ''))?.size;
    expect(printed).toBe(expected);
    expect(humanSize(bytes)).toBe(expected);
  });
});

describe('humanSize rules (go-units HumanSizeWithPrecision, decimal units)', () => {
  it.each([
    [0, '0B'],
    [1, '1B'],
    [999, '999B'],
    [1000, '1kB'],
    [1024, '1.02kB'],
    [999_499, '999kB'],
    [999_500, '1e+03kB'], // 999.5 is an exact tie; 9 is odd, so it rounds up to 1000 → exponent form
    [999_999, '1e+03kB'],
    [1_000_000, '1MB'],
    [1_125_000, '1.12MB'], // 1.125 exactly: round half to even
    [1_990_000, '1.99MB'],
    [2_000_000, '2MB'],
    [123_456_789, '123MB'],
    [3_420_000_000, '3.42GB'],
    [1.5e12, '1.5TB'],
    [1e15, '1PB'],
    [1e27, '1e+03YB'], // YB is the last unit: no further division
  ])('%d → %s', (bytes, expected) => {
    expect(humanSize(bytes)).toBe(expected);
  });

  // go-units' own TestHumanSize (HumanSize = precision 4).
  it.each([
    [1000, '1kB'],
    [1024, '1.024kB'],
    [1_000_000, '1MB'],
    [1_048_576, '1.049MB'],
    [2_000_000, '2MB'],
    [3_420_000_000, '3.42GB'],
    [5_372_000_000_000, '5.372TB'],
    [2_220_000_000_000_000, '2.22PB'],
    [1e28, '1e+04YB'],
  ])('precision 4: %d → %s', (bytes, expected) => {
    expect(humanSize(bytes, 4)).toBe(expected);
  });
});

describe('bytesSize rules (go-units BytesSize: binary units, %.4g, as docker stats)', () => {
  const KiB = 1024;
  const MiB = KiB * 1024;
  const GiB = MiB * 1024;
  const TiB = GiB * 1024;
  const PiB = TiB * 1024;
  it.each([
    // go-units' own TestBytesSize
    [1024, '1KiB'],
    [1024 * 1024, '1MiB'],
    [2 * MiB, '2MiB'],
    [3.42 * GiB, '3.42GiB'],
    [5.372 * TiB, '5.372TiB'],
    [2.22 * PiB, '2.22PiB'],
    [KiB * KiB * KiB * KiB * KiB * PiB, '1.049e+06YiB'],
    // the rule at its edges
    [0, '0B'],
    [1000, '1000B'], // below 1024 stays in bytes; 4 significant digits fit
    [1023, '1023B'],
    [1056, '1.031KiB'], // 1.03125 → 4 digits
    [1088, '1.062KiB'], // 1.0625: exact tie, 2 is even
    [1216, '1.188KiB'], // 1.1875: exact tie, 7 is odd
    [MiB - 1, '1024KiB'], // 1023.999 KiB rounds to 1024 with 4 digits, still under the 1024 threshold
    [64 * MiB, '64MiB'],
    [1.5 * GiB, '1.5GiB'],
  ])('%d → %s', (bytes, expected) => {
    expect(bytesSize(bytes)).toBe(expected);
  });
});

describe('formatGoG (Go %.Ng)', () => {
  it.each([
    [0, 3, '0'],
    [1, 3, '1'],
    [100, 3, '100'], // exponent 2 < precision 3: plain
    [1000, 3, '1e+03'], // exponent 3 >= precision 3
    [1000, 4, '1000'],
    [123_456, 3, '1.23e+05'],
    [1.5, 3, '1.5'], // trailing zeros dropped
    [2.5, 1, '2'], // exact tie, half to even
    [3.5, 1, '4'],
    [0.125, 2, '0.12'],
    [9.995, 3, '9.99'], // the double is 9.99499999…
    [9.9951, 3, '10'],
    [99.96, 3, '100'],
    [999.96, 4, '1000'],
    [9999.6, 4, '1e+04'], // rounding carries into a new digit and then needs the exponent form
    [0.0001234, 3, '0.000123'], // exponent -4 still plain
    [0.00001234, 3, '1.23e-05'], // exponent -5: %e form
    [1e21, 3, '1e+21'],
    [1e100, 3, '1e+100'], // three-digit exponent
    [-2.5, 2, '-2.5'],
    [-1234.5, 3, '-1.23e+03'],
    [5e-324, 3, '4.94e-324'], // smallest subnormal
    [Number.MAX_VALUE, 4, '1.798e+308'],
  ])('%d with precision %d → %s', (value, precision, expected) => {
    expect(formatGoG(value, precision)).toBe(expected);
  });
});
