import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultUserDataDir } from '../../../src/main/dataDir'
import { previewOptions } from '../../../src/main/preview/previewOptions'

const PROJECT = resolve('/home/jana/frontdesk')

describe('the browser preview', () => {
  it('keeps its data in a throw-away folder of the project by default, never in the app’s data folder', () => {
    const options = previewOptions([], {}, PROJECT)
    expect(options).toEqual({ dataDir: join(PROJECT, '.tmp', 'preview-data'), port: 0 })
    expect(options.dataDir).not.toBe(defaultUserDataDir())
  })

  it('uses the folder and port given after `npm run preview --`', () => {
    expect(previewOptions(['--data-dir=/srv/try-out', '--port=5180'], {}, PROJECT)).toEqual({
      dataDir: resolve('/srv/try-out'),
      port: 5180,
    })
  })

  it('takes FRONTDESK_DATA_DIR like the app, and the flag over it', () => {
    const env = { FRONTDESK_DATA_DIR: '/srv/from-env' }
    expect(previewOptions([], env, PROJECT).dataDir).toBe(resolve('/srv/from-env'))
    expect(previewOptions(['--data-dir=/srv/flag'], env, PROJECT).dataDir).toBe(resolve('/srv/flag'))
  })

  it.each([['--port=abc'], ['--port='], ['--port=70000'], ['--port=-1'], ['--data'], ['--dataDir=/tmp/x']])(
    'refuses %s with the usage instead of starting somewhere unexpected',
    (flag) => {
      expect(() => previewOptions([flag], {}, PROJECT)).toThrow(/npm run preview -- \[--data-dir=PATH\] \[--port=N\]/)
    },
  )
})
