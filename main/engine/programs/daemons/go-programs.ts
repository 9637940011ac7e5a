// Small Go images of the docs: registry.k8s.io/pause, hashicorp/http-echo, gcr.io/google-samples/hello-app,
// and hello-world's /hello (C). Their texts come from their sources (build/pause/linux/pause.c,
// hashicorp/http-echo main.go, kubernetes-engine-samples quickstarts/hello-app/main.go, hello-world hello.c).

import type { Program } from '../../process/program'
import { complain, type Invocation, oneShot } from '../kit'
import { GO_DEFAULT_SIGNALS, goLog, MiB, server, type ServerState, textResponse } from './server'

/** pause: waits for a signal; TERM or INT print psignal's line and exit 0. Not PID 1: it warns first. */
export const pause: Program<ServerState> = server({
  boot: (inv, sys) => {
    if (inv.argv.includes('-v')) {
      complain(sys, 'pause.c v3.10')
      return 0
    }
    if (!inv.init) complain(sys, 'Warning: pause should be the first process')
    return { listen: [], rssBytes: 0.3 * MiB, cpuMillicores: 0 }
  },
  signals: {
    SIGTERM: (_s, sys) => {
      complain(sys, 'Shutting down, got signal: Terminated')
      return { exit: 0 }
    },
    SIGINT: (_s, sys) => {
      complain(sys, 'Shutting down, got signal: Interrupt')
      return { exit: 0 }
    },
  },
})

const HELLO = `
Hello from Docker!
This message shows that your installation appears to be working correctly.

To generate this message, Docker took the following steps:
 1. The Docker client contacted the Docker daemon.
 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.
    (amd64)
 3. The Docker daemon created a new container from that image which runs the
    executable that produces the output you are currently reading.
 4. The Docker daemon streamed that output to the Docker client, which sent it
    to your terminal.

To try something more ambitious, you can run an Ubuntu container with:
 $ docker run -it ubuntu bash

Share images, automate workflows, and more with a free Docker ID:
 https://hub.docker.com/

For more examples and ideas, visit:
 https://docs.docker.com/get-started/

`

/** hello-world's /hello: its message on stdout, exit 0. */
export const helloWorld: Program<Invocation> = oneShot((_inv, sys) => {
  sys.write(1, HELLO)
  return 0
})

/** hashicorp/http-echo: answers every path with -text (or ECHO_TEXT) on -listen (:5678). */
export const httpEcho: Program<ServerState> = server({
  boot: (inv, sys) => {
    const flags = new Map<string, string>()
    const positional: string[] = []
    for (const arg of inv.argv.slice(1)) {
      const m = /^--?([a-z-]+)=(.*)$/s.exec(arg)
      if (m) flags.set(m[1]!, m[2]!)
      else positional.push(arg)
    }
    if (positional.length > 0) {
      complain(sys, 'Too many arguments!')
      return 127
    }
    if (!flags.get('text') && !inv.env.ECHO_TEXT) {
      complain(sys, 'Missing -text option or ECHO_TEXT env var!')
      return 127
    }
    const listen = flags.get('listen') ?? ':5678'
    goLog(sys, `[INFO] server is listening on ${listen}`)
    return { listen: [Number(listen.slice(listen.lastIndexOf(':') + 1))], rssBytes: 4 * MiB, cpuMillicores: 0 }
  },
  signals: {
    SIGTERM: (_s, sys) => {
      goLog(sys, '[INFO] received interrupt, shutting down...')
      return { exit: 2 }
    },
    SIGINT: (_s, sys) => {
      goLog(sys, '[INFO] received interrupt, shutting down...')
      return { exit: 2 }
    },
  },
  serve: (state, request, sys) => {
    const text = /(?:^|\s)--?text=(.*)$/s.exec(state.inv.argv.slice(1).find((a) => /^--?text=/.test(a)) ?? '')?.[1] ?? state.inv.env.ECHO_TEXT ?? ''
    if (request.path === '/health') return textResponse(sys, 200, '{"status":"ok"}\n', 'application/json')
    return textResponse(sys, 200, `${text}\n`)
  },
})

/** gcr.io/google-samples/hello-app: `Server listening on port 8080`, then per request its three lines. */
export const helloApp: Program<ServerState> = server({
  boot: (inv, sys) => {
    const port = inv.env.PORT || '8080'
    goLog(sys, `Server listening on port ${port}`)
    return { listen: [Number(port)], rssBytes: 5 * MiB, cpuMillicores: 0 }
  },
  signals: GO_DEFAULT_SIGNALS,
  serve: (state, request, sys) => {
    goLog(sys, `Serving request: ${request.path.split('?')[0]}`)
    const version = /:(\d+)\.0$/.exec(state.inv.image)?.[1] === '2' ? '2.0.0' : '1.0.0'
    return textResponse(sys, 200, `Hello, world!\nVersion: ${version}\nHostname: ${sys.hostname()}\n`)
  },
})

