// The port of k8s.io/apimachinery v0.32.0 strategicpatch/patch_test.go's tables (TestStrategicMergePatch with
// createStrategicMergePatchTestCaseData and strategicMergePatchRawTestCases, TestCustomStrategicMergePatch), run
// against upstream's own test schema (mergeItem). Each case keeps upstream's description.

import { describe, expect, it } from 'vitest'
import { ApiError } from '../errors'
import type { JsonMap } from './go-json'
import { applyStrategicMergePatch, createThreeWayMergePatch, createTwoWayMergePatch } from './strategic'
import { mergeItemSchema, rawCases, sortMergeListsByName, typedCases, yamlDoc, type RawCase, type TypedCase } from './testing/upstream'

const schema = mergeItemSchema()
const sorted = (m: JsonMap | undefined) => (m === undefined ? undefined : sortMergeListsByName(m, schema))

// kubectl apply always overwrites: a case that only checks a conflict is reported has nothing to run here;
// one with a result runs as upstream's "force" branch (overwrite=true).
const conflictOnly = (c: { description: string; result?: unknown }) => c.description.includes('conflict') && !c.result

describe('createStrategicMergePatchTestCaseData (typed cases, lists sorted by merge key as upstream does)', () => {
  const cases = typedCases('create-strategic-merge-patch-cases.yaml')
  it.each(cases.map((c) => [c.description, c] as [string, TypedCase]))('%s / TwoWay', (_, c) => {
    const original = sorted(c.original) ?? {}
    const patch = createTwoWayMergePatch(original, sorted(c.modified), schema)
    expect(patch).toEqual(sorted(c.twoWay))
    expect(applyStrategicMergePatch(original, patch, schema)).toEqual(sorted(c.twoWayResult ?? c.modified))
  })
  it.each(cases.filter((c) => !conflictOnly(c)).map((c) => [c.description, c] as [string, TypedCase]))('%s / ThreeWay', (_, c) => {
    const current = sorted(c.current) ?? {}
    const patch = createThreeWayMergePatch(sorted(c.original), sorted(c.modified), current, schema)
    expect(patch).toEqual(sorted(c.threeWay))
    expect(applyStrategicMergePatch(current, patch, schema)).toEqual(sorted(c.result))
  })
})

describe('strategicMergePatchRawTestCases (exact lists, in upstream order)', () => {
  const cases = rawCases('strategic-merge-patch-raw-cases.json')
  it.each(cases.filter((c) => c.twoWay !== undefined).map((c) => [c.description, c] as [string, RawCase]))('%s / TwoWay', (_, c) => {
    const original = yamlDoc(c.original) ?? {}
    const patch = createTwoWayMergePatch(original, yamlDoc(c.modified), schema)
    expect(patch).toEqual(yamlDoc(c.twoWay) ?? {})
    expectApplied(original, patch, yamlDoc(c.twoWayResult ?? c.modified), c.expectedError)
  })
  it.each(cases.filter((c) => !conflictOnly(c)).map((c) => [c.description, c] as [string, RawCase]))('%s / ThreeWay', (_, c) => {
    const current = yamlDoc(c.current) ?? {}
    const patch = createThreeWayMergePatch(yamlDoc(c.original), yamlDoc(c.modified), current, schema)
    expect(patch).toEqual(yamlDoc(c.threeWay) ?? {})
    expectApplied(current, patch, yamlDoc(c.result), c.expectedError)
  })
})

describe('TestCustomStrategicMergePatch (hand-written patches applied)', () => {
  it.each(typedCases('custom-strategic-merge-patch-cases.yaml').map((c) => [c.description, c] as [string, TypedCase]))('%s', (_, c) => {
    const original = sorted(c.original) ?? {}
    expect(applyStrategicMergePatch(original, sorted(c.twoWay), schema)).toEqual(sorted(c.twoWayResult ?? c.modified))
  })
  it.each(rawCases('custom-strategic-merge-patch-raw-cases.json').map((c) => [c.description, c] as [string, RawCase]))('%s', (_, c) => {
    expectApplied(yamlDoc(c.original) ?? {}, yamlDoc(c.twoWay) ?? {}, yamlDoc(c.twoWayResult ?? c.modified), c.expectedError)
  })
})

function expectApplied(doc: JsonMap, patch: JsonMap, expected: JsonMap | undefined, expectedError: string | undefined) {
  if (expectedError) {
    expect(() => applyStrategicMergePatch(doc, patch, schema)).toThrow(ApiError)
    expect(() => applyStrategicMergePatch(doc, patch, schema)).toThrow(expectedError)
    return
  }
  expect(applyStrategicMergePatch(doc, patch, schema)).toEqual(expected)
}
