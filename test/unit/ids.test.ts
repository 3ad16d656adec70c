import { describe, expect, test } from 'vitest';
import { uuidv7, uuidv7Pattern } from '../../electron/backend/ids';

describe('UUIDv7 ids', () => {
  test('are lowercase v7 UUIDs carrying the creation time', () => {
    const at = Date.UTC(2026, 10, 28, 3, 0, 0);
    const id = uuidv7(at);
    expect(id).toMatch(uuidv7Pattern);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBeGreaterThanOrEqual(at);
  });

  test('sort in creation order even many to a millisecond, and never repeat', () => {
    const ids = Array.from({ length: 20_000 }, () => uuidv7(Date.UTC(2030, 0, 1)));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
