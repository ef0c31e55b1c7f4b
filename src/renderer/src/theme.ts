import Aura from '@primeuix/themes/aura'
import { definePreset } from '@primeuix/themes'

/*
 * Aura with calm teal, and every colour that carries text dark enough for WCAG 2.1 AA (4.5:1):
 * Aura's 500 shades under white text, and its 500/600 shades as text on pale backgrounds, are not.
 * So text-bearing colours use the 700 shade (800 where 700 is still too light), once, here.
 */

const TEAL = Object.fromEntries(
  [50, 100, 200, 300, 400, 500, 600, 700, 800, 900, 950].map((shade) => [shade, `{teal.${shade}}`]),
)

/** Button severities and the palette each is drawn from. */
const SEVERITIES = { info: 'sky', success: 'green', warn: 'orange', help: 'purple', danger: 'red' } as const
type Severity = keyof typeof SEVERITIES

function severityTokens<T>(tokens: (palette: string) => T): Record<Severity, T> {
  return Object.fromEntries(
    Object.entries(SEVERITIES).map(([severity, palette]) => [severity, tokens(palette)]),
  ) as Record<Severity, T>
}

/** Solid buttons: white text on the 700 shade, darker on hover and press. */
const solidButtons = severityTokens((palette) => ({
  background: `{${palette}.700}`,
  hoverBackground: `{${palette}.800}`,
  activeBackground: `{${palette}.900}`,
  borderColor: `{${palette}.700}`,
  hoverBorderColor: `{${palette}.800}`,
  activeBorderColor: `{${palette}.900}`,
  focusRing: { color: `{${palette}.700}` },
}))
const textColour = severityTokens((palette) => ({ color: `{${palette}.700}` }))

/** Messages and toasts: coloured text on a pale tint of the same colour. */
const NOTICE_TEXT = { info: '{blue.700}', success: '{green.800}', warn: '{yellow.800}', error: '{red.700}' }
const noticeColours = Object.fromEntries(
  Object.entries(NOTICE_TEXT).map(([severity, color]) => [
    severity,
    { color, outlined: { color, borderColor: color }, simple: { color } },
  ]),
)

export const FrontdeskTheme = definePreset(Aura, {
  semantic: {
    primary: TEAL,
    colorScheme: {
      light: {
        // White on teal 500 is 2.5:1; on teal 700 it is 5.5:1.
        primary: {
          color: '{primary.700}',
          contrastColor: '#ffffff',
          hoverColor: '{primary.800}',
          activeColor: '{primary.900}',
        },
        highlight: { color: '{primary.800}', focusColor: '{primary.900}' },
        // Tab labels, hints and unselected toggles: slate 500 on the page background is 4.4:1.
        text: { mutedColor: '{surface.600}' },
      },
    },
  },
  components: {
    button: {
      colorScheme: {
        light: {
          root: solidButtons,
          outlined: { ...textColour, secondary: { color: '{surface.600}' } },
          text: { ...textColour, secondary: { color: '{surface.600}' } },
        },
      },
    },
    badge: { colorScheme: { light: severityTokens((palette) => ({ background: `{${palette}.700}` })) } },
    togglebutton: { colorScheme: { light: { root: { color: '{surface.600}' }, icon: { color: '{surface.600}' } } } },
    message: { colorScheme: { light: noticeColours } },
    inlinemessage: { colorScheme: { light: noticeColours } },
    toast: { colorScheme: { light: noticeColours } },
  },
})
