import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultCandidates, dockerConfigDir, resolveEndpoint, type EndpointResult } from '../../shared/endpoint.js';

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function exists(url: string): boolean {
  const p = url.replace(/^(unix|npipe):\/\//, '');
  try {
    fs.statSync(p);
    return true;
  } catch {
    return false;
  }
}

/** Read env, config.json and context metadata from disk, then resolve with the pure function. */
export function resolveFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  homeDir: string = os.homedir(),
): EndpointResult {
  const configDir = dockerConfigDir(env, homeDir, platform);
  const contexts: Array<{ meta: string; tlsDir?: string }> = [];
  const metaRoot = path.join(configDir, 'contexts', 'meta');
  let dirs: string[] = [];
  try {
    dirs = fs.readdirSync(metaRoot);
  } catch {
    dirs = [];
  }
  for (const d of dirs) {
    const meta = readText(path.join(metaRoot, d, 'meta.json'));
    if (meta === undefined) continue;
    const tlsDir = path.join(configDir, 'contexts', 'tls', d, 'docker');
    contexts.push({ meta, ...(fs.existsSync(tlsDir) ? { tlsDir } : {}) });
  }
  const existing = new Set(env.DOCKER_HOST ? [] : defaultCandidates(platform, homeDir, env).filter((c) => exists(c)));
  return resolveEndpoint({
    env,
    platform,
    homeDir,
    configJson: readText(path.join(configDir, 'config.json')),
    contexts,
    existing,
  });
}
