import { Decimal } from '@postal/money';
import { compareIdLists } from './normalize.js';

/**
 * The bounds of a subset-sum search (AMOUNT_DATE rules with `subsetSum`), so one line (or item) can never make the
 * engine blow up: at most `pool` candidates are considered (the nearest in date, then by id), a subset has `minSize`
 * to `maxSize` members, and the depth-first search visits at most `steps` nodes, keeping the best subset seen so far.
 * The search order is fixed (amount descending, then id), so a cut-off search still returns the same subset every time.
 * Worst case per anchor: `steps` node visits; per rule: anchors × steps.
 */
export const SUBSET_LIMITS = { pool: 16, minSize: 2, maxSize: 5, steps: 20_000 } as const;

export interface Member {
  id: string;
  amount: Decimal;
}

/**
 * The subset of `pool` (already chosen and bounded by the caller) whose sum is nearest `target` and accepted by
 * `fits` (the tolerance), preferring fewer members, then the lower ids. Sums outside [low, high] are pruned.
 */
export function bestSubset<T extends Member>(
  pool: readonly T[],
  target: Decimal,
  low: Decimal,
  high: Decimal | undefined,
  fits: (total: Decimal) => boolean,
): T[] | undefined {
  const members = [...pool]
    .slice(0, SUBSET_LIMITS.pool)
    .sort((a, b) => b.amount.comparedTo(a.amount) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // suffix[i]: the sum of members[i..], to stop early when even taking everything left cannot reach `low`.
  const suffix: Decimal[] = new Array(members.length + 1);
  suffix[members.length] = new Decimal(0);
  for (let index = members.length - 1; index >= 0; index--) suffix[index] = suffix[index + 1]!.plus(members[index]!.amount);

  let best: { chosen: T[]; distance: Decimal; ids: string[] } | undefined;
  let steps = 0;
  const chosen: T[] = [];

  const consider = (total: Decimal): void => {
    if (chosen.length < SUBSET_LIMITS.minSize || !fits(total)) return;
    const distance = total.minus(target).abs();
    const ids = chosen.map((member) => member.id).sort();
    if (
      !best ||
      distance.lt(best.distance) ||
      (distance.eq(best.distance) &&
        (chosen.length < best.chosen.length ||
          (chosen.length === best.chosen.length && compareIdLists(ids, best.ids) < 0)))
    ) {
      best = { chosen: [...chosen], distance, ids };
    }
  };

  const search = (start: number, total: Decimal): void => {
    for (let index = start; index < members.length; index++) {
      if (++steps > SUBSET_LIMITS.steps) return;
      if (total.plus(suffix[index]!).lt(low)) return;
      const next = total.plus(members[index]!.amount);
      if (high !== undefined && next.gt(high)) continue;
      chosen.push(members[index]!);
      consider(next);
      if (chosen.length < SUBSET_LIMITS.maxSize) search(index + 1, next);
      chosen.pop();
      if (steps > SUBSET_LIMITS.steps) return;
    }
  };
  search(0, new Decimal(0));
  return best?.chosen;
}
