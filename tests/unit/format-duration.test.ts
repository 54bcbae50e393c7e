import { describe, expect, it } from 'vitest';
import { createdAgo, humanDuration } from '../../shared/format/duration.js';
import {
  capture,
  cliImagesCreated,
  cliPsCreated,
  rawContainer,
  rawContainers,
  rawImages,
  primaryName,
} from './fixtures.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

describe('humanDuration (go-units HumanDuration)', () => {
  // The cases of go-units' own TestHumanDuration, plus the boundaries of each step.
  it.each([
    [0, 'Less than a second'],
    [450, 'Less than a second'],
    [999, 'Less than a second'],
    [-5 * SECOND, 'Less than a second'], // clock skew: a start time in the future
    [1 * SECOND, '1 second'],
    [1999, '1 second'],
    [2 * SECOND, '2 seconds'],
    [45 * SECOND, '45 seconds'],
    [59 * SECOND, '59 seconds'],
    [59 * SECOND + 999, '59 seconds'],
    [60 * SECOND, 'About a minute'],
    [119 * SECOND, 'About a minute'],
    [2 * MINUTE, '2 minutes'],
    [3 * MINUTE, '3 minutes'],
    [35 * MINUTE + 40 * SECOND, '35 minutes'], // minutes truncate
    [59 * MINUTE + 59 * SECOND, '59 minutes'],
    [1 * HOUR, 'About an hour'],
    [1 * HOUR + 29 * MINUTE, 'About an hour'], // hours round: 1.48 → 1
    [1 * HOUR + 30 * MINUTE, '2 hours'], // 1.5 → 2
    [1 * HOUR + 31 * MINUTE, '2 hours'],
    [3 * HOUR + 29 * MINUTE, '3 hours'],
    [3 * HOUR + 31 * MINUTE, '4 hours'],
    [24 * HOUR, '24 hours'],
    [1 * DAY + 12 * HOUR, '36 hours'],
    [47 * HOUR + 29 * MINUTE, '47 hours'],
    [47 * HOUR + 30 * MINUTE, '2 days'], // rounds to 48 hours, which is no longer < 48
    [2 * DAY, '2 days'],
    [7 * DAY, '7 days'],
    [13 * DAY + 5 * HOUR, '13 days'],
    [2 * WEEK, '2 weeks'],
    [2 * WEEK + 4 * DAY, '2 weeks'],
    [3 * WEEK, '3 weeks'],
    [4 * WEEK + 3 * DAY, '4 weeks'],
    [1 * MONTH, '4 weeks'],
    [1 * MONTH + 2 * WEEK, '6 weeks'],
    [2 * MONTH, '2 months'], // 60 days: no longer < 60 days
    [3 * MONTH + 1 * WEEK, '3 months'],
    [5 * MONTH + 2 * WEEK, '5 months'],
    [13 * MONTH, '13 months'],
    [23 * MONTH, '23 months'],
    [24 * MONTH, '24 months'], // 720 days is still < 2 × 365
    [24 * MONTH + 2 * WEEK, '2 years'],
    [2 * YEAR, '2 years'],
    [3 * YEAR + 2 * MONTH, '3 years'],
    [10 * YEAR, '10 years'],
  ])('%d ms → %s', (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });
});

describe('createdAgo (the CREATED column)', () => {
  it('reads the created time in seconds and now in milliseconds', () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    expect(createdAgo(now / 1000 - 2 * 3600, now)).toBe('2 hours ago');
    expect(createdAgo(now / 1000 - 90, now)).toBe('About a minute ago');
    expect(createdAgo(now / 1000 + 30, now)).toBe('Less than a second ago');
  });
});

/**
 * The recorder noted the wall clock just before and just after each snapshot. The CLI (and the engine,
 * for Status) computed "now" somewhere in between; HumanDuration only grows with time, so what they
 * printed must be what humanDuration gives at one of the two bounds.
 */
function atEitherBound(bounds: { before: number; after: number }, f: (now: number) => string): string[] {
  return [...new Set([f(bounds.before), f(bounds.after)])];
}

describe('against the recorded CLI and engine', () => {
  it.each(cliPsCreated.map((l) => [l.name, l.runningFor] as const))(
    'docker ps CREATED of %s: %s',
    (name, runningFor) => {
      const created = rawContainer(name).Created;
      expect(atEitherBound(capture.containers, (now) => createdAgo(created, now))).toContain(runningFor);
    },
  );

  it.each(cliImagesCreated.map((l) => [l.id, l.createdSince] as const))(
    'docker images CREATED of %s: %s',
    (id, createdSince) => {
      const image = rawImages.find((i) => i.Id.replace(/^sha256:/, '').startsWith(id));
      expect(image).toBeDefined();
      expect(atEitherBound(capture.images, (now) => createdAgo(image?.Created ?? 0, now))).toContain(createdSince);
    },
  );

  // The engine builds Status as "Up " + HumanDuration(now - StartedAt) and
  // "Exited (code) " + HumanDuration(now - FinishedAt) + " ago".
  const withTimes = rawContainers.filter((c) => c.State === 'running' || c.State === 'exited');
  it.each(withTimes.map((c) => [primaryName(c), c.Status] as const))('engine Status of %s: %s', (name, status) => {
    const state = capture.state[name];
    expect(state).toBeDefined();
    const running = rawContainer(name).State === 'running';
    const since = Date.parse(running ? (state?.StartedAt ?? '') : (state?.FinishedAt ?? ''));
    const text = (now: number) =>
      running ? `Up ${humanDuration(now - since)}` : `Exited (${state?.ExitCode}) ${humanDuration(now - since)} ago`;
    expect(atEitherBound(capture.containers, text)).toContain(status);
  });

  it('covers running and exited containers', () => {
    expect(withTimes.map((c) => c.State).sort()).toEqual(expect.arrayContaining(['exited', 'running']));
  });
});
