/** Whether `value` is in `sorted` (ascending numbers, e.g. passage ids in corpus order): a binary search. */
export function sortedHas(sorted: ArrayLike<number>, value: number): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low < sorted.length && sorted[low] === value;
}
