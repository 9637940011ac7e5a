// client-go util/jsonpath/parser_test.go (v0.32.5), ported: each template's tree, node by node as node.go's
// String() prints it, and the parser's error texts.
import { describe, expect, it } from 'vitest'
import { collectNodes } from './jsonpath'
import { parse } from './parser'

const PARSER_TESTS: Array<[string, string, string[]]> = [
  ['plain', 'hello jsonpath', ['NodeText: hello jsonpath']],
  ['variable', 'hello {.jsonpath}', ['NodeText: hello ', 'NodeList', 'NodeField: jsonpath']],
  ['arrayfiled', "hello {['jsonpath']}", ['NodeText: hello ', 'NodeList', 'NodeField: jsonpath']],
  ['quote', '{"{"}', ['NodeList', 'NodeText: {']],
  ['array', '{[1:3]}', ['NodeList', 'NodeArray: [{1 true false} {3 true false} {0 false false}]']],
  ['allarray', '{.book[*].author}', ['NodeList', 'NodeField: book', 'NodeArray: [{0 false false} {0 false false} {0 false false}]', 'NodeField: author']],
  ['wildcard', '{.bicycle.*}', ['NodeList', 'NodeField: bicycle', 'NodeWildcard']],
  ['filter', '{[?(@.price<3)]}', ['NodeList', 'NodeFilter: NodeList < NodeList', 'NodeList', 'NodeField: price', 'NodeList', 'NodeInt: 3']],
  ['recursive', '{..}', ['NodeList', 'NodeRecursive']],
  ['recurField', '{..price}', ['NodeList', 'NodeRecursive', 'NodeField: price']],
  ['arraydict', "{['book.price']}", ['NodeList', 'NodeField: book', 'NodeField: price']],
  ['union', "{['bicycle.price', 3, 'book.price']}", [
    'NodeList', 'NodeUnion', 'NodeList', 'NodeField: bicycle', 'NodeField: price',
    'NodeList', 'NodeArray: [{3 true false} {4 true true} {0 false false}]', 'NodeList', 'NodeField: book', 'NodeField: price',
  ]],
  ['range', '{range .items}{.name},{end}', ['NodeList', 'NodeIdentifier: range', 'NodeField: items', 'NodeList', 'NodeField: name', 'NodeText: ,', 'NodeList', 'NodeIdentifier: end']],
  ['paired parentheses in quotes', '{[?(@.status.nodeInfo.osImage == "()")]}', filterOn('()')],
  ['paired parentheses in double quotes and with double quotes escape', '{[?(@.status.nodeInfo.osImage == "(\\"\\")")]}', filterOn('("")')],
  ['unregular parentheses in double quotes', '{[?(@.test == "())(")]}', ['NodeList', 'NodeFilter: NodeList == NodeList', 'NodeList', 'NodeField: test', 'NodeList', 'NodeText: ())(']],
  ['plain text in single quotes', "{[?(@.status.nodeInfo.osImage == 'Linux')]}", filterOn('Linux')],
  ['test filter suffix', '{[?(@.status.nodeInfo.osImage == "{[()]}")]}', filterOn('{[()]}')],
  ['double inside single', `{[?(@.status.nodeInfo.osImage == "''")]}`, filterOn("''")],
  ['single inside double', `{[?(@.status.nodeInfo.osImage == '""')]}`, filterOn('""')],
  ['single containing escaped single', "{[?(@.status.nodeInfo.osImage == '\\\\\\'')]}", filterOn("\\'")],
  ['negative index slice, equals a[len-5] to a[len-1]', '{[-5:]}', ['NodeList', 'NodeArray: [{-5 true false} {0 false false} {0 false false}]']],
  ['negative index slice, equals a[len-1]', '{[-1]}', ['NodeList', 'NodeArray: [{-1 true false} {0 true true} {0 false false}]']],
  ['negative index slice, equals a[1] to a[len-1]', '{[1:-1]}', ['NodeList', 'NodeArray: [{1 true false} {-1 true false} {0 false false}]']],
]

function filterOn(text: string): string[] {
  return ['NodeList', 'NodeFilter: NodeList == NodeList', 'NodeList', 'NodeField: status', 'NodeField: nodeInfo', 'NodeField: osImage', 'NodeList', `NodeText: ${text}`]
}

describe('the JSONPath parser builds the tree client-go builds (parser_test.go TestParser)', () => {
  it.each(PARSER_TESTS)('%s', (_name, text, nodes) => {
    expect(collectNodes(parse(text)).slice(1)).toEqual(nodes)
  })

  it('malformat input is refused', () => {
    expect(() => parse('{\\\\\\}')).toThrow()
  })
})

describe('the JSONPath parser refuses with client-go words (parser_test.go TestFailParser)', () => {
  it.each([
    ['unclosed action', '{.hello', 'unclosed action'],
    ['unrecognized character', '{*}', "unrecognized character in action: U+002A '*'"],
    ['invalid number', '{+12.3.0}', 'cannot parse number +12.3.0'],
    ['unterminated array', '{[1}', 'unterminated array'],
    ['unterminated filter', '{[?(.price]}', 'unterminated filter'],
    ['invalid multiple recursive descent', '{........}', 'invalid multiple recursive descent'],
    // Not in upstream's table; the texts are parser.go's.
    ['invalid array index', '{[a]}', 'invalid array index a'],
    ['unterminated quoted string', '{"abc}', 'unterminated quoted string'],
    ['unclosed filter array', '{[?(@.a)x}', 'unclosed array expect ]'],
  ])('%s', (_name, text, message) => {
    expect(() => parse(text)).toThrow(message)
    try {
      parse(text)
    } catch (e) {
      expect((e as Error).message).toBe(message)
    }
  })
})
