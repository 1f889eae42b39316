const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

/**
 * Origins whose browser requests may change data: the public origin, and on a
 * loopback address its other spellings (http://localhost:3000 = http://127.0.0.1:3000).
 */
export function trustedOrigins(baseUrl: string): string[] {
  const url = new URL(baseUrl);
  if (!LOOPBACK_NAMES.includes(url.hostname)) return [url.origin];
  return LOOPBACK_NAMES.map((name) => `${url.protocol}//${name}${url.port ? `:${url.port}` : ""}`);
}
