// The renderer's only door to main: one function on one channel. Never expose ipcRenderer
// itself or a generic send/on — the page could then reach any channel.
import { contextBridge, ipcRenderer } from 'electron'
import { CALL_CHANNEL, type FrontdeskApi } from '../shared/transport'

const api: FrontdeskApi = {
  // Only the two arguments travel; anything else the page passes is dropped here.
  call: (name, input) => ipcRenderer.invoke(CALL_CHANNEL, name, input),
}

contextBridge.exposeInMainWorld('api', api)
