import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { MIME_TYPES } from '../../shared/mime.js';

/** Serve a file of the built renderer only; anything outside `root` or missing falls back to index.html. */
export function serveStatic(root: string, pathname: string, res: ServerResponse, csp: string): void {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    rel = '/';
  }
  const resolved = path.resolve(root, `.${path.posix.normalize(`/${rel}`)}`);
  let file = resolved.startsWith(root + path.sep) ? resolved : path.join(root, 'index.html');
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  const ext = path.extname(file);
  res.writeHead(200, {
    'Content-Type': MIME_TYPES[ext] ?? 'application/octet-stream',
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': ext === '.html' ? 'no-store' : 'private, max-age=3600',
  });
  fs.createReadStream(file).pipe(res);
}
