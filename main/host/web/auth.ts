// The bearer token of a `podlab serve` that other machines can reach. A browser brings it once in the address
// (`/?token=...`), trades it for an HttpOnly cookie and is sent to the same address without it; the page's
// WebSocket then carries the cookie. Other clients send `Authorization: Bearer TOKEN`.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'

/** Bytes of randomness in a token made at start-up. */
export const TOKEN_BYTES = 32
/** Largest token file, in bytes. */
export const MAX_TOKEN_FILE_BYTES = 4096
/** Shortest token a token file may hold, in characters: shorter ones can be guessed. */
export const MIN_TOKEN_LENGTH = 16

/** A fresh token: 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url')
}

export type TokenFileProblem = 'unreadable' | 'empty' | 'too-large' | 'too-short' | 'not-printable'

/** A token file `podlab serve --token-file` will not use; `reason` says why. */
export class TokenFileRefused extends Error {
  constructor(
    readonly reason: TokenFileProblem,
    message: string,
  ) {
    super(message)
    this.name = 'TokenFileRefused'
  }
}

/**
 * Reads a token from `path`: the file's text less surrounding white space, printable ASCII without spaces,
 * at least 16 characters. Throws TokenFileRefused for an unreadable, empty or over-4-KiB file or a bad token.
 */
export function readTokenFile(path: string): string {
  let text: string
  try {
    const fd = openSync(path, 'r')
    try {
      if (fstatSync(fd).size > MAX_TOKEN_FILE_BYTES) {
        throw new TokenFileRefused('too-large', `token file "${path}" is larger than ${MAX_TOKEN_FILE_BYTES} bytes`)
      }
      const buffer = Buffer.alloc(MAX_TOKEN_FILE_BYTES + 1)
      const length = readSync(fd, buffer, 0, buffer.length, 0)
      if (length > MAX_TOKEN_FILE_BYTES) {
        throw new TokenFileRefused('too-large', `token file "${path}" is larger than ${MAX_TOKEN_FILE_BYTES} bytes`)
      }
      text = buffer.subarray(0, length).toString('utf8').trim()
    } finally {
      closeSync(fd)
    }
  } catch (e) {
    if (e instanceof TokenFileRefused) throw e
    throw new TokenFileRefused('unreadable', `cannot read token file "${path}": ${(e as Error).message}`)
  }
  if (text === '') throw new TokenFileRefused('empty', `token file "${path}" is empty`)
  if (!/^[\x21-\x7e]+$/.test(text)) {
    throw new TokenFileRefused('not-printable', `token file "${path}" must hold one token of printable ASCII characters without spaces`)
  }
  if (text.length < MIN_TOKEN_LENGTH) {
    throw new TokenFileRefused('too-short', `the token in "${path}" must be at least ${MIN_TOKEN_LENGTH} characters long`)
  }
  return text
}

/** What to do with a request: serve it, trade its `?token=` for a cookie, or refuse it. */
export type AuthDecision = { kind: 'allow' } | { kind: 'trade'; location: string; setCookie: string } | { kind: 'deny' }

/** The one sentence a refused client reads. */
export const UNAUTHENTICATED_MESSAGE =
  'This Podlab can be reached from other machines, so it needs its token: open the address `podlab serve` printed (it ends in ?token=...), or send the header Authorization: Bearer TOKEN.\n'

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest()
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=')
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim()
  }
  return undefined
}

export class TokenGate {
  private readonly digest: Buffer

  /** `cookieName` should differ per port: cookies do not tell ports apart, and two servers would overwrite each other's. */
  constructor(
    token: string,
    readonly cookieName: string,
  ) {
    this.digest = digest(token)
  }

  /** Compares in constant time (digests of equal length, so the length does not leak either). */
  matches(candidate: string | undefined): boolean {
    return candidate !== undefined && timingSafeEqual(digest(candidate), this.digest)
  }

  /**
   * Decides on a request. `url` is its parsed target. Only a page request (`acceptsQueryToken`) may bring the
   * token in its address; a WebSocket upgrade brings the cookie or the header.
   */
  decide(req: IncomingMessage, url: URL, acceptsQueryToken: boolean): AuthDecision {
    const queryToken = url.searchParams.get('token')
    if (acceptsQueryToken && queryToken !== null) {
      if (!this.matches(queryToken)) return { kind: 'deny' }
      url.searchParams.delete('token')
      return {
        kind: 'trade',
        location: url.pathname + url.search,
        setCookie: `${this.cookieName}=${encodeURIComponent(queryToken)}; HttpOnly; SameSite=Strict; Path=/`,
      }
    }
    const authorization = req.headers.authorization
    if (authorization?.startsWith('Bearer ') && this.matches(authorization.slice('Bearer '.length).trim())) return { kind: 'allow' }
    const cookie = cookieValue(req.headers.cookie, this.cookieName)
    if (cookie !== undefined) {
      try {
        if (this.matches(decodeURIComponent(cookie))) return { kind: 'allow' }
      } catch {
        // A malformed escape is just a wrong cookie.
      }
    }
    return { kind: 'deny' }
  }
}
