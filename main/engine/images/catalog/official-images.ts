// Docker Official Images (docker.io/library/*) the Kubernetes docs and tutorials pull, and the most-pulled
// ones, with their configs as their Dockerfiles set them (docs-images.md §2a/§2b: docker-library/*,
// nginxinc/docker-nginx, nodejs/docker-node, tianon/docker-bash ...) and their tags as official-images has
// published them (§2c: every tag the docs use, and the ranges around them). Sizes are compressed bytes as the
// Pulled event reports them; memory and CPU are the idle default process (`kubectl top` of a fresh pod).

import { NGINX_CONF, NGINX_DEFAULT_CONF } from '../files/nginx-config'
import { HTTPD_INDEX_HTML, NGINX_50X_HTML, NGINX_INDEX_HTML } from '../files/nginx-html'
import { DEFAULT_PATH } from './bases'
import { image, minors, range, tags, withSuffixes, type CatalogImage } from './define'

const MiB = 1024 * 1024
const hub = (name: string): string => `docker.io/library/${name}`

/** /usr/local/bin/docker-entrypoint.sh, as the docker-library images install it (plus a root-level link). */
// Images whose entrypoint script Podlab has no program for run it as an idle server (programs/not-simulated.ts).
const SERVER_ONLY = new Set(['rabbitmq', 'wordpress'])
const entrypoint = (program: string): Record<string, string> => ({
  '/usr/local/bin/docker-entrypoint.sh': SERVER_ONLY.has(program) ? `daemon:${program}` : `entrypoint:${program}`,
  '/docker-entrypoint.sh': SERVER_ONLY.has(program) ? `daemon:${program}` : `entrypoint:${program}`,
  '/usr/local/bin/gosu': 'gosu',
})

const nginxFiles = {
  '/etc/nginx/nginx.conf': NGINX_CONF,
  '/etc/nginx/conf.d/default.conf': NGINX_DEFAULT_CONF,
  '/usr/share/nginx/html/index.html': NGINX_INDEX_HTML,
  '/usr/share/nginx/html/50x.html': NGINX_50X_HTML,
}
const nginxBinaries = { '/usr/sbin/nginx': 'nginx', '/usr/sbin/nginx-debug': 'nginx' }
const NGINX_USER = 'nginx:x:101:101:nginx user:/nonexistent:/bin/false'
const NGINX_ALPINE_USER = 'nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin'

const nginx = image({
  repository: hub('nginx'),
  // 1.7 ... 1.31 (patches up to .15), stable/mainline, and the Debian, Alpine, perl and otel variants.
  tags: tags(
    'latest|stable|mainline|1',
    withSuffixes(
      ['stable', 'mainline', '1', minors(1, 7, 31, 15)],
      ['alpine', 'alpine3\\.(?:1\\d|2[0-4])', 'alpine-slim', 'alpine-perl', 'alpine-otel', 'perl', 'otel', 'trixie', 'trixie-perl', 'trixie-otel', 'bookworm', 'bookworm-perl', 'bullseye', 'buster', 'stretch'],
    ),
    'alpine|alpine-slim|alpine-perl|alpine-otel|perl|otel|trixie|bookworm',
  ),
  digest: '0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a',
  sizeBytes: 72188133,
  pullMs: 4_812,
  base: { kind: 'debian', release: 'debian-13' },
  entrypoint: ['/docker-entrypoint.sh'],
  cmd: ['nginx', '-g', 'daemon off;'],
  env: { PATH: DEFAULT_PATH, NGINX_VERSION: '1.31.4', NJS_VERSION: '0.9.4', NJS_RELEASE: '1~trixie', PKG_RELEASE: '1~trixie', DYNPKG_RELEASE: '1~trixie' },
  exposedPorts: [80],
  stopSignal: 'SIGQUIT',
  binaries: { ...nginxBinaries, '/docker-entrypoint.sh': 'entrypoint:nginx', '/usr/bin/curl': 'curl', '/usr/bin/envsubst': 'coreutils:envsubst' },
  files: nginxFiles,
  users: [NGINX_USER],
  profile: { memoryBytes: 5 * MiB, cpuMillicores: 0 },
  runs: 'daemon',
  stopMs: 180,
  variants: [
    {
      tags: /alpine/,
      build: {
        base: { kind: 'alpine', release: 'alpine-3.22' },
        binaries: { ...nginxBinaries, '/docker-entrypoint.sh': 'entrypoint:nginx', '/usr/bin/curl': 'curl', '/usr/bin/envsubst': 'coreutils:envsubst' },
        users: [NGINX_ALPINE_USER],
      },
    },
    // Before 1.19 no entrypoint script; TERM as STOPSIGNAL from 2017-05 (1.13) until SIGQUIT in 2020-11 (1.19.5).
    {
      tags: /^1\.(?:[7-9]|1[0-8])(?:\.\d+)?(?:-|$)/,
      build: {
        base: { kind: 'debian', release: 'debian-9' },
        entrypoint: [],
        stopSignal: 'SIGTERM',
        binaries: nginxBinaries,
        env: { PATH: DEFAULT_PATH, NGINX_VERSION: '1.16.1', NJS_VERSION: '0.3.5', PKG_RELEASE: '1~stretch' },
      },
    },
    {
      tags: /^1\.(?:19|2[0-5])(?:\.\d+)?(?:-|$)/,
      build: { base: { kind: 'debian', release: 'debian-12' }, env: { PATH: DEFAULT_PATH, NGINX_VERSION: '1.25.5', NJS_VERSION: '0.8.4', PKG_RELEASE: '1~bookworm' } },
    },
    {
      tags: /^1\.(?:2[6-8])(?:\.\d+)?(?:-|$)|bookworm/,
      build: {
        base: { kind: 'debian', release: 'debian-12' },
        env: { PATH: DEFAULT_PATH, NGINX_VERSION: '1.27.5', NJS_VERSION: '0.8.10', NJS_RELEASE: '1~bookworm', PKG_RELEASE: '1~bookworm', DYNPKG_RELEASE: '1~bookworm' },
      },
    },
  ],
})

const httpd = image({
  repository: hub('httpd'),
  tags: tags('latest|alpine|trixie|bookworm', withSuffixes(['2', '2\\.2(?:\\.\\d{1,2})?', '2\\.4(?:\\.\\d{1,2})?'], ['alpine', 'alpine3\\.(?:1\\d|2[0-4])', 'trixie', 'bookworm', 'bullseye', 'buster'])),
  digest: '72f6e2d5a6b1b3a1f2f1e9a9d1e3b8f2c6a4e5d7b8c9a0f1e2d3c4b5a6978877',
  sizeBytes: 58012735,
  pullMs: 3_964,
  base: { kind: 'debian', release: 'debian-13' },
  cmd: ['httpd-foreground'],
  env: {
    PATH: `/usr/local/apache2/bin:${DEFAULT_PATH}`,
    HTTPD_PREFIX: '/usr/local/apache2',
    HTTPD_VERSION: '2.4.68',
    HTTPD_PATCHES: '',
  },
  workingDir: '/usr/local/apache2',
  exposedPorts: [80],
  stopSignal: 'SIGWINCH',
  binaries: {
    '/usr/local/bin/httpd-foreground': 'httpd',
    '/usr/local/apache2/bin/httpd': 'httpd',
    '/usr/local/apache2/bin/apachectl': 'apachectl',
  },
  files: { '/usr/local/apache2/htdocs/index.html': HTTPD_INDEX_HTML },
  profile: { memoryBytes: 6 * MiB, cpuMillicores: 1 },
  runs: 'daemon',
  stopMs: 1_050,
  variants: [{ tags: /alpine/, build: { base: { kind: 'alpine', release: 'alpine-3.22' } } }],
})

const redisVersions = ['2\\.[68]', '3\\.[02]', '4\\.0', '5\\.0', '6\\.[02]', '7\\.[024]', '8\\.(?:[02468]|10)'].map((v) => `${v}(?:\\.\\d{1,2})?`)
const redis = image({
  repository: hub('redis'),
  tags: tags(
    'latest|alpine|trixie|bookworm',
    withSuffixes(['[2-8]', ...redisVersions], ['alpine', 'alpine3\\.(?:1\\d|2[0-4])', 'trixie', 'bookworm', 'bullseye', 'buster', 'stretch', '32bit']),
    '3\\.0-nanoserver|3\\.2-nanoserver|3-nanoserver|nanoserver|3\\.0\\.504-windowsservercore',
  ),
  digest: 'bd41d55aae1ecff61b2fafd0d66761223fe94a60373eb6bb781cfbb570a84079',
  sizeBytes: 45922453,
  pullMs: 3_371,
  base: { kind: 'debian', release: 'debian-13' },
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['redis-server'],
  env: { PATH: DEFAULT_PATH, REDIS_VERSION: '8.10.1', REDIS_DOWNLOAD_URL: 'https://github.com/redis/redis/archive/refs/tags/8.10.1.tar.gz' },
  workingDir: '/data',
  exposedPorts: [6379],
  binaries: { ...entrypoint('redis'), '/usr/local/bin/redis-server': 'redis-server', '/usr/local/bin/redis-cli': 'redis-cli', '/usr/local/bin/redis-sentinel': 'redis-server' },
  users: ['redis:x:999:999::/home/redis:/usr/sbin/nologin'],
  profile: { memoryBytes: 3 * MiB, cpuMillicores: 2 },
  runs: 'daemon',
  stopMs: 120,
  variants: [
    { tags: /alpine/, build: { base: { kind: 'alpine', release: 'alpine-3.22' }, users: ['redis:x:999:1000:Linux User,,,:/home/redis:/sbin/nologin'] } },
    { tags: /^(?:[2-5]|6\.0)(?:[.-]|$)/, build: { base: { kind: 'debian', release: 'debian-10' }, env: { PATH: DEFAULT_PATH, REDIS_VERSION: '5.0.14' } } },
  ],
})

const postgres = image({
  repository: hub('postgres'),
  tags: tags(
    'latest|alpine|trixie|bookworm|19beta[1-3]|19beta[1-3]-(?:alpine|trixie|bookworm)',
    withSuffixes(['8\\.4(?:\\.\\d{1,2})?', '9\\.[0-6](?:\\.\\d{1,2})?', `${range(10, 18)}(?:\\.\\d{1,2})?`], ['alpine', 'alpine3\\.(?:1\\d|2[0-4])', 'trixie', 'bookworm', 'bullseye', 'buster', 'stretch']),
  ),
  digest: '87ec5e0a167dc7d4831729f9e1d2ee7b8597dcc49ccd9e43cc5f89e808d2adae',
  sizeBytes: 158452106,
  pullMs: 9_624,
  base: { kind: 'debian', release: 'debian-13' },
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['postgres'],
  env: {
    PATH: `${DEFAULT_PATH}:/usr/lib/postgresql/18/bin`,
    GOSU_VERSION: '1.17',
    LANG: 'en_US.utf8',
    PG_MAJOR: '18',
    PG_VERSION: '18.6-1.pgdg13+1',
    PGDATA: '/var/lib/postgresql/18/docker',
  },
  exposedPorts: [5432],
  stopSignal: 'SIGINT',
  binaries: {
    ...entrypoint('postgres'),
    '/usr/lib/postgresql/18/bin/postgres': 'postgres',
    '/usr/lib/postgresql/18/bin/pg_ctl': 'postgres',
    '/usr/lib/postgresql/18/bin/initdb': 'postgres',
    '/usr/bin/psql': 'psql',
    '/usr/bin/pg_isready': 'pg_isready',
  },
  users: ['postgres:x:999:999::/var/lib/postgresql:/bin/bash'],
  profile: { memoryBytes: 22 * MiB, cpuMillicores: 1 },
  runs: 'daemon',
  stopMs: 420,
  variants: [
    { tags: /alpine/, build: { base: { kind: 'alpine', release: 'alpine-3.22' }, users: ['postgres:x:70:70::/var/lib/postgresql:/bin/sh'] } },
    {
      tags: /^(?:8|9|1[0-7])(?:[.-]|$)/,
      build: {
        base: { kind: 'debian', release: 'debian-12' },
        env: { PATH: `${DEFAULT_PATH}:/usr/lib/postgresql/17/bin`, GOSU_VERSION: '1.17', LANG: 'en_US.utf8', PG_MAJOR: '17', PG_VERSION: '17.11-1.pgdg120+1', PGDATA: '/var/lib/postgresql/data' },
        binaries: {
          ...entrypoint('postgres'),
          '/usr/lib/postgresql/17/bin/postgres': 'postgres',
          '/usr/lib/postgresql/17/bin/pg_ctl': 'postgres',
          '/usr/lib/postgresql/17/bin/initdb': 'postgres',
          '/usr/bin/psql': 'psql',
          '/usr/bin/pg_isready': 'pg_isready',
        },
      },
    },
  ],
})

const mysqlBinaries = {
  ...entrypoint('mysql'),
  '/usr/sbin/mysqld': 'mysqld',
  '/usr/bin/mysql': 'mysql',
  '/usr/bin/mysqladmin': 'mysqladmin',
  '/usr/bin/mysqldump': 'mysql',
}
const mysql = image({
  repository: hub('mysql'),
  tags: tags(
    'latest|lts|innovation|oracle|debian|oraclelinux9',
    withSuffixes(['5', '5\\.[5-7](?:\\.\\d{1,2})?', '8', '8\\.0(?:\\.\\d{1,2})?', '8\\.[1-4](?:\\.\\d{1,2})?', '9', '9\\.[0-7](?:\\.\\d{1,2})?', '26\\.7(?:\\.0)?', 'lts', 'innovation'], ['oracle', 'oraclelinux[89]', 'debian', 'bookworm', 'bullseye', 'buster']),
  ),
  defaultTag: 'latest',
  sizeBytes: 243_018_735,
  base: { kind: 'rpm', release: 'oraclelinux-9' },
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['mysqld'],
  env: { PATH: DEFAULT_PATH, GOSU_VERSION: '1.17', MYSQL_MAJOR: 'innovation', MYSQL_VERSION: '26.7.0-1.el9', MYSQL_SHELL_VERSION: '26.7.0-1.el9' },
  exposedPorts: [3306, 33060],
  binaries: mysqlBinaries,
  users: ['mysql:x:999:999::/var/lib/mysql:/bin/bash'],
  profile: { memoryBytes: 360 * MiB, cpuMillicores: 4 },
  runs: 'daemon',
  stopMs: 1_800,
  variants: [
    { tags: /^8\.0/, build: { env: { PATH: DEFAULT_PATH, GOSU_VERSION: '1.17', MYSQL_MAJOR: '8.0', MYSQL_VERSION: '8.0.44-1.el9', MYSQL_SHELL_VERSION: '8.0.44-1.el9' } } },
    {
      tags: /^5\.[5-7]/,
      build: {
        base: { kind: 'debian', release: 'debian-10' },
        env: { PATH: DEFAULT_PATH, GOSU_VERSION: '1.14', MYSQL_MAJOR: '5.7', MYSQL_VERSION: '5.7.44-1debian10' },
      },
    },
  ],
})

// official-images dropped 8.2 (and with it `latest`, `8`, `noble`) on 2026-08-03 (commit 91b7860c11, "Update
// mongo") without moving them to the rapid release 8.3; Docker Hub keeps a tag the library file stops listing,
// so `mongo` still pulls the last `latest`: 8.2.12 on noble (docker-library/mongo 8.2/Dockerfile).
// The 8.2 Dockerfile's ENV lines, in order (8.3 is built from the same template).
const mongoEnv = (major: string, version: string): Record<string, string> => ({
  PATH: DEFAULT_PATH,
  GOSU_VERSION: '1.19',
  JSYAML_VERSION: '3.13.1',
  JSYAML_CHECKSUM: '662e32319bdd378e91f67578e56a34954b0a2e33aca11d70ab9f4826af24b941',
  MONGO_PACKAGE: 'mongodb-org',
  MONGO_REPO: 'repo.mongodb.org',
  MONGO_MAJOR: major,
  MONGO_VERSION: version,
  HOME: '/data/db',
  GLIBC_TUNABLES: 'glibc.pthread.rseq=0',
})
const mongo = image({
  repository: hub('mongo'),
  tags: tags(
    'latest|noble|jammy|focal|bionic|xenial|windowsservercore|nanoserver|windowsservercore-(?:ltsc20(?:16|22|25)|1709|1803|1809)|nanoserver-(?:ltsc2022|1809)',
    withSuffixes(['[2-8]', ...['2\\.[2468]', '3\\.[0246]', '4\\.[024]', '5\\.0', '6\\.0', '7\\.0', '8\\.[0-3]'].map((v) => `${v}(?:\\.\\d{1,2})?`)], ['noble', 'jammy', 'focal', 'bionic', 'xenial', 'nanoserver', 'windowsservercore']),
  ),
  defaultTag: 'latest',
  sizeBytes: 291_455_611,
  base: { kind: 'ubuntu', release: 'ubuntu-24.04' },
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['mongod'],
  env: mongoEnv('8.2', '8.2.12'),
  exposedPorts: [27017],
  binaries: { ...entrypoint('mongo'), '/usr/bin/mongod': 'mongod', '/usr/bin/mongosh': 'mongosh', '/usr/bin/mongos': 'mongod' },
  users: ['mongodb:x:999:999::/home/mongodb:/bin/sh'],
  profile: { memoryBytes: 80 * MiB, cpuMillicores: 5 },
  runs: 'daemon',
  stopMs: 600,
  variants: [
    {
      tags: /^8\.0(?:[.-]|$)/,
      build: { env: { PATH: DEFAULT_PATH, HOME: '/data/db', GOSU_VERSION: '1.17', JSYAML_VERSION: '3.13.1', MONGO_PACKAGE: 'mongodb-org', MONGO_REPO: 'repo.mongodb.org', MONGO_MAJOR: '8.0', MONGO_VERSION: '8.0.29' } },
    },
    { tags: /^8\.3(?:[.-]|$)/, build: { env: mongoEnv('8.3', '8.3.8') } },
    {
      tags: /^(?:[2-4])(?:[.-]|$)/,
      build: {
        base: { kind: 'ubuntu', release: 'ubuntu-18.04' },
        env: { PATH: DEFAULT_PATH, GOSU_VERSION: '1.12', JSYAML_VERSION: '3.13.1', MONGO_PACKAGE: 'mongodb-org', MONGO_REPO: 'repo.mongodb.org', MONGO_MAJOR: '4.2', MONGO_VERSION: '4.2.24' },
        binaries: { ...entrypoint('mongo'), '/usr/bin/mongod': 'mongod', '/usr/bin/mongo': 'mongosh', '/usr/bin/mongos': 'mongod' },
      },
    },
  ],
})

const nodeCodenames = 'argon|boron|carbon|dubnium|erbium|fermium|gallium|hydrogen|iron|jod|krypton|lithium'
const nodeBinaries = {
  ...entrypoint('node'),
  '/usr/local/bin/node': 'node',
  '/usr/local/bin/nodejs': 'node',
  '/usr/local/bin/npm': 'node',
  '/usr/local/bin/npx': 'node',
  '/usr/local/bin/yarn': 'node',
}
const node = image({
  repository: hub('node'),
  tags: tags(
    `latest|lts|current|slim|alpine|${nodeCodenames}`,
    withSuffixes(
      ['lts', 'current', nodeCodenames, '0\\.(?:8|10|12)(?:\\.\\d{1,2})?', `${range(4, 26)}(?:\\.\\d{1,2}(?:\\.\\d{1,2})?)?`],
      ['alpine', 'alpine3\\.(?:1\\d|2[0-4])', 'slim', 'trixie', 'trixie-slim', 'bookworm', 'bookworm-slim', 'bullseye', 'bullseye-slim', 'buster', 'buster-slim', 'stretch', 'bookworm-slim'],
    ),
  ),
  sizeBytes: 412_680_019,
  base: { kind: 'buildpack-deps', release: 'debian-13' },
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['node'],
  env: { PATH: DEFAULT_PATH, NODE_VERSION: '26.7.0', YARN_VERSION: '1.22.22' },
  binaries: nodeBinaries,
  users: ['node:x:1000:1000::/home/node:/bin/bash'],
  profile: { memoryBytes: 40 * MiB, cpuMillicores: 1 },
  runs: 'shell',
  variants: [
    { tags: /alpine/, build: { base: { kind: 'alpine', release: 'alpine-3.22' }, users: ['node:x:1000:1000:Linux User,,,:/home/node:/bin/sh'] } },
    { tags: /slim/, build: { base: { kind: 'debian', release: 'debian-13' } } },
  ],
})

const pythonBinaries = {
  '/usr/local/bin/python3': 'python',
  '/usr/local/bin/python': 'python',
  '/usr/local/bin/pip': 'python',
  '/usr/local/bin/pip3': 'python',
}
const python = image({
  repository: hub('python'),
  tags: tags(
    'latest|slim|alpine|trixie|bookworm|slim-trixie|slim-bookworm',
    withSuffixes(
      ['2', '2\\.7(?:\\.\\d{1,2})?', '3', `3\\.${range(2, 14)}(?:\\.\\d{1,2})?`, '3\\.15\\.0(?:a[1-7]|b[1-4]|rc[1-3])', '3\\.15-rc'],
      ['alpine', 'alpine3\\.(?:1\\d|2[0-4])', 'slim', 'trixie', 'bookworm', 'bullseye', 'buster', 'stretch', 'slim-trixie', 'slim-bookworm', 'slim-bullseye', 'slim-buster', 'windowsservercore'],
    ),
  ),
  sizeBytes: 397_204_512,
  base: { kind: 'buildpack-deps', release: 'debian-13' },
  cmd: ['python3'],
  env: { PATH: `/usr/local/bin:${DEFAULT_PATH}`, LANG: 'C.UTF-8', GPG_KEY: '7169605F62C751356D054A26A821E680E5FA6305', PYTHON_VERSION: '3.14.7' },
  binaries: pythonBinaries,
  profile: { memoryBytes: 9 * MiB, cpuMillicores: 1 },
  runs: 'shell',
  variants: [
    { tags: /alpine/, build: { base: { kind: 'alpine', release: 'alpine-3.22' } } },
    { tags: /slim/, build: { base: { kind: 'debian', release: 'debian-13' } } },
  ],
})

// tianon/docker-bash: bash on Alpine, with an entrypoint that runs `bash "$@"` when the first argument is a flag.
const bash = image({
  repository: hub('bash'),
  tags: tags('latest|devel|devel-alpine3\\.2[0-4]', withSuffixes(['[345]', '3\\.[0-2](?:\\.\\d{1,2})?', '4\\.[0-4](?:\\.\\d{1,2})?', '5\\.[0-3](?:\\.\\d{1,2})?'], ['alpine3\\.(?:1\\d|2[0-4])'])),
  sizeBytes: 6_412_873,
  base: { kind: 'alpine', release: 'alpine-3.22' },
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['bash'],
  env: { PATH: DEFAULT_PATH, _BASH_VERSION: '5.3.15', _BASH_BASELINE: '5.3', _BASH_LATEST_PATCH: '15' },
  binaries: { ...entrypoint('bash'), '/usr/local/bin/bash': 'sh:bash' },
  profile: { memoryBytes: 1 * MiB, cpuMillicores: 0 },
  runs: 'shell',
})

const perl = image({
  repository: hub('perl'),
  tags: tags('latest|slim|threaded|stable', withSuffixes(['5', `5\\.${range(8, 45)}(?:\\.\\d{1,2})?`], ['slim', 'threaded', 'slim-threaded', 'trixie', 'bookworm', 'bullseye', 'slim-trixie', 'slim-bookworm', 'threaded-trixie', 'threaded-bookworm'])),
  sizeBytes: 339_119_876,
  base: { kind: 'buildpack-deps', release: 'debian-13' },
  cmd: ['perl5.44.0', '-de0'],
  workingDir: '/usr/src/app',
  binaries: { '/usr/local/bin/perl': 'perl', '/usr/local/bin/perl5.44.0': 'perl', '/usr/local/bin/cpanm': 'perl' },
  profile: { memoryBytes: 4 * MiB, cpuMillicores: 0 },
  runs: 'shell',
  variants: [{ tags: /slim/, build: { base: { kind: 'debian', release: 'debian-13' } } }],
})

const helloWorld = image({
  repository: hub('hello-world'),
  tags: tags('latest|linux|nanoserver(?:-(?:ltsc20(?:19|22|25)|1809))?'),
  digest: 'd715f14f9eca81473d9112df50457893aa4d099adeb4729f679006bf5ea12407',
  sizeBytes: 9_130,
  pullMs: 650,
  base: { kind: 'scratch' },
  cmd: ['/hello'],
  binaries: { '/hello': 'hello-world' },
  profile: { memoryBytes: 0, cpuMillicores: 0 },
  runs: 'exits',
})

const busybox = image({
  repository: hub('busybox'),
  tags: tags(
    'latest|stable|unstable|musl|glibc|uclibc|stable-(?:musl|glibc|uclibc)|unstable-(?:musl|glibc|uclibc)',
    withSuffixes(['1', `1\\.${range(21, 38)}(?:\\.[0-4])?`], ['musl', 'glibc', 'uclibc']),
  ),
  defaultTag: 'latest',
  digest: 'a5d0ce49aa801d475da48f8cb163c354ab95cab073cd3c138bd458fc8257fbf1',
  sizeBytes: 2166802,
  pullMs: 1_203,
  base: { kind: 'busybox' },
  cmd: ['sh'],
  profile: { memoryBytes: 0.3 * MiB, cpuMillicores: 0 },
  runs: 'shell',
})

const alpine = image({
  repository: hub('alpine'),
  tags: tags('latest|edge|3', `3\\.${range(1, 24)}(?:\\.\\d{1,2})?`, '2\\.[67]', 'edge|20[2-3]\\d[01]\\d[0-3]\\d'),
  digest: '21dc6063fd678b478f57c0e13f47560d0ea4eeba26dfc947b2a4f81f686b9f45',
  sizeBytes: 3653068,
  pullMs: 1_337,
  base: { kind: 'alpine', release: 'alpine-3.24' },
  cmd: ['/bin/sh'],
  profile: { memoryBytes: 0.3 * MiB, cpuMillicores: 0 },
  runs: 'shell',
  variants: [
    { tags: /^3\.(?:2[0-1]|1\d|\d)(?:\.|$)/, build: { base: { kind: 'alpine', release: 'alpine-3.20' } } },
    { tags: /^3\.2[23](?:\.|$)/, build: { base: { kind: 'alpine', release: 'alpine-3.22' } } },
  ],
})

const debianCodenames = 'squeeze|wheezy|jessie|stretch|buster|bullseye|bookworm|trixie|forky|sid|experimental|oldoldstable|oldstable|stable|testing|unstable|rc-buggy'
const debian = image({
  repository: hub('debian'),
  tags: tags(
    'latest',
    withSuffixes([debianCodenames, '6\\.0(?:\\.\\d{1,2})?', '[7-9](?:\\.\\d{1,2})?', '1[0-3](?:\\.\\d{1,2})?'], ['slim', 'backports', '20[12]\\d[01]\\d[0-3]\\d', 'slim-20[12]\\d[01]\\d[0-3]\\d']),
  ),
  sizeBytes: 49_312_887,
  base: { kind: 'debian', release: 'debian-13' },
  cmd: ['bash'],
  profile: { memoryBytes: 1 * MiB, cpuMillicores: 0 },
  runs: 'shell',
  variants: [
    { tags: /^(?:12|bookworm)(?:[.-]|$)/, build: { base: { kind: 'debian', release: 'debian-12' } } },
    { tags: /^(?:11|bullseye)(?:[.-]|$)/, build: { base: { kind: 'debian', release: 'debian-11' } } },
    { tags: /^(?:10|buster)(?:[.-]|$)/, build: { base: { kind: 'debian', release: 'debian-10' } } },
  ],
})

const ubuntuCodenames =
  'lucid|precise|trusty|xenial|bionic|cosmic|disco|eoan|focal|groovy|hirsute|impish|jammy|kinetic|lunar|mantic|noble|oracular|plucky|questing|resolute|rolling|devel'
const ubuntu = image({
  repository: hub('ubuntu'),
  tags: tags(
    'latest',
    withSuffixes(
      [ubuntuCodenames, '(?:10|12|14|16|18|20|22|24|26)\\.04', '(?:1[4-9]|2[0-6])\\.10', '(?:19|21|23|25)\\.04', '(?:14|16|18|20|22|24)\\.04\\.\\d'],
      ['20[12]\\d[01]\\d[0-3]\\d(?:\\.\\d)?'],
    ),
  ),
  digest: '80dd3c3b9c6cecb9f1667e9290b3bc61b78c2678c02cbdae5f0fea92cc6734ab',
  sizeBytes: 29754422,
  pullMs: 2_588,
  base: { kind: 'ubuntu', release: 'ubuntu-26.04' },
  cmd: ['/bin/bash'],
  users: ['ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash'],
  profile: { memoryBytes: 1 * MiB, cpuMillicores: 0 },
  runs: 'shell',
  variants: [
    { tags: /^(?:24\.04|noble)/, build: { base: { kind: 'ubuntu', release: 'ubuntu-24.04' } } },
    { tags: /^(?:22\.04|jammy)/, build: { base: { kind: 'ubuntu', release: 'ubuntu-22.04' }, users: [] } },
    { tags: /^(?:20\.04|focal)/, build: { base: { kind: 'ubuntu', release: 'ubuntu-20.04' }, users: [] } },
    { tags: /^(?:18\.04|bionic)/, build: { base: { kind: 'ubuntu', release: 'ubuntu-18.04' }, users: [] } },
  ],
})

const fedora = image({
  repository: hub('fedora'),
  tags: tags('latest|rawhide', `2\\d|3\\d|4[0-5]`),
  sizeBytes: 61_806_124,
  base: { kind: 'rpm', release: 'fedora-44' },
  cmd: ['/bin/bash'],
  env: { PATH: DEFAULT_PATH, DISTTAG: 'f44container', FGC: 'f44', FBR: 'f44' },
  profile: { memoryBytes: 1 * MiB, cpuMillicores: 0 },
  runs: 'shell',
})

const rabbitmq = image({
  repository: hub('rabbitmq'),
  tags: tags(
    'latest|management|alpine|management-alpine',
    withSuffixes(['3', '4', '3\\.(?:[4-9]|1[0-3])(?:\\.\\d{1,2})?', '4\\.[0-3](?:\\.\\d{1,2})?'], ['management', 'alpine', 'management-alpine']),
  ),
  sizeBytes: 109_577_302,
  base: { kind: 'ubuntu', release: 'ubuntu-24.04' },
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['rabbitmq-server'],
  env: { PATH: `/opt/rabbitmq/sbin:/opt/erlang/bin:/opt/openssl/bin:${DEFAULT_PATH}`, RABBITMQ_DATA_DIR: '/var/lib/rabbitmq', RABBITMQ_VERSION: '4.3.5', RABBITMQ_HOME: '/opt/rabbitmq', HOME: '/var/lib/rabbitmq', LANG: 'C.UTF-8', LANGUAGE: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
  exposedPorts: [4369, 5671, 5672, 15691, 15692, 25672],
  binaries: { ...entrypoint('rabbitmq'), '/opt/rabbitmq/sbin/rabbitmq-server': 'rabbitmq-server', '/opt/rabbitmq/sbin/rabbitmqctl': 'rabbitmq-server' },
  users: ['rabbitmq:x:999:999::/var/lib/rabbitmq:/usr/sbin/nologin'],
  profile: { memoryBytes: 120 * MiB, cpuMillicores: 6 },
  runs: 'daemon',
  stopMs: 2_500,
})

const wordpress = image({
  repository: hub('wordpress'),
  tags: tags(
    'latest|apache|fpm|fpm-alpine|cli|cli-alpine|beta|php8\\.[2-5](?:-(?:apache|fpm|fpm-alpine))?',
    withSuffixes(['[3-7]', '3\\.9(?:\\.\\d{1,2})?', '[4-6]\\.\\d(?:\\.\\d{1,2})?', '7\\.[01](?:\\.\\d{1,2})?'], ['apache', 'fpm', 'fpm-alpine', 'php(?:7\\.\\d|8\\.[0-5])(?:-(?:apache|fpm|fpm-alpine))?']),
  ),
  sizeBytes: 255_710_341,
  base: { kind: 'debian', release: 'debian-13' },
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['apache2-foreground'],
  env: { PATH: DEFAULT_PATH, PHPIZE_DEPS: 'autoconf dpkg-dev file g++ gcc libc-dev make pkg-config re2c', PHP_INI_DIR: '/usr/local/etc/php', APACHE_CONFDIR: '/etc/apache2', APACHE_ENVVARS: '/etc/apache2/envvars', PHP_VERSION: '8.3.30' },
  workingDir: '/var/www/html',
  exposedPorts: [80],
  stopSignal: 'SIGWINCH',
  binaries: { ...entrypoint('wordpress'), '/usr/local/bin/apache2-foreground': 'httpd', '/usr/sbin/apache2': 'httpd', '/usr/local/bin/php': 'php' },
  profile: { memoryBytes: 20 * MiB, cpuMillicores: 1 },
  runs: 'daemon',
  stopMs: 1_050,
})

export const OFFICIAL_IMAGES: CatalogImage[] = [
  nginx, httpd, redis, postgres, mysql, mongo, node, python, bash, perl, helloWorld, busybox, alpine, debian, ubuntu, fedora, rabbitmq, wordpress,
]
