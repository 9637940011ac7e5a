// Which version of its software a container runs: the image's own environment names it (nginx's NGINX_VERSION,
// redis's REDIS_VERSION, postgres's PG_VERSION... as the official Dockerfiles set them), else a full x.y.z tag.

import type { Invocation } from '../kit'

/** The tag of an image reference (`nginx:1.14.2` -> `1.14.2`), '' without one (a digest or `latest` implied). */
export function imageTag(image: string): string {
  const name = image.split('@')[0]!
  const slash = name.lastIndexOf('/')
  const colon = name.lastIndexOf(':')
  return colon > slash ? name.slice(colon + 1) : ''
}

/** The version from `envName` in the process's environment, else from an x.y.z tag, else `fallback`. */
export function softwareVersion(inv: Invocation, envName: string, fallback: string): string {
  const fromEnv = inv.env[envName]
  if (fromEnv) return fromEnv
  const tag = /^(\d+\.\d+\.\d+)/.exec(imageTag(inv.image))
  return tag ? tag[1]! : fallback
}

/** Major.minor of a version string, as numbers ([1, 27]). */
export function majorMinor(version: string): [number, number] {
  const [major = '0', minor = '0'] = version.split('.')
  return [Number(major), Number(minor)]
}
