/** Small GAP texts shared by the tests of the assignment module and of the bench's GAP reader. */

// One OR-Library text with two problems. Problem 0: 2 agents × 3 jobs; problem 1: 3 agents × 4
// jobs, where agent 0 cannot take job 3 (a = 7 > b = 6).
export const twoGapProblems = `2
2 3
6 4 5
3 7 2
3 2 2
2 3 1
4 4
3 4
5 1 8 3
2 6 4 7
3 3 3 3
4 2 3 7
1 4 2 3
3 2 4 1
6 5 6
`
