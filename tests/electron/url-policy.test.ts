import { describe, expect, it } from 'vitest';
import { isExternalUrlAllowed, normalizeExternalUrl } from '../../shared/url-policy.js';

describe('isExternalUrlAllowed', () => {
  it.each([
    // Published container ports on loopback.
    ['http://localhost:8080', true],
    ['http://localhost:8080/admin?x=1#top', true],
    ['https://localhost:8443/', true],
    ['http://127.0.0.1:9090', true],
    ['http://[::1]:3000/', true],
    ['http://localhost:80/', true],
    ['http://LOCALHOST:8080', true],
    ['http://localhost:65535', true],
    // Loopback without an explicit port, or with a silly one.
    ['http://localhost', false],
    ['http://localhost/', false],
    ['http://127.0.0.1/', false],
    ['http://localhost:0', false],
    ['http://localhost:65536', false],
    // Documentation hosts, https only, exact host names.
    ['https://docs.docker.com/engine/install/', true],
    ['https://learn.microsoft.com/en-us/windows/wsl/install', true],
    ['https://docs.orbstack.dev/', true],
    ['http://docs.docker.com/engine/install/', false],
    ['https://docs.docker.com:8443/', false],
    ['https://evil.docs.docker.com/', false],
    ['https://docs.docker.com.evil.example/', false],
    // Anything else.
    ['https://example.com/', false],
    ['http://192.168.1.10:8080', false],
    ['http://0.0.0.0:8080', false],
    ['http://localhost.evil.example:8080', false],
    ['http://user:pass@localhost:8080', false],
    ['https://user@docs.docker.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['app://kapal/index.html', false],
    ['ms-settings:privacy', false],
    ['smb://localhost:445/share', false],
    ['vscode://file/etc/passwd', false],
    ['http://localhost:8080\n', false],
    [' http://localhost:8080', false],
    ['http://local\thost:8080', false],
    ['', false],
    ['not a url', false],
    [`http://localhost:8080/${'a'.repeat(3000)}`, false],
  ])('%s → %s', (url, allowed) => {
    expect(isExternalUrlAllowed(url)).toBe(allowed);
  });

  it('hands back the parsed form, so the OS gets exactly what was checked', () => {
    expect(normalizeExternalUrl('http://LOCALHOST:8080')).toBe('http://localhost:8080/');
    expect(normalizeExternalUrl('http://localhost:80')).toBe('http://localhost/');
    expect(normalizeExternalUrl('https://example.com')).toBeNull();
  });

  it('refuses non-strings from an untyped caller', () => {
    expect(isExternalUrlAllowed(42 as unknown as string)).toBe(false);
  });
});
