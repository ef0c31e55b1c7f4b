import type { FrontdeskApi } from '../shared/transport'

declare global {
  interface Window {
    api: FrontdeskApi
  }
}

export {}
