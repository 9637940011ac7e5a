// The /etc files an image's userland ships: /etc/os-release per distribution release, and /etc/passwd with
// the base system's accounts plus the ones the image's Dockerfile adds (nginx's uid 101, postgres 999, node 1000,
// distroless nonroot 65532 ...). The BusyBox image has no os-release.

const debianRelease = (version: string, codename: string, full?: string): string =>
  [
    `PRETTY_NAME="Debian GNU/Linux ${version} (${codename})"`,
    'NAME="Debian GNU/Linux"',
    `VERSION_ID="${version}"`,
    `VERSION="${version} (${codename})"`,
    `VERSION_CODENAME=${codename}`,
    ...(full ? [`DEBIAN_VERSION_FULL=${full}`] : []),
    'ID=debian',
    'HOME_URL="https://www.debian.org/"',
    'SUPPORT_URL="https://www.debian.org/support"',
    'BUG_REPORT_URL="https://bugs.debian.org/"',
    '',
  ].join('\n')

const ubuntuRelease = (point: string, codename: string, name: string, lts: boolean): string => {
  const version = point.split('.').slice(0, 2).join('.')
  return [
    `PRETTY_NAME="Ubuntu ${point}${lts ? ' LTS' : ''}"`,
    'NAME="Ubuntu"',
    `VERSION_ID="${version}"`,
    `VERSION="${point}${lts ? ' LTS' : ''} (${name})"`,
    `VERSION_CODENAME=${codename}`,
    'ID=ubuntu',
    'ID_LIKE=debian',
    'HOME_URL="https://www.ubuntu.com/"',
    'SUPPORT_URL="https://help.ubuntu.com/"',
    'BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"',
    'PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"',
    `UBUNTU_CODENAME=${codename}`,
    'LOGO=ubuntu-logo',
    '',
  ].join('\n')
}

const alpineRelease = (version: string): string =>
  [
    'NAME="Alpine Linux"',
    'ID=alpine',
    `VERSION_ID=${version}`,
    `PRETTY_NAME="Alpine Linux v${version.split('.').slice(0, 2).join('.')}"`,
    'HOME_URL="https://alpinelinux.org/"',
    'BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"',
    '',
  ].join('\n')

/** The releases the catalog's images are built on. */
export const OS_RELEASE = {
  'debian-13': debianRelease('13', 'trixie', '13.6'),
  'debian-12': debianRelease('12', 'bookworm'),
  'debian-11': debianRelease('11', 'bullseye'),
  'debian-10': debianRelease('10', 'buster'),
  'debian-9': debianRelease('9', 'stretch'),
  'ubuntu-26.04': ubuntuRelease('26.04', 'resolute', 'Resolute Raccoon', true),
  'ubuntu-24.04': ubuntuRelease('24.04.3', 'noble', 'Noble Numbat', true),
  'ubuntu-22.04': ubuntuRelease('22.04.5', 'jammy', 'Jammy Jellyfish', true),
  'ubuntu-20.04': ubuntuRelease('20.04.6', 'focal', 'Focal Fossa', true),
  'ubuntu-18.04': ubuntuRelease('18.04.6', 'bionic', 'Bionic Beaver', true),
  'alpine-3.24': alpineRelease('3.24.1'),
  'alpine-3.22': alpineRelease('3.22.5'),
  'alpine-3.20': alpineRelease('3.20.3'),
  'alpine-3.12': alpineRelease('3.12.12'),
  'fedora-44': [
    'NAME="Fedora Linux"',
    'VERSION="44 (Container Image)"',
    'ID=fedora',
    'VERSION_ID=44',
    'PRETTY_NAME="Fedora Linux 44 (Container Image)"',
    'HOME_URL="https://fedoraproject.org/"',
    'VARIANT="Container Image"',
    'VARIANT_ID=container',
    '',
  ].join('\n'),
  'oraclelinux-9': [
    'NAME="Oracle Linux Server"',
    'VERSION="9.6"',
    'ID="ol"',
    'ID_LIKE="fedora"',
    'VERSION_ID="9.6"',
    'PRETTY_NAME="Oracle Linux Server 9.6"',
    'HOME_URL="https://linux.oracle.com/"',
    '',
  ].join('\n'),
  distroless: [
    'PRETTY_NAME="Distroless"',
    'NAME="Debian GNU/Linux"',
    'ID="debian"',
    'VERSION_ID="12"',
    'VERSION="Debian GNU/Linux 12 (bookworm)"',
    'HOME_URL="https://github.com/GoogleContainerTools/distroless"',
    'SUPPORT_URL="https://github.com/GoogleContainerTools/distroless/blob/master/README.md"',
    'BUG_REPORT_URL="https://github.com/GoogleContainerTools/distroless/issues/new"',
    '',
  ].join('\n'),
} as const

export type Release = keyof typeof OS_RELEASE

/** The account lists the base systems ship, one passwd line each. */
const BASE_PASSWD = {
  busybox: [
    'root:x:0:0:root:/root:/bin/sh',
    'daemon:x:1:1:daemon:/usr/sbin:/bin/false',
    'bin:x:2:2:bin:/bin:/bin/false',
    'sys:x:3:3:sys:/dev:/bin/false',
    'sync:x:4:100:sync:/bin:/bin/sync',
    'mail:x:8:8:mail:/var/spool/mail:/bin/false',
    'www-data:x:33:33:www-data:/var/www:/bin/false',
    'operator:x:37:37:Operator:/var:/bin/false',
    'nobody:x:65534:65534:nobody:/home:/bin/false',
  ],
  alpine: [
    'root:x:0:0:root:/root:/bin/sh',
    'bin:x:1:1:bin:/bin:/sbin/nologin',
    'daemon:x:2:2:daemon:/sbin:/sbin/nologin',
    'lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin',
    'sync:x:5:0:sync:/sbin:/bin/sync',
    'shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown',
    'halt:x:7:0:halt:/sbin:/sbin/halt',
    'mail:x:8:12:mail:/var/mail:/sbin/nologin',
    'news:x:9:13:news:/usr/lib/news:/sbin/nologin',
    'uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin',
    'cron:x:16:16:cron:/var/spool/cron:/sbin/nologin',
    'ftp:x:21:21::/var/lib/ftp:/sbin/nologin',
    'sshd:x:22:22:sshd:/dev/null:/sbin/nologin',
    'games:x:35:35:games:/usr/games:/sbin/nologin',
    'ntp:x:123:123:NTP:/var/empty:/sbin/nologin',
    'guest:x:405:100:guest:/dev/null:/sbin/nologin',
    'nobody:x:65534:65534:nobody:/:/sbin/nologin',
  ],
  debian: [
    'root:x:0:0:root:/root:/bin/bash',
    'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
    'bin:x:2:2:bin:/bin:/usr/sbin/nologin',
    'sys:x:3:3:sys:/dev:/usr/sbin/nologin',
    'sync:x:4:65534:sync:/bin:/bin/sync',
    'games:x:5:60:games:/usr/games:/usr/sbin/nologin',
    'man:x:6:12:man:/var/cache/man:/usr/sbin/nologin',
    'lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin',
    'mail:x:8:8:mail:/var/mail:/usr/sbin/nologin',
    'news:x:9:9:news:/var/spool/news:/usr/sbin/nologin',
    'uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin',
    'proxy:x:13:13:proxy:/bin:/usr/sbin/nologin',
    'www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin',
    'backup:x:34:34:backup:/var/backups:/usr/sbin/nologin',
    'list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin',
    'irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin',
    '_apt:x:42:65534::/nonexistent:/usr/sbin/nologin',
    'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
  ],
  distroless: [
    'root:x:0:0:root:/root:/sbin/nologin',
    'nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin',
    'nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin',
  ],
} as const

export type PasswdBase = keyof typeof BASE_PASSWD

/** /etc/passwd: the base system's accounts, then `extra` lines (the users the image's Dockerfile adds). */
export function passwdFile(base: PasswdBase, extra: string[] = []): Record<string, string> {
  return { '/etc/passwd': [...BASE_PASSWD[base], ...extra].join('\n') + '\n' }
}
