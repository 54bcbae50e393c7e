import { shell } from 'electron';
import { normalizeExternalUrl } from '../../shared/url-policy.js';

/**
 * The one way Kapal opens a URL in the user's browser. The URL must pass the policy in
 * `shared/url-policy.ts`; the normalised form is what the OS receives. Returns whether it was opened.
 */
export function openExternal(url: string): boolean {
  const href = normalizeExternalUrl(url);
  if (href === null) return false;
  shell.openExternal(href).catch((err: unknown) => {
    // Nothing to tell the renderer: the user clicked a link and no browser came up; the log says why.
    console.warn(`Kapal: could not open ${href}: ${err instanceof Error ? err.message : String(err)}`);
  });
  return true;
}
