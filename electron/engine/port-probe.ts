import dgram from 'node:dgram';
import net from 'node:net';

/**
 * Whether a host port can be bound here right now. A port held by any other program (or by
 * docker-proxy for a published container port) answers false. Permission errors (ports below 1024
 * for a normal user) answer true: the engine binds as root, so only it can tell.
 */
export function hostPortFree(port: number, protocol: 'tcp' | 'udp', hostIp?: string): Promise<boolean> {
  const host = hostIp || (protocol === 'tcp' ? '0.0.0.0' : '0.0.0.0');
  return new Promise((resolve) => {
    const settle = (free: boolean, err?: NodeJS.ErrnoException) => {
      resolve(err ? err.code !== 'EADDRINUSE' : free);
    };
    if (protocol === 'udp') {
      const sock = dgram.createSocket(host.includes(':') ? 'udp6' : 'udp4');
      sock.once('error', (err: NodeJS.ErrnoException) => {
        sock.close();
        settle(false, err);
      });
      sock.bind({ port, address: host, exclusive: true }, () => sock.close(() => settle(true)));
      return;
    }
    const srv = net.createServer();
    srv.once('error', (err: NodeJS.ErrnoException) => settle(false, err));
    srv.listen({ port, host, exclusive: true }, () => srv.close(() => settle(true)));
  });
}
