// --sort-by, after kubectl pkg/cmd/get/sorter.go (v0.32.5): a relaxed JSONPath (`.metadata.name`,
// `{.status.startTime}`) read from each object (each Table row's object, or each item of a List), the first value
// compared: int64s, float64s, strings (as quantities when both parse: `100m` < `1`; else sortorder.NaturalLess: `web-2` < `web-10`), a missing value first;
// `couldn't find any field with path "{.x}" in the list of objects` when no object has it; sorted by Go's sort.Sort.

import { JsonPath } from '../../printers/jsonpath/jsonpath'
import { relaxedJsonPathExpression } from '../../printers/customcolumns'
import { kindOf, numberOf } from '../../printers/jsonpath/go-value'
import { parseQuantity } from '../../../gostd/quantity'
import { parseQuantityExact } from '../../../gostd/quantity-canonical'
import { goSort } from '../../../gostd/sort'
import { naturalLess } from '../../../gostd/sortorder'

/**
 * SortObjects / NewTableSorter: `items` in the field's order, or the error kubectl returns. `read` gives the
 * object a row or item is sorted by.
 */
export function sortBy<T>(items: T[], sortField: string, read: (item: T) => unknown, forTable: boolean): T[] | { error: string } {
  const relaxed = relaxedJsonPathExpression(sortField)
  const field = 'error' in relaxed ? sortField : relaxed.spec
  const firsts: Array<{ found: boolean; value: unknown }> = []
  for (const item of items) {
    let results: unknown[][]
    try {
      const j = new JsonPath('sorting').setAllowMissingKeys(true)
      j.parse(field)
      results = j.findResults(read(item))
    } catch (e) {
      return { error: forTable ? `sorting error: ${(e as Error).message}` : (e as Error).message }
    }
    firsts.push(results.length > 0 && results[0]!.length > 0 ? { found: true, value: results[0]![0] } : { found: false, value: undefined })
  }
  if (items.length > 0 && !firsts.some((f) => f.found)) return { error: `couldn't find any field with path ${JSON.stringify(field)} in the list of objects` }
  const order = items.map((_, i) => i)
  // RuntimeSort.Less / TableSorter.Less: no value sorts first.
  const less = (a: number, b: number): boolean => {
    if (!firsts[a]!.found) return true
    if (!firsts[b]!.found) return false
    return isLess(firsts[a]!.value, firsts[b]!.value)
  }
  // sort.Sort (TableSorter.Sort, SortObjects): not stable, so ties (pods created the same second) come out in
  // Go's pdqsort order, which past 12 items is not the list's.
  goSort(order, less)
  return order.map((i) => items[i]!)
}

/** isLess for the interface{} values of an unstructured object. */
function isLess(i: unknown, j: unknown): boolean {
  if (i === null && j === null) return false
  if (i === null) return true
  if (j === null) return false
  const ki = kindOf(i)
  const kj = kindOf(j)
  if ((ki === 'int' || ki === 'float') && ki === kj) return numberOf(i) < numberOf(j)
  if (ki === 'string' && kj === 'string') {
    const a = i as string
    const b = j as string
    if (parseQuantityExact(a).ok && parseQuantityExact(b).ok) return parseQuantity(a) < parseQuantity(b)
    return naturalLess(a, b)
  }
  if (ki === 'slice' && kj === 'slice') {
    const x = i as unknown[]
    const y = j as unknown[]
    for (let k = 0; k < Math.min(x.length, y.length); k++) if (!isLess(x[k], y[k])) return false
    return true
  }
  // Go exits (klog.Exitf) on a type it cannot sort; Podlab keeps the order.
  return false
}
