import type { Relation, Sex } from '@shared/contract/people'

/**
 * What a guardian is to the child, from the guardian's sex: a woman is usually the mother, a
 * man the father. Unknown sex gives no answer: the user says, rather than a silent "other".
 */
export function relationForGuardian(sex: Sex | 'none' | null | undefined): Relation | null {
  return sex === 'female' ? 'mother' : sex === 'male' ? 'father' : null
}
