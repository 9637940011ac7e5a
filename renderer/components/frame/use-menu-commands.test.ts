import { describe, expect, it } from 'vitest'
import type { Delta } from '../../../main/contract'
import { menuCommandOf } from './use-menu-commands'

describe('menuCommandOf', () => {
  it('takes the commands the page knows and ignores the rest', () => {
    expect(menuCommandOf({ type: 'menu', command: 'shortcuts' })).toBe('shortcuts')
    expect(menuCommandOf({ type: 'menu', command: 'format-disk' } as unknown as Delta)).toBeNull()
    expect(menuCommandOf({ type: 'console-exit', job: '1', code: 0 })).toBeNull()
  })
})
