import { describe, expect, it } from 'vitest'
import { Issue } from 'wendbaar'

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
