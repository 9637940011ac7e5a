// pkg/probe/tcp/tcp.go DoTCPProbe (1.32): the port opens (success) or the dial's error text is the failure
// (`dial tcp 10.244.0.11:6379: connect: connection refused`); errors are failures, to catch timeouts.

import type { NetError } from '../../process/program'
import { dialError } from './http-probe'
import { run, type ProbeRun } from './probe-result'

export function doTcpProbe(connect: () => 'ok' | NetError['error'], host: string, port: number): ProbeRun {
  const got = connect()
  return got === 'ok' ? run('success') : run('failure', dialError(host, port, got))
}
