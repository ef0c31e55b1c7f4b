import { computed, type ComputedRef } from 'vue'
import { useLocaleStore } from '../../i18n/useLocaleStore'
import { unitTree, type UnitNode, type UnitTreeOptions } from './unitTree'
import { useUnitsStore } from './useUnitsStore'

/** The shared unit list as a tree, siblings in the screen language's alphabetical order. */
export function useUnitTree(options: () => Omit<UnitTreeOptions, 'compare'> = () => ({})): ComputedRef<UnitNode[]> {
  const units = useUnitsStore()
  const locale = useLocaleStore()
  return computed(() => {
    const collator = new Intl.Collator(locale.current)
    return unitTree(units.units, { ...options(), compare: collator.compare })
  })
}
