import { useEffect, type RefObject } from 'react';
import type { AppError } from '../../../shared/errors';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** A refused save, as the form shows it. */
export interface Refusal<F extends string> {
  /** Sentences under the fields concerned. */
  fields: FieldErrors<F>;
  /** Said above the buttons when the refusal is not about one field. */
  form: string | null;
}

export const noRefusal = { fields: {}, form: null } as const satisfies Refusal<never>;

/**
 * The input fields an `invalid-input` refusal names, as the form knows them: the first path segment,
 * or the one after `patch` for an update. Null when the refusal is not about the input's shape.
 */
export function refusedFields(error: AppError): string[] | null {
  if (error.code !== 'invalid-input' || !Array.isArray(error.details)) return null;
  return (error.details as { path?: unknown }[]).map((issue) => {
    const path = Array.isArray(issue.path) ? issue.path.map(String) : [];
    return (path[0] === 'patch' ? path[1] : path[0]) ?? '';
  });
}

/** One value from a refusal's details (e.g. the `itemId` a duplicate barcode already stands for). */
export function refusalDetail(error: AppError, key: string): string | null {
  const details = error.details;
  if (!details || typeof details !== 'object' || Array.isArray(details)) return null;
  const value = (details as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : null;
}

/** After a refusal, takes the keeper to the first field concerned; its description holds the reason. */
export function useFocusFirstInvalid(container: RefObject<HTMLElement | null>, refusal: Refusal<string>): void {
  useEffect(() => {
    if (Object.keys(refusal.fields).length === 0) return;
    container.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [container, refusal]);
}
