/** Browser calls to the better-auth routes; the browser adds the Origin header they check. */

export type SignInResult = { ok: true } | { ok: false; message: string };

export async function signInWithEmail(email: string, password: string): Promise<SignInResult> {
  const response = await fetch("/api/auth/sign-in/email", {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (response.ok) return { ok: true };
  if (response.status === 401) return { ok: false, message: "Invalid email or password" };
  if (response.status === 429) {
    const seconds = Number(response.headers.get("retry-after") ?? "60");
    return { ok: false, message: `Too many attempts: sign-in is locked. Try again in ${seconds} seconds.` };
  }
  return { ok: false, message: `Sign-in failed (${response.status}). Try again.` };
}

export async function signOut(): Promise<void> {
  await fetch("/api/auth/sign-out", { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: "{}" });
  window.location.assign("/admin/sign-in");
}
