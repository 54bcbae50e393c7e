/**
 * Which URLs Kapal may hand to the operating system's browser (`shell.openExternal`). Pure: the
 * Electron side calls it from its one guarded `openExternal`, and it has a table test.
 *
 * Allowed: `http(s)` to this machine's loopback with an explicit port (a container's published
 * port), and `https` to a short, explicit list of documentation hosts. Everything else, including
 * `file:`, custom schemes and URLs with credentials, is refused, because a compromised renderer
 * could otherwise launch arbitrary programs through URL handlers.
 */

/**
 * The WHATWG URL parser is a global in every runtime Kapal runs in (Node, Electron, browsers) but not
 * in the ES library shared/ compiles against; this declares just the part used here. Using the real
 * parser matters: a hand-written one could disagree with what the OS is finally given.
 */
interface ParsedUrl {
  readonly protocol: string;
  readonly hostname: string;
  readonly port: string;
  readonly username: string;
  readonly password: string;
  readonly href: string;
}
declare const URL: new (input: string) => ParsedUrl;

/** Documentation hosts that hints and help link to. Exact names: no subdomain wildcards. */
export const DOCUMENTATION_HOSTS: readonly string[] = [
  'docs.docker.com',
  // WSL 2 install and troubleshooting pages.
  'learn.microsoft.com',
  'docs.orbstack.dev',
  'podman.io',
  'docs.podman.io',
];

/** Host names of this machine's loopback, as the WHATWG URL parser spells them. */
const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** Longer than any URL a hint or a port link produces; caps what reaches the OS. */
const MAX_URL_LENGTH = 2048;

/**
 * The authority ends in `:digits`. Checked on the raw text because the URL parser drops a default
 * port (`http://localhost:80` has `port === ''`), and a container may well publish port 80.
 */
const EXPLICIT_PORT = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*:(\d{1,5})(?:[/?#]|$)/i;

/** The URL parser silently strips tabs, newlines and edge spaces; such input is refused instead. */
function hasControlOrSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * The normalised URL to open if `url` is allowed, else `null`. Callers open the returned text,
 * not their input, so what the OS sees is exactly what was checked.
 */
export function normalizeExternalUrl(url: string): string | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) return null;
  if (hasControlOrSpace(url)) return null;
  let parsed: ParsedUrl;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;

  if (LOOPBACK_HOSTS.includes(parsed.hostname)) {
    const port = Number(EXPLICIT_PORT.exec(url)?.[1] ?? NaN);
    return port >= 1 && port <= 65535 ? parsed.href : null;
  }
  if (parsed.protocol === 'https:' && parsed.port === '' && DOCUMENTATION_HOSTS.includes(parsed.hostname)) {
    return parsed.href;
  }
  return null;
}

/** True when {@link normalizeExternalUrl} would let `url` be opened in the user's browser. */
export function isExternalUrlAllowed(url: string): boolean {
  return normalizeExternalUrl(url) !== null;
}
