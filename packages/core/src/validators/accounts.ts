import { z } from "zod";
import { Role } from "../generated/prisma/enums";

/** What an API token may be granted beyond reading published records. */
export const TOKEN_SCOPES = ["records:read-drafts", "records:write"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** One spelling per address for every lookup: trimmed, Unicode NFKC (full-width letters fold to ASCII), lower case. */
export function normalizeEmail(email: string): string {
  return email.trim().normalize("NFKC").toLowerCase();
}

export const ZEmail = z
  .string()
  .max(1000)
  .transform(normalizeEmail)
  .pipe(
    z
      .string()
      .max(254)
      .pipe(z.email({ message: "must be an email address" })),
  );
export const ZRole = z.enum(Role);
/** Length is checked again by the password policy; this only stops absurd inputs early. */
const ZPasswordInput = z.string().max(PASSWORD_MAX_LENGTH * 4, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

export const ZUserInviteInput = z.object({ email: ZEmail, role: ZRole });
export const ZUserSetRoleInput = z.object({ userId: z.string().min(1).max(100), role: ZRole });
export const ZUserIdInput = z.object({ userId: z.string().min(1).max(100) });
export const ZInvitationIdInput = z.object({ id: z.uuid() });

export const ZInvitationAcceptInput = z.object({
  token: z.string().min(20).max(200),
  name: z.string().trim().min(1, "must not be empty").max(120),
  password: ZPasswordInput,
});

export const ZChangePasswordInput = z.object({ currentPassword: ZPasswordInput, newPassword: ZPasswordInput });

export const ZApiTokenCreateInput = z.object({
  name: z.string().trim().min(1, "must not be empty").max(100),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1, "must grant at least one scope").max(TOKEN_SCOPES.length),
  expiresInDays: z.number().int().min(1).max(365).default(90),
});
export const ZApiTokenIdInput = z.object({ id: z.uuid() });
