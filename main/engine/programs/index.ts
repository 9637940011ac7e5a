// The one table of programs a container can run, by id: the images' `binaries` map paths to these ids and the
// kernel (containerd/) looks them up here. Ids:
// - `busybox:<applet>`: busybox's applets (busybox, alpine and the images built on them);
// - `coreutils:<name>`: the GNU tools of Debian and Ubuntu images (coreutils proper, and grep, hostname and
//   util-linux's rev, which print in the same GNU manner); `procps:ps`, `procps:kill` (absent from slim images);
// - the images' own programs: `nginx`, `httpd`, `redis-server`, `postgres`, ... and their entrypoint scripts
//   (`entrypoint:<image>`);
// - the shells (`sh:busybox`, `sh:dash`, `sh:bash`) come from shell/.

import type { Program } from '../process/program'
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
import type { Flavour } from './kit'
import { nslookup } from './net/nslookup'
import { wget } from './net/wget'

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
  // TODO(shell merge): spread the shells in here: `...SHELL_PROGRAMS` from '../shell' (sh:busybox, sh:dash, sh:bash).
}

/** Every program id this table knows. */
export const PROGRAM_IDS: readonly string[] = Object.keys(PROGRAMS).sort()

/** The program with id `id` (`busybox:sleep`, `nginx`), or undefined when there is none. */
export function programFor(id: string): Program | undefined {
  return PROGRAMS[id]
}
