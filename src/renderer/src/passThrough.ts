import type { PrimeVuePTOptions } from 'primevue/config'
import { i18n } from './i18n'

/*
 * Accessibility fixes applied to every PrimeVue component of a kind, once, through its pass-through
 * options: names for controls PrimeVue leaves unnamed, and attributes it writes wrongly.
 */

const t = (key: string, values: Record<string, unknown> = {}) => i18n.global.t(key, values)

/** A tree node's expand/collapse button, named after the node it opens. */
export function treeToggleName(expanded: boolean, label: unknown): { 'aria-label': string } {
  return { 'aria-label': t(expanded ? 'app.collapseItem' : 'app.expandItem', { name: String(label ?? '') }) }
}

/**
 * InputNumber writes `aria-valuenow="null"` by hand when an emptied field is left (or emptied by
 * a key); an empty spin button must have no current value. These run after PrimeVue's own handlers.
 */
function dropNullValueNow(event: Event): void {
  const input = event.target as HTMLInputElement | null
  if (input?.getAttribute('aria-valuenow') === 'null') input.removeAttribute('aria-valuenow')
}

interface SelectProps {
  props: { inputId?: string; ariaLabel?: string; ariaLabelledby?: string }
}

/**
 * A Select's focusable part is a <span role="combobox">, which a <label for> cannot name. It is named
 * by the field's label (FormField gives it the id `<field>-label`) and then by its own value.
 */
function labelledByField({ props }: SelectProps): { 'aria-labelledby'?: string } {
  if (!props.inputId || props.ariaLabel || props.ariaLabelledby) return {}
  return { 'aria-labelledby': `${props.inputId}-label ${props.inputId}` }
}

interface NodeContext {
  context: { expanded: boolean; node: { label?: string } }
}

export const PASS_THROUGH: PrimeVuePTOptions = {
  inputnumber: {
    pcInputText: {
      root: {
        onBlur: dropNullValueNow,
        onKeydown: dropNullValueNow,
        onInput: dropNullValueNow,
        onPaste: dropNullValueNow,
      },
    },
  },
  select: { label: labelledByField },
  tree: {
    nodeToggleButton: ({ context }: NodeContext) => treeToggleName(context.expanded, context.node.label),
  },
  treeselect: {
    dropdown: () => ({ 'aria-label': t('app.showChoices') }),
  },
}
