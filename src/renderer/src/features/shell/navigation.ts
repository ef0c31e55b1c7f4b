import type { Permission } from '@shared/permissions'
import type { MessageSchema } from '../../i18n/locales/en'

export interface NavigationItem {
  name: string
  path: string
  label: `nav.${keyof MessageSchema['nav']}`
  icon: string
  /** Shown, and reachable, only for staff holding this permission somewhere. */
  requires?: Permission
  /** Not built yet: greyed in the menu with a "coming soon" label, and its page says so. */
  comingSoon?: true
}

/** The reception's sections, in the order staff use them during a day. */
export const NAVIGATION: NavigationItem[] = [
  { name: 'people', path: '/people', label: 'nav.people', icon: 'pi pi-users', requires: 'people.view' },
  { name: 'activities', path: '/activities', label: 'nav.activities', icon: 'pi pi-calendar' },
  {
    name: 'enrolments',
    path: '/enrolments',
    label: 'nav.enrolments',
    icon: 'pi pi-check-square',
    requires: 'enrolments.decide',
  },
  { name: 'cash-desk', path: '/cash-desk', label: 'nav.cashDesk', icon: 'pi pi-wallet', comingSoon: true },
  { name: 'appointments', path: '/appointments', label: 'nav.appointments', icon: 'pi pi-clock', comingSoon: true },
  { name: 'messages', path: '/messages', label: 'nav.messages', icon: 'pi pi-envelope', comingSoon: true },
  { name: 'audit', path: '/audit', label: 'nav.audit', icon: 'pi pi-history', requires: 'audit.view' },
  { name: 'settings', path: '/settings', label: 'nav.settings', icon: 'pi pi-cog', requires: 'settings.admin' },
]
