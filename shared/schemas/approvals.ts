/** Supervisor approval (审批): requests for write-offs, reversals and large dispatches, and their decisions. */
import { z } from 'zod';
import { idSchema, pageSchema, requiredText } from './common';
import { dispatchInputSchema, postedSchema, reversalInputSchema, writeOffInputSchema } from './stock';

export const approvalKinds = ['write_off', 'reversal', 'dispatch'] as const;
export type ApprovalKind = (typeof approvalKinds)[number];
export const approvalStatuses = ['pending', 'approved', 'rejected'] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];

/** What a keeper applies for: the posting exactly as it will be posted once approved. */
export const approvalSubmitSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('write_off'), input: writeOffInputSchema }).strict(),
  z.object({ kind: z.literal('reversal'), input: reversalInputSchema }).strict(),
  z.object({ kind: z.literal('dispatch'), input: dispatchInputSchema }).strict(),
]);

/** One line of what a request would post, as checked when it was submitted. */
export const approvalLineSchema = z.object({
  itemCode: z.string(),
  itemName: z.string(),
  baseUnit: z.string(),
  quantity: z.number().int(),
  valueFen: z.number().int(),
});

export const approvalRequestSchema = z.object({
  id: z.string(),
  kind: z.enum(approvalKinds),
  status: z.enum(approvalStatuses),
  requestedBy: z.string(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  /** The write-off's or reversal's reason; for a dispatch, the receiving unit. */
  reason: z.string(),
  /** For a reversal: the number of the document it would reverse. */
  targetNumber: z.string().nullable(),
  lines: z.array(approvalLineSchema),
  totalQuantity: z.number().int(),
  totalValueFen: z.number().int(),
  decidedBy: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  rejectReason: z.string(),
  /** The approver is the requester: allowed only at a single-person depot, or a supervisor posting directly. */
  selfApproved: z.boolean(),
  documentId: z.string().nullable(),
  documentNumber: z.string().nullable(),
});
export type ApprovalRequest = z.infer<typeof approvalRequestSchema>;

export const approvalQuerySchema = z.object({ status: z.enum(approvalStatuses).optional(), ...pageSchema }).strict();

export const approvalDecisionSchema = z.object({ id: idSchema }).strict();
export const approvalRejectionSchema = z.object({ id: idSchema, reason: requiredText(500) }).strict();

/** An approval posts the request: the document posted, and the request as decided. */
export const approvalPostedSchema = postedSchema.extend({ request: approvalRequestSchema });
