import { describe, expect, it } from 'vitest'
import { Issue } from 'wendbaar'

const { issue, render, withIds } = Issue

describe('Issue.field', () => {
  it.each([
    ['', 'members', 'members'],
    ['members', 3, 'members[3]'],
    ['members[3]', 'qualities', 'members[3].qualities'],
    ['members[3].qualities', 'leadership', 'members[3].qualities.leadership'],
    ['members[3].qualities', '__proto__', 'members[3].qualities.__proto__'],
    ['members[3].qualities', 'a b', 'members[3].qualities["a b"]'],
    ['members[3].qualities', '', 'members[3].qualities[""]'],
    ['x', 'é', 'x["é"]'],
    ['x', '0', 'x["0"]'],
    ['x', 'a"b', 'x["a\\"b"]'],
    ['', 'odd key', '["odd key"]'],
  ] as const)('field(%j, %j) = %j', (path, key, expected) => {
    expect(Issue.field(path, key)).toBe(expected)
  })
})

describe('Issue.issue and render', () => {
  it('builds tagged issues', () => {
    expect(Issue.issue('a.b', 'range', 'too big')).toEqual({
      _tag: 'Issue',
      path: 'a.b',
      code: 'range',
      message: 'too big',
    })
  })
  it('renders one line per issue, the root as (root)', () => {
    expect(
      Issue.render([
        Issue.issue('members[0].capacity', 'range', 'must be > 0'),
        Issue.issue('', 'type', 'expected an object'),
      ]),
    ).toEqual(['members[0].capacity: must be > 0 (range)', '(root): expected an object (type)'])
    expect(Issue.render([])).toEqual([])
  })
})

describe('withIds: readable labels that name the ids on a path', () => {
  const input = {
    members: [{ id: 'm01' }, { id: 'm02', capacity: -1 }, { capacity: 3 }],
    requests: [{ id: 'r1', slots: [{ id: 'r1/lead' }, { id: 'r1/budget', hours: 0 }] }],
    policy: { weights: { fit: -1 } },
    'odd key': [{ id: 'x' }],
  }
  const label = (path: string): string | undefined =>
    withIds(input)([issue(path, 'range', 'm')])[0]!.label
  it('names every element with an id along the path', () => {
    expect(label('members[1].capacity')).toBe('members[1] (m02).capacity')
    expect(label('requests[0].slots[1].hours')).toBe('requests[0] (r1).slots[1] (r1/budget).hours')
    expect(label('["odd key"][0]')).toBe('["odd key"][0] (x)')
  })
  it('leaves paths without ids (or outside the input) unlabelled, and keeps the path', () => {
    expect(label('members[2].capacity')).toBeUndefined()
    expect(label('policy.weights.fit')).toBeUndefined()
    expect(label('members[9].capacity')).toBeUndefined()
    expect(label('members[')).toBeUndefined()
    expect(withIds(input)([issue('members[1].capacity', 'range', 'm')])[0]!.path).toBe('members[1].capacity')
  })
  it('render shows the label; hostile inputs give no label and never throw', () => {
    expect(render(withIds(input)([issue('members[1].capacity', 'range', 'must be > 0')]))).toEqual([
      'members[1] (m02).capacity: must be > 0 (range)',
    ])
    const boom = (): never => {
      throw new Error('boom')
    }
    const hostile = new Proxy([], { get: boom, getOwnPropertyDescriptor: boom, has: boom })
    expect(withIds({ members: hostile })([issue('members[0].id', 'type', 'x')])[0]!.label).toBeUndefined()
  })
  it('decodeProblem labels its issues with the ids of the input', async () => {
    const { decodeProblem } = await import('../src/pipeline/Problem.js')
    const { sampleProblemJson } = await import('../src/samples/Sample.js')
    const json = JSON.parse(JSON.stringify(sampleProblemJson)) as { members: Array<{ id: string; capacity: number }> }
    json.members[3]!.capacity = -4
    const r = decodeProblem(json)
    expect(r._tag === 'Left' && render(r.left)).toEqual([
      `members[3] (${json.members[3]!.id}).capacity: must be a finite number > 0, got -4 (range)`,
    ])
  })
})
