import { describe, expect, it } from 'vitest'
import { loadAtStart, type StartLoads } from '../../../src/renderer/src/features/system/loadAtStart'

/** Calls that stay open until the test answers them, so it can see which ones were sent together. */
function pendingCalls(readOnly = false) {
  const sent: string[] = []
  const answers = new Map<string, { resolve: () => void; reject: (error: Error) => void }>()
  const call = (name: string) => () =>
    new Promise<void>((resolve, reject) => {
      sent.push(name)
      answers.set(name, { resolve, reject })
    })
  const loads: StartLoads = {
    status: call('status'),
    organisation: call('organisation'),
    auth: call('auth'),
    readOnly: () => readOnly,
  }
  return { sent, answers, loads }
}

describe('starting the app', () => {
  it('asks for status, organisation and sign-in state at once, not one after another', async () => {
    const { sent, answers, loads } = pendingCalls()
    const started = loadAtStart(loads)
    // Nothing has answered yet, and all three questions are already on their way.
    expect(sent).toEqual(['status', 'organisation', 'auth'])
    for (const answer of answers.values()) answer.resolve()
    expect(await started).toBeUndefined()
  })

  it('a damaged file still reaches the restore offer, even when the other reads fail first', async () => {
    const { answers, loads } = pendingCalls(true)
    const started = loadAtStart(loads)
    answers.get('organisation')?.reject(new Error('database disk image is malformed'))
    answers.get('auth')?.reject(new Error('database disk image is malformed'))
    answers.get('status')?.resolve()
    expect(await started).toBeUndefined()
  })

  it('on a healthy file a failed read is shown', async () => {
    const { answers, loads } = pendingCalls()
    const started = loadAtStart(loads)
    answers.get('status')?.resolve()
    answers.get('organisation')?.resolve()
    answers.get('auth')?.reject(new Error('no answer'))
    expect(await started).toEqual(new Error('no answer'))
  })

  it('a status that cannot be read is shown', async () => {
    const { answers, loads } = pendingCalls()
    const started = loadAtStart(loads)
    answers.get('status')?.reject(new Error('backend down'))
    answers.get('organisation')?.resolve()
    answers.get('auth')?.resolve()
    expect(await started).toEqual(new Error('backend down'))
  })
})
