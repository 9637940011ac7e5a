// The order goyaml.v2 writes a map's keys in (sorter.go keyList.Less), which kubectl's -o yaml goes through
// (sigs.k8s.io/yaml JSONToYAML unmarshals the JSON into a generic map and marshals it again). For the string
// keys JSON has it is a "natural" order, not Go's byte order: runs of digits compare as numbers ("9" < "10"), and
// a letter sorts after any other character ("a_b" < "aZ" is false: '_' comes before 'Z').

/** keyList.Less for two string keys, as a sort comparator. */
export function yamlKeyOrder(a: string, b: string): number {
  if (a === b) return 0
  return less([...a], [...b]) ? -1 : 1
}

const isLetter = (c: string) => /\p{L}/u.test(c)
const isDigit = (c: string | undefined) => c !== undefined && /\p{Nd}/u.test(c)
const digit = (c: string) => Number.parseInt(c, 10) || 0

function less(ar: string[], br: string[]): boolean {
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue
    const al = isLetter(ar[i]!)
    const bl = isLetter(br[i]!)
    if (al && bl) return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!
    if (al || bl) return bl
    let an = 0
    let bn = 0
    // A zero after a number's leading non-zero digit is no leading zero: the numbers differ there.
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1
          bn = 1
          break
        }
      }
    }
    let ai = i
    let bi = i
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + digit(ar[ai]!)
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + digit(br[bi]!)
    if (an !== bn) return an < bn
    if (ai !== bi) return ai < bi
    return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!
  }
  return ar.length < br.length
}
