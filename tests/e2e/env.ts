/** Shared by the Playwright config and the tests: where the browser-mode server listens, and its token. */
export const E2E_PORT = Number(process.env.KAPAL_E2E_PORT ?? 7431);
export const E2E_TOKEN = process.env.KAPAL_E2E_TOKEN ?? 'kapal-e2e-local-token';
/** The FROM-scratch busybox image that scripts/engine/up.sh builds. */
export const TEST_IMAGE = 'kapal-test/busybox:latest';
/** Every object a test creates carries this label, so cleanup removes only ours. */
export const TEST_LABEL = 'kapal.test';
