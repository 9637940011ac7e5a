// github.com/fvbommel/sortorder's NaturalLess (natsort.go, v1.1.0), which kubectl's --sort-by compares strings
// with (kubectl pkg/cmd/get/sorter.go isLess): runs of digits compare as numbers (`pod9` < `pod10`), the rest
// byte by byte, digits before other bytes.

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39

/** NaturalLess on the UTF-8 bytes of `a` and `b`. */
export function naturalLess(a: string, b: string): boolean {
  const s1 = Buffer.from(a)
  const s2 = Buffer.from(b)
  let i1 = 0
  let i2 = 0
  while (i1 < s1.length && i2 < s2.length) {
    const c1 = s1[i1]!
    const c2 = s2[i2]!
    const d1 = isDigit(c1)
    const d2 = isDigit(c2)
    if (d1 !== d2) return d1
    if (!d1) {
      if (c1 !== c2) return c1 < c2
      i1++
      i2++
      continue
    }
    // Digits: leading zeros eaten, the shorter number is less, then the digits compare, then fewer zeros first.
    while (i1 < s1.length && s1[i1] === 0x30) i1++
    while (i2 < s2.length && s2[i2] === 0x30) i2++
    const nz1 = i1
    const nz2 = i2
    while (i1 < s1.length && isDigit(s1[i1]!)) i1++
    while (i2 < s2.length && isDigit(s2[i2]!)) i2++
    if (i1 - nz1 !== i2 - nz2) return i1 - nz1 < i2 - nz2
    const n1 = s1.subarray(nz1, i1)
    const n2 = s2.subarray(nz2, i2)
    const cmp = Buffer.compare(n1, n2)
    if (cmp !== 0) return cmp < 0
    if (nz1 !== nz2) return nz1 < nz2
  }
  return s1.length < s2.length
}
