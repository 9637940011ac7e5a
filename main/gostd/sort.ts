// Go's sort.Sort and sort.Slice (src/sort/sort.go, zsortinterface.go / zsortfunc.go, Go 1.22+), ported line by
// line: pattern-defeating quicksort, an insertion sort for 12 elements or fewer, heapsort past the bad-pivot
// limit, and breakPatterns' xorshift seeded with the length. It is not stable, so where kubectl sorts equal keys
// (two events last seen the same second, as a crash-looping pod's are) only this order is kubectl's.

type Less = (i: number, j: number) => boolean

interface Data {
  less: Less
  swap(i: number, j: number): void
}

const MASK64 = (1n << 64n) - 1n

/** bits.Len: the number of bits needed to represent n (0 for 0). */
const bitsLen = (n: number): number => (n === 0 ? 0 : Math.floor(Math.log2(n)) + 1)

const enum Hint {
  Unknown,
  Increasing,
  Decreasing,
}

/**
 * sort.Sort / sort.Slice: sorts `items` in place by `less` (on the elements) exactly as Go orders them, equal
 * elements included. Returns `items`.
 */
export function goSort<T>(items: T[], less: (a: T, b: T) => boolean): T[] {
  const data: Data = {
    less: (i, j) => less(items[i]!, items[j]!),
    swap: (i, j) => {
      const t = items[i]!
      items[i] = items[j]!
      items[j] = t
    },
  }
  const n = items.length
  if (n <= 1) return items
  pdqsort(data, 0, n, bitsLen(n))
  return items
}

function insertionSort(data: Data, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) {
    for (let j = i; j > a && data.less(j, j - 1); j--) data.swap(j, j - 1)
  }
}

function siftDown(data: Data, lo: number, hi: number, first: number): void {
  let root = lo
  for (;;) {
    let child = 2 * root + 1
    if (child >= hi) return
    if (child + 1 < hi && data.less(first + child, first + child + 1)) child++
    if (!data.less(first + root, first + child)) return
    data.swap(first + root, first + child)
    root = child
  }
}

function heapSort(data: Data, a: number, b: number): void {
  const first = a
  const hi = b - a
  for (let i = Math.trunc((hi - 1) / 2); i >= 0; i--) siftDown(data, i, hi, first)
  for (let i = hi - 1; i >= 0; i--) {
    data.swap(first, first + i)
    siftDown(data, 0, i, first)
  }
}

function pdqsort(data: Data, a: number, b: number, limit: number): void {
  const maxInsertion = 12
  let wasBalanced = true
  let wasPartitioned = true
  for (;;) {
    const length = b - a
    if (length <= maxInsertion) {
      insertionSort(data, a, b)
      return
    }
    if (limit === 0) {
      heapSort(data, a, b)
      return
    }
    if (!wasBalanced) {
      breakPatterns(data, a, b)
      limit--
    }
    let [pivot, hint] = choosePivot(data, a, b)
    if (hint === Hint.Decreasing) {
      reverseRange(data, a, b)
      pivot = b - 1 - (pivot - a)
      hint = Hint.Increasing
    }
    if (wasBalanced && wasPartitioned && hint === Hint.Increasing && partialInsertionSort(data, a, b)) return
    if (a > 0 && !data.less(a - 1, pivot)) {
      a = partitionEqual(data, a, b, pivot)
      continue
    }
    const [mid, alreadyPartitioned] = partition(data, a, b, pivot)
    wasPartitioned = alreadyPartitioned
    const leftLen = mid - a
    const rightLen = b - mid
    const balanceThreshold = Math.trunc(length / 8)
    if (leftLen < rightLen) {
      wasBalanced = leftLen >= balanceThreshold
      pdqsort(data, a, mid, limit)
      a = mid + 1
    } else {
      wasBalanced = rightLen >= balanceThreshold
      pdqsort(data, mid + 1, b, limit)
      b = mid
    }
  }
}

function partition(data: Data, a: number, b: number, pivot: number): [number, boolean] {
  data.swap(a, pivot)
  let i = a + 1
  let j = b - 1
  while (i <= j && data.less(i, a)) i++
  while (i <= j && !data.less(j, a)) j--
  if (i > j) {
    data.swap(j, a)
    return [j, true]
  }
  data.swap(i, j)
  i++
  j--
  for (;;) {
    while (i <= j && data.less(i, a)) i++
    while (i <= j && !data.less(j, a)) j--
    if (i > j) break
    data.swap(i, j)
    i++
    j--
  }
  data.swap(j, a)
  return [j, false]
}

function partitionEqual(data: Data, a: number, b: number, pivot: number): number {
  data.swap(a, pivot)
  let i = a + 1
  let j = b - 1
  for (;;) {
    while (i <= j && !data.less(a, i)) i++
    while (i <= j && data.less(a, j)) j--
    if (i > j) break
    data.swap(i, j)
    i++
    j--
  }
  return i
}

function partialInsertionSort(data: Data, a: number, b: number): boolean {
  const maxSteps = 5
  const shortestShifting = 50
  let i = a + 1
  for (let step = 0; step < maxSteps; step++) {
    while (i < b && !data.less(i, i - 1)) i++
    if (i === b) return true
    if (b - a < shortestShifting) return false
    data.swap(i, i - 1)
    if (i - a >= 2) {
      for (let j = i - 1; j >= 1; j--) {
        if (!data.less(j, j - 1)) break
        data.swap(j, j - 1)
      }
    }
    if (b - i >= 2) {
      for (let j = i + 1; j < b; j++) {
        if (!data.less(j, j - 1)) break
        data.swap(j, j - 1)
      }
    }
  }
  return false
}

function breakPatterns(data: Data, a: number, b: number): void {
  const length = b - a
  if (length < 8) return
  // xorshift(length), Next: x ^= x<<13; x ^= x>>17; x ^= x<<5 on a uint64, as Go 1.23 (kubectl 1.32's) has it; later
  // Go moved to 13/7/17, and with those kubectl 1.32's `get pods -A --sort-by .metadata.creationTimestamp` ties differ.
  let random = BigInt(length)
  const next = () => {
    random ^= (random << 13n) & MASK64
    random ^= random >> 17n
    random ^= (random << 5n) & MASK64
    return random
  }
  const modulus = 2 ** bitsLen(length)
  const half = Math.trunc(length / 4) * 2
  for (let idx = a + half - 1; idx <= a + half + 1; idx++) {
    let other = Number(next() & BigInt(modulus - 1))
    if (other >= length) other -= length
    data.swap(idx, a + other)
  }
}

function choosePivot(data: Data, a: number, b: number): [number, Hint] {
  const shortestNinther = 50
  const maxSwaps = 4 * 3
  const l = b - a
  const swaps = { n: 0 }
  let i = a + Math.trunc(l / 4) * 1
  let j = a + Math.trunc(l / 4) * 2
  let k = a + Math.trunc(l / 4) * 3
  if (l >= 8) {
    if (l >= shortestNinther) {
      i = medianAdjacent(data, i, swaps)
      j = medianAdjacent(data, j, swaps)
      k = medianAdjacent(data, k, swaps)
    }
    j = median(data, i, j, k, swaps)
  }
  if (swaps.n === 0) return [j, Hint.Increasing]
  if (swaps.n === maxSwaps) return [j, Hint.Decreasing]
  return [j, Hint.Unknown]
}

function order2(data: Data, a: number, b: number, swaps: { n: number }): [number, number] {
  if (data.less(b, a)) {
    swaps.n++
    return [b, a]
  }
  return [a, b]
}

function median(data: Data, a: number, b: number, c: number, swaps: { n: number }): number {
  ;[a, b] = order2(data, a, b, swaps)
  ;[b, c] = order2(data, b, c, swaps)
  ;[a, b] = order2(data, a, b, swaps)
  return b
}

function medianAdjacent(data: Data, a: number, swaps: { n: number }): number {
  return median(data, a - 1, a, a + 1, swaps)
}

function reverseRange(data: Data, a: number, b: number): void {
  for (let i = a, j = b - 1; i < j; i++, j--) data.swap(i, j)
}
