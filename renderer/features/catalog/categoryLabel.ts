import type { Category } from '../../../shared/contract';

/** A category as pickers list it: code and name, indented by level so the tree shows in a select too. */
export function categoryLabel(c: Category): string {
  return `${'\u3000'.repeat(Math.max(0, c.level - 1))}${c.code} ${c.name}`;
}
