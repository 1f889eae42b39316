/** Set by the app's own HTTP server from the socket (or trusted proxies); any client copy is overwritten. */
export const CLIENT_IP_HEADER = "x-coop-client-ip";

/**
 * The client address: the socket peer, or with `trustedProxyHops` reverse proxies in
 * front, the address the outermost trusted proxy saw (counted from the right of
 * X-Forwarded-For, the only entries a client cannot forge).
 */
export function clientIpFrom(remoteAddress: string | undefined, forwardedFor: string | undefined, trustedProxyHops: number): string {
  const socket = remoteAddress ?? "unknown";
  if (trustedProxyHops <= 0 || !forwardedFor) return socket;
  const chain = forwardedFor.split(",").map((entry) => entry.trim()).filter(Boolean);
  return chain[chain.length - trustedProxyHops] ?? chain[0] ?? socket;
}
