/**
 * The host port named in the engine's own port errors, so they can be shown as the form's messages:
 * "Bind for 0.0.0.0:8080 failed: port is already allocated" (another container) and
 * "listen tcp4 0.0.0.0:8080: bind: address already in use" (another program).
 */
export function portInEngineError(message: string): number | undefined {
  const m = /:(\d+)(?: failed: port is already allocated|: bind: address already in use)/.exec(message);
  const n = m ? Number(m[1]) : NaN;
  return Number.isInteger(n) && n > 0 && n <= 65535 ? n : undefined;
}
