// The official nginx image's /docker-entrypoint.sh (nginx >= 1.19, nginxinc/docker-nginx): when the command is
// `nginx` or `nginx-debug` it runs /docker-entrypoint.d/ and says so on stdout, then execs the command. Its
// 10-listen-on-ipv6-by-default.sh really edits /etc/nginx/conf.d/default.conf, so a read-only or a changed
// default.conf (a ConfigMap mount) gives the script's other lines; the pod network has IPv6 (the script's
// /proc/net/if_inet6 check passes). NGINX_ENTRYPOINT_QUIET_LOGS silences it all.

import { createHash } from 'node:crypto'
import { isErrno } from '../../process/errno'
import type { Program, Sys } from '../../process/program'
import { type Invocation, oneShot, say } from '../kit'
import { NGINX_DEFAULT_CONF_MD5, NGINX_DEFAULT_CONF_PATH } from './nginx-config'

const SCRIPTS_DIR = '/docker-entrypoint.d/'
/** What the image's /docker-entrypoint.d/ holds, when the filesystem does not list it. */
const IMAGE_SCRIPTS = ['10-listen-on-ipv6-by-default.sh', '15-local-resolvers.envsh', '20-envsubst-on-templates.sh', '30-tune-worker-processes.sh']

/** 10-listen-on-ipv6-by-default.sh: its one line of news, after editing default.conf when it may. */
function listenOnIpv6(sys: Sys): string[] {
  const me = '10-listen-on-ipv6-by-default.sh'
  const conf = sys.fs.readFile(NGINX_DEFAULT_CONF_PATH)
  if (isErrno(conf)) return [`${me}: info: ${NGINX_DEFAULT_CONF_PATH} is not a file or does not exist`]
  if (sys.fs.utimes(NGINX_DEFAULT_CONF_PATH, sys.now())) return [`${me}: info: can not modify ${NGINX_DEFAULT_CONF_PATH} (read-only file system?)`]
  if (conf.includes('listen  [::]:80;')) return [`${me}: info: IPv6 listen already enabled`]
  if (isErrno(sys.fs.readFile('/etc/os-release'))) return [`${me}: info: can not guess the operating system`]
  const lines = [`${me}: info: Getting the checksum of ${NGINX_DEFAULT_CONF_PATH}`]
  if (createHash('md5').update(conf).digest('hex') !== NGINX_DEFAULT_CONF_MD5) return [...lines, `${me}: info: ${NGINX_DEFAULT_CONF_PATH} differs from the packaged version`]
  sys.fs.writeFile(NGINX_DEFAULT_CONF_PATH, conf.replace('listen       80;', 'listen       80;\n    listen  [::]:80;'))
  return [...lines, `${me}: info: Enabled listen on IPv6 in ${NGINX_DEFAULT_CONF_PATH}`]
}

function scripts(sys: Sys): string[] {
  const listed = sys.fs.readdir(SCRIPTS_DIR)
  return isErrno(listed) ? IMAGE_SCRIPTS : listed
}

export const nginxEntrypoint: Program<Invocation> = oneShot((inv, sys) => {
  const [self = '/docker-entrypoint.sh', ...command] = inv.argv
  if (command[0] === 'nginx' || command[0] === 'nginx-debug') {
    const lines: string[] = []
    const found = scripts(sys)
    if (found.length === 0) lines.push(`${self}: No files found in ${SCRIPTS_DIR}, skipping configuration`)
    else {
      lines.push(`${self}: ${SCRIPTS_DIR} is not empty, will attempt to perform configuration`, `${self}: Looking for shell scripts in ${SCRIPTS_DIR}`)
      for (const name of found) {
        const path = `${SCRIPTS_DIR}${name}`
        if (name.endsWith('.envsh')) lines.push(`${self}: Sourcing ${path}`)
        else if (name.endsWith('.sh')) {
          lines.push(`${self}: Launching ${path}`)
          if (name === '10-listen-on-ipv6-by-default.sh') lines.push(...listenOnIpv6(sys))
        } else lines.push(`${self}: Ignoring ${path}`)
      }
      lines.push(`${self}: Configuration complete; ready for start up`)
    }
    if (!inv.env.NGINX_ENTRYPOINT_QUIET_LOGS) for (const line of lines) say(sys, line)
  }
  if (command.length === 0) return 0
  return { exec: { argv: command, env: inv.env, cwd: inv.cwd } }
})
