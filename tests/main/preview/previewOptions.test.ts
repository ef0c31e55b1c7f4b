import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultUserDataDir } from '../../../src/main/dataDir'
import { previewOptions } from '../../../src/main/preview/previewOptions'

const PROJECT = resolve('/home/jana/frontdesk')

describe('the browser preview', () => {
  it('keeps its data in a throw-away folder of the project by default, never in the app’s data folder', () => {
    const options = previewOptions([], {}, PROJECT)
    expect(options).toEqual({ dataDir: join(PROJECT, '.tmp', 'preview-data'), port: 0, server: null })
    expect(options.dataDir).not.toBe(defaultUserDataDir())
  })

  it('uses the folder and port given after `npm run preview --`', () => {
    expect(previewOptions(['--data-dir=/srv/try-out', '--port=5180'], {}, PROJECT)).toEqual({
      dataDir: resolve('/srv/try-out'),
      port: 5180,
      server: null,
    })
  })

  it('takes FRONTDESK_DATA_DIR like the app, and the flag over it', () => {
    const env = { FRONTDESK_DATA_DIR: '/srv/from-env' }
    expect(previewOptions([], env, PROJECT).dataDir).toBe(resolve('/srv/from-env'))
    expect(previewOptions(['--data-dir=/srv/flag'], env, PROJECT).dataDir).toBe(resolve('/srv/flag'))
  })

  it.each([
    ['--port=abc'],
    ['--port='],
    ['--port=70000'],
    ['--port=-1'],
    ['--data'],
    ['--dataDir=/tmp/x'],
    ['--server'],
    ['5180'],
  ])('refuses %s with the usage instead of starting somewhere unexpected', (flag) => {
    expect(() => previewOptions([flag], {}, PROJECT)).toThrow(
      /npm run preview -- \[--data-dir=PATH\] \[--port=N\] \[--server/,
    )
  })

  describe('on a shared PostgreSQL server', () => {
    const URL = 'postgres://frontdesk_desk@127.0.0.1:5433/jablicko?sslmode=disable'
    const SERVER = {
      host: '127.0.0.1',
      port: 5433,
      database: 'jablicko',
      user: 'frontdesk_desk',
      password: 'desk-secret',
      tls: 'disable',
      allowSuperuser: false,
    }
    const env = { FRONTDESK_DB_PASSWORD: 'desk-secret' }

    it.each([[['--server', URL]], [[`--server=${URL}`]]])('takes the server from %j', (argv) => {
      expect(previewOptions(['--port=5180', ...argv], env, PROJECT)).toMatchObject({ port: 5180, server: SERVER })
    })

    it('takes FRONTDESK_DATABASE_URL, and the flag over it', () => {
      expect(previewOptions([], { ...env, FRONTDESK_DATABASE_URL: URL }, PROJECT).server).toEqual(SERVER)
      const other = URL.replace('jablicko', 'other')
      expect(previewOptions(['--server', other], { ...env, FRONTDESK_DATABASE_URL: URL }, PROJECT).server).toEqual({
        ...SERVER,
        database: 'other',
      })
    })

    it('refuses a URL it cannot use instead of starting on the local file', () => {
      expect(() => previewOptions(['--server', URL], {}, PROJECT)).toThrow(
        /No password: put it in FRONTDESK_DB_PASSWORD/,
      )
      expect(() => previewOptions(['--server', 'db.centre.lan'], env, PROJECT)).toThrow(/Not a URL/)
    })
  })
})
