import { docker } from './docker-cli.js';
import { TEST_IMAGE } from './env.js';

/** The suite needs a running engine and the test image; say plainly what to do when either is missing. */
export default async function globalSetup(): Promise<void> {
  try {
    await docker(['version', '--format', '{{.Server.Version}}']);
  } catch (err) {
    throw new Error(`The e2e tests need a running Docker Engine. Run: sudo bash scripts/engine/up.sh\n${String(err)}`);
  }
  try {
    await docker(['image', 'inspect', TEST_IMAGE]);
  } catch {
    throw new Error(`The e2e tests need ${TEST_IMAGE}, built FROM scratch by: sudo bash scripts/engine/up.sh`);
  }
}
