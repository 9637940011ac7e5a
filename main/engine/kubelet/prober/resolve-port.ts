// probe.ResolveContainerPort (pkg/probe/util.go, 1.32): a probe's or hook's IntOrString port as a number:
// an int as is, a string as the name of one of the container's ports, or else as a decimal. Errors carry Go's
// texts (`strconv.Atoi: parsing "http": invalid syntax`), which the "probe errored" event shows.

import type { Container } from '../../api/pods/types'
import { goQuote } from '../../../gostd/gofmt'
import type { IntOrString } from './probe-spec'

const INT64_MAX = 9223372036854775807n

/** strconv.Atoi of `s`: the number, or Go's *NumError text. */
function atoi(s: string): number | { error: string } {
  if (!/^[+-]?\d+$/.test(s)) return { error: `strconv.Atoi: parsing ${goQuote(s)}: invalid syntax` }
  const big = BigInt(s)
  if (big > INT64_MAX || big < -INT64_MAX - 1n) return { error: `strconv.Atoi: parsing ${goQuote(s)}: value out of range` }
  return Number(big)
}

/** The port (1..65535) `param` names in `container`, or the error the prober reports. */
export function resolveContainerPort(param: IntOrString, container: Container): { port: number } | { error: string } {
  let port: number
  if (typeof param === 'number') port = param
  else {
    const named = (container.ports ?? []).find((p) => p.name === param)
    if (named) port = named.containerPort
    else {
      const n = atoi(param)
      if (typeof n !== 'number') return n
      port = n
    }
  }
  if (port > 0 && port < 65536) return { port }
  return { error: `invalid port number: ${port}` }
}
