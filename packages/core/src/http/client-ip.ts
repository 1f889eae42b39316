import type { IncomingMessage } from "node:http";
import proxyAddr from "proxy-addr";

/** Set by the app's own HTTP server from the socket (or trusted proxies); any client copy is overwritten. */
export const CLIENT_IP_HEADER = "x-coop-client-ip";

/** The client address the app's HTTP server set on a request, if any. */
export function clientIpOf(headers: Headers): string | null {
  return headers.get(CLIENT_IP_HEADER);
}

/** Which peers are the site's own reverse proxies. */
export interface ProxyTrust {
  /** proxy-addr's test of one address of the chain, `hop` 0 being the socket peer. */
  isProxy: (address: string, hop: number) => boolean;
  /** Set when trust is a count of proxies rather than a list of their addresses. */
  hops: number | null;
}

/**
 * The proxies in front of the app: their addresses or subnets (`TRUSTED_PROXIES`, in
 * proxy-addr's notation: `10.0.0.0/8`, `loopback`, `uniquelocal`...), else a count of
 * hops (`TRUSTED_PROXY_HOPS`), else none.
 */
export function proxyTrust(options: { proxies?: string[]; hops?: number }): ProxyTrust {
  if (options.proxies?.length) return { isProxy: proxyAddr.compile(options.proxies), hops: null };
  const hops = options.hops ?? 0;
  return { isProxy: (_address, hop) => hop < hops, hops };
}

/**
 * The client address, as proxy-addr reads the chain: the socket peer, then
 * X-Forwarded-For from the right, up to the first address that is not a trusted proxy.
 * With a count of hops, a chain shorter than the count did not come through the
 * proxies as configured: its entries are the client's own words, so the socket is used.
 */
export function clientIpFrom(request: Pick<IncomingMessage, "socket" | "headers">, trust: ProxyTrust): string {
  const socket = request.socket.remoteAddress ?? "unknown";
  const chain = proxyAddr.all(request as IncomingMessage, trust.isProxy);
  if (trust.hops !== null && chain.length <= trust.hops) return socket;
  return chain[chain.length - 1] ?? socket;
}
