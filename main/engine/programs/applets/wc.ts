// wc [-lwcm] [FILE]...: lines, words, bytes. busybox pads each count to 9 (coreutils/wc.c " %9u"), except a
// lone count of one input; GNU pads to the widest total (7 when stdin is read), and a lone count not at all.

import type { Program } from '../../process/program'
import { type FilterState, type Flavour, stdinFilter } from '../kit'
import { readInputs, wantsStdin } from './inputs'

type Kind = 'l' | 'w' | 'm' | 'c'

function counts(text: string): Record<Kind, number> {
  return {
    l: (text.match(/\n/g) ?? []).length,
    w: text.split(/\s+/).filter(Boolean).length,
    m: [...text].length,
    c: Buffer.byteLength(text, 'utf8'),
  }
}

export function wcProgram(flavour: Flavour): Program<FilterState> {
  const parse = (args: string[]) => ({
    kinds: (['l', 'w', 'm', 'c'] as Kind[]).filter((k) => args.some((a) => /^-[lwmc]+$/.test(a) && a.includes(k))),
    operands: args.filter((a) => !/^-[lwmcL]+$/.test(a)),
  })
  return stdinFilter(
    (inv) => wantsStdin(parse(inv.argv.slice(1)).operands),
    (inv, sys, stdin) => {
      const { kinds: asked, operands } = parse(inv.argv.slice(1))
      const kinds: Kind[] = asked.length > 0 ? asked : ['l', 'w', 'c']
      const { inputs, status } = readInputs(sys, inv, 'wc', flavour, operands, stdin)
      const rows = inputs.map((input) => ({ name: operands.length === 0 ? '' : input.name, c: counts(input.text) }))
      if (rows.length > 1) {
        const total = { l: 0, w: 0, m: 0, c: 0 }
        for (const r of rows) for (const k of kinds) total[k] += r.c[k]
        rows.push({ name: 'total', c: total })
      }
      const lone = kinds.length === 1 && inputs.length <= 1
      const width =
        flavour === 'busybox'
          ? lone ? 1 : 9
          : lone ? 1 : inputs.some((i) => i.fromStdin) ? 7 : Math.max(1, ...rows.map((r) => String(r.c.c).length))
      let out = ''
      for (const r of rows) {
        const numbers = kinds.map((k) => String(r.c[k]).padStart(width)).join(' ')
        out += `${numbers}${r.name === '' ? '' : ` ${r.name}`}\n`
      }
      sys.write(1, out)
      return status
    },
  )
}
