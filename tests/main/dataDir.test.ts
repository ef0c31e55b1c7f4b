import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultUserDataDir } from '../../src/main/dataDir'

describe('default data folder for the demo and bench scripts', () => {
  it('is the folder the Electron app uses on each platform', () => {
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\Jana\\AppData\\Roaming' }, 'C:\\Users\\Jana')).toBe(
      join('C:\\Users\\Jana\\AppData\\Roaming', 'Frontdesk'),
    )
    expect(defaultUserDataDir('darwin', {}, '/Users/jana')).toBe('/Users/jana/Library/Application Support/Frontdesk')
    expect(defaultUserDataDir('linux', {}, '/home/jana')).toBe('/home/jana/.config/Frontdesk')
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/home/jana/.cfg' }, '/home/jana')).toBe(
      '/home/jana/.cfg/Frontdesk',
    )
  })
})
