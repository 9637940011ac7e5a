// `nginx -s stop|quit|reopen|reload`: the signal process (nginx.c ngx_signal_process, os/unix ngx_process.c
// ngx_os_signal_process). It reads the master's pid from the `pid` file the configuration names (the image's
// nginx.conf: /run/nginx.pid, which the master writes when it starts and removes when it exits) and sends it
// the signal: stop TERM, quit QUIT, reopen USR1, reload HUP. Its lines go to the error log, which in the
// official image is stderr. The Kubernetes docs' preStop example (`nginx -s quit; ...`) runs this.

import { isErrno } from '../../process/errno'
import type { Sys } from '../../process/program'
import { SIGNALS, type Signal } from '../../process/signals'
import { complain } from '../kit'
import { NGINX_CONF_PATH } from './nginx-config'
import { strftime } from '../strftime'

const SIGNAL_OF: Record<string, Signal> = { stop: 'SIGTERM', quit: 'SIGQUIT', reopen: 'SIGUSR1', reload: 'SIGHUP' }

/** The compiled-in pid path of the official image's build (--pid-path), used when nginx.conf names none. */
const DEFAULT_PID_PATH = '/var/run/nginx.pid'

/** The pid file nginx.conf names (`pid /run/nginx.pid;`), or the compiled-in one. */
export function pidPath(sys: Sys): string {
  const conf = sys.fs.readFile(NGINX_CONF_PATH)
  const named = isErrno(conf) ? undefined : /^\s*pid\s+([^;\s]+)\s*;/m.exec(conf)?.[1]
  return named ?? DEFAULT_PID_PATH
}

const line = (sys: Sys, level: string, text: string) => complain(sys, `${strftime('%Y/%m/%d %H:%M:%S', sys.now())} [${level}] ${sys.pid}#${sys.pid}: ${text}`)

/** Whether `flags` ask for the signal process; `name` is -s's argument (undefined when missing). */
export function signalOption(flags: string[]): { name: string | undefined } | undefined {
  const at = flags.indexOf('-s')
  return at < 0 ? undefined : { name: flags[at + 1] }
}

/** Runs `nginx -s name`; returns the exit code. */
export function signalMaster(sys: Sys, name: string | undefined): number {
  if (name === undefined) {
    complain(sys, 'nginx: option "-s" requires parameter')
    return 1
  }
  const sig = SIGNAL_OF[name]
  if (!sig) {
    complain(sys, `nginx: invalid option: "-s ${name}"`)
    return 1
  }
  line(sys, 'notice', 'signal process started')
  const path = pidPath(sys)
  const text = sys.fs.readFile(path)
  if (isErrno(text)) {
    line(sys, 'error', `open() "${path}" failed (2: No such file or directory)`)
    return 1
  }
  const first = text.split('\n')[0] ?? ''
  if (!/^\d+$/.test(first)) {
    line(sys, 'error', `invalid PID number "${first}" in "${path}"`)
    return 1
  }
  const answer = sys.kill(Number(first), sig)
  if (answer === 'ok') return 0
  line(sys, 'alert', `kill(${first}, ${SIGNALS[sig]}) failed (${answer === 'ESRCH' ? '3: No such process' : '1: Operation not permitted'})`)
  return 1
}
