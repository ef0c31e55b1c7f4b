import { z } from 'zod'
import { visibleText } from '../text/visibleText'

/**
 * A name of something or someone (a person's first name, a unit, a role, a staff member, the
 * centre): stored as seen, so one made only of invisible characters is empty and `required`.
 */
export const visibleName = (max: number) => z.string().overwrite(visibleText).min(1).max(max)
