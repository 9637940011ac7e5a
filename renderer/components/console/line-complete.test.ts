// Enter runs a whole line and continues an unfinished one (an open heredoc, quote or pipe), as bash prompts PS2.

import { describe, expect, it } from 'vitest'
import { isCompleteLine } from './line-complete'

describe('isCompleteLine', () => {
  it.each([
    ['kubectl get pods', true],
    ['cat << EOF | kubectl apply -f -', false],
    ['cat << EOF | kubectl apply -f -\napiVersion: v1\nkind: Pod', false],
    ['cat << EOF | kubectl apply -f -\napiVersion: v1\nEOF', true],
    ["cat <<'EOF' | kubectl apply -f -\nx\nEOF", true],
    ['cat <<-EOF | kubectl apply -f -\n\tx\n\tEOF', true],
    ['kubectl get pods |', false],
    ['kubectl get pods &&', false],
    ['kubectl get pods \\', false],
    ['echo "open', false],
    ["echo 'it''s'", true],
    ['echo "a \\" b"', true],
  ])('%j -> %s', (text, complete) => {
    expect(isCompleteLine(text)).toBe(complete)
  })
})
