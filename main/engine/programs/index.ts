// The one table of programs a container can run, by id: the images' `binaries` map paths to these ids and the
// kernel (containerd/) looks them up here. Ids:
// - `busybox:<applet>`: busybox's applets (busybox, alpine and the images built on them);
// - `coreutils:<name>`: the GNU tools of Debian and Ubuntu images (coreutils proper, and grep, hostname and
//   util-linux's rev, which print in the same GNU manner); `procps:ps`, `procps:kill` (absent from slim images);
// - the images' own programs: `nginx`, `httpd` (+ `httpd-foreground`), `redis-server`, `postgres`, `mysqld`,
//   `mongod`, their health commands (`redis-cli`, `pg_isready`, `mysqladmin`, `apachectl`), `node`, `python`,
//   `pause`, `agnhost`, `hello-world` (its /hello), `http-echo`, `hello-app`, `curl`, `stress:polinux`,
//   `stress:vish`, and the images' entrypoint scripts (`entrypoint:<image>`: nginx, redis, postgres, mysql,
//   mongo, node, bash, curl);
// - the shells (`sh:busybox`, `sh:dash`, `sh:bash`) come from shell/.

import type { Program } from '../process/program'
import { SHELL_PROGRAMS } from '../shell'
import { inferredDaemonFor, notSimulated } from './not-simulated'
import { catProgram } from './applets/cat'
import { cpMvProgram } from './applets/cp-mv'
import { dateProgram } from './applets/date'
import { echo } from './applets/echo'
import { envProgram, printenvProgram } from './applets/env'
import { grepProgram } from './applets/grep'
import { headProgram } from './applets/head'
import { hostnameProgram, idProgram, unameProgram, whoamiProgram } from './applets/identity'
import { killProgram } from './applets/kill'
import { lsProgram } from './applets/ls'
import { mkdirProgram } from './applets/mkdir'
import { printfProgram } from './applets/printf'
import { psProgram } from './applets/ps'
import { revProgram } from './applets/rev'
import { rmProgram } from './applets/rm'
import { sleepProgram } from './applets/sleep'
import { tailProgram } from './applets/tail'
import { testProgram } from './applets/test'
import { touchProgram } from './applets/touch'
import { falseProgram, trueProgram } from './applets/true-false'
import { wcProgram } from './applets/wc'
import { agnhost } from './daemons/agnhost'
import { bashImageEntrypoint, curlEntrypoint, nodeEntrypoint, redisEntrypoint } from './daemons/entrypoints'
import { helloApp, helloWorld, httpEcho, pause } from './daemons/go-programs'
import { apachectl, httpd, httpdForeground } from './daemons/httpd'
import { mysqladmin, pgIsReady, redisCli } from './daemons/db-health'
import { interpreter } from './daemons/interpreters'
import { mongod, mongoEntrypoint } from './daemons/mongo'
import { mysqld, mysqlEntrypoint } from './daemons/mysql'
import { nginx } from './daemons/nginx'
import { nginxEntrypoint } from './daemons/nginx-entrypoint'
import { postgres, postgresEntrypoint } from './daemons/postgres'
import { redisServer } from './daemons/redis'
import type { Flavour } from './kit'
import { curl } from './net/curl'
import { nslookup } from './net/nslookup'
import { wget } from './net/wget'
import { polinuxStress, vishStress } from './stress'

/** The tools busybox and GNU both have, made for one flavour. */
function toolsOf(flavour: Flavour): Record<string, Program> {
  return {
    sleep: sleepProgram(flavour),
    cat: catProgram(flavour),
    echo,
    printf: printfProgram(flavour),
    touch: touchProgram(flavour),
    rm: rmProgram(flavour),
    mkdir: mkdirProgram(flavour),
    ls: lsProgram(flavour),
    date: dateProgram(flavour),
    env: envProgram,
    printenv: printenvProgram,
    hostname: hostnameProgram,
    tail: tailProgram(flavour),
    head: headProgram(flavour),
    rev: revProgram(flavour),
    grep: grepProgram(flavour),
    wc: wcProgram(flavour),
    cp: cpMvProgram('cp', flavour),
    mv: cpMvProgram('mv', flavour),
    id: idProgram,
    whoami: whoamiProgram(flavour),
    uname: unameProgram,
    true: trueProgram,
    false: falseProgram,
    test: testProgram(flavour),
    '[': testProgram(flavour),
  } as Record<string, unknown> as Record<string, Program>
}

function prefixed(prefix: string, programs: Record<string, Program>): Record<string, Program> {
  return Object.fromEntries(Object.entries(programs).map(([name, program]) => [`${prefix}:${name}`, program]))
}

const PROGRAMS: Record<string, Program> = {
  ...prefixed('busybox', { ...toolsOf('busybox'), kill: killProgram('busybox'), ps: psProgram('busybox'), wget, nslookup } as Record<string, unknown> as Record<string, Program>),
  ...prefixed('coreutils', toolsOf('gnu')),
  'procps:ps': psProgram('gnu') as unknown as Program,
  'procps:kill': killProgram('gnu') as unknown as Program,
  ...({
    curl,
    nginx,
    'entrypoint:nginx': nginxEntrypoint,
    httpd,
    'httpd-foreground': httpdForeground,
    apachectl,
    'redis-server': redisServer,
    'redis-cli': redisCli,
    'entrypoint:redis': redisEntrypoint,
    postgres,
    pg_isready: pgIsReady,
    'entrypoint:postgres': postgresEntrypoint,
    mysqld,
    mysqladmin,
    'entrypoint:mysql': mysqlEntrypoint,
    mongod,
    'entrypoint:mongo': mongoEntrypoint,
    'entrypoint:node': nodeEntrypoint,
    'entrypoint:bash': bashImageEntrypoint,
    'entrypoint:curl': curlEntrypoint,
    node: interpreter('node'),
    python: interpreter('python'),
    pause,
    agnhost,
    'hello-world': helloWorld,
    'http-echo': httpEcho,
    'hello-app': helloApp,
    'stress:polinux': polinuxStress,
    'stress:vish': vishStress,
  } as Record<string, unknown> as Record<string, Program>),
  ...SHELL_PROGRAMS,
}

/** Every program id this table knows. */
export const PROGRAM_IDS: readonly string[] = Object.keys(PROGRAMS).sort()

/** The program with id `id` (`busybox:sleep`, `nginx`), or undefined when there is none. */
export function programFor(id: string): Program | undefined {
  return PROGRAMS[id]
}

/**
 * What the runtime runs for an executable the image catalog names `id`: its program, or, for one Podlab has no
 * program for, an idle server (`daemon:<name>`) or a plain "does not simulate" (./not-simulated.ts).
 */
export function executableFor(id: string): Program {
  return PROGRAMS[id] ?? ((id.startsWith('daemon:') ? inferredDaemonFor(id) : notSimulated) as Program)
}
