/** Accounts, sessions and the activity log: schemas of their channels. */
import { z } from 'zod';

export const roles = ['admin', 'supervisor', 'keeper', 'auditor'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Passwords: at least 8 characters (NIST SP 800-63B), at most 128; never trimmed — spaces count. */
export const passwordSchema = z.string().min(8, 'password: at least 8 characters').max(128);
export const usernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'username: letters, digits . _ -')
  .transform((s) => s.toLowerCase());

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  active: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

export const authStatusSchema = z.object({
  /** False until the first start has created the admin account. */
  hasUsers: z.boolean(),
  /** The signed-in user, null when nobody is. */
  user: userSchema.nullable(),
  /** Signed in but locked after idle time: the password unlocks. */
  locked: z.boolean(),
  /** Minutes without activity before the session locks. */
  idleLockMinutes: z.number().int(),
});
export type AuthStatus = z.infer<typeof authStatusSchema>;

export const setupAdminSchema = z
  .object({ username: usernameSchema, displayName: z.string().trim().min(1).max(40), password: passwordSchema })
  .strict();

export const signInSchema = z
  .object({ username: z.string().trim().min(1).max(32), password: z.string().max(128) })
  .strict();

export const userDraftSchema = z
  .object({
    /** Omitted to create a user; present to change one. */
    id: z.string().optional(),
    username: usernameSchema,
    displayName: z.string().trim().min(1).max(40),
    role: roleSchema,
    active: z.boolean().default(true),
    /** Required when creating; ignored when changing (use users:reset-password). */
    password: passwordSchema.optional(),
  })
  .strict();

export const resetPasswordSchema = z.object({ id: z.string(), password: passwordSchema }).strict();

export const changePasswordSchema = z
  .object({ currentPassword: z.string().max(128), newPassword: passwordSchema })
  .strict();

export const activityEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  outcome: z.enum(['ok', 'refused']),
  target: z.string().nullable(),
  /** What changed: the input (passwords removed), the value before and after where there is one. */
  detail: z.unknown(),
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

export const activityQuerySchema = z
  .object({
    from: z.string().max(30).optional(),
    to: z.string().max(30).optional(),
    actor: z.string().max(32).optional(),
    action: z.string().max(60).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();

export const activityChainSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  headHash: z.string().nullable(),
  firstBadSeq: z.number().int().nullable(),
});
