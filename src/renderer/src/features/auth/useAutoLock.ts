import { computed, onMounted, onUnmounted, ref, watch } from 'vue'
import { attempt } from '../../api/client'
import { useAuthStore } from './useAuthStore'

const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const
/** Main locks a desk a minute after its countdown; typing without calls must still count. */
const TOUCH_EVERY_MS = 30_000

/** Counts down the idle time; any activity restarts it; at zero the desk locks. */
export function useAutoLock() {
  const auth = useAuthStore()
  const now = ref(Date.now())
  const lastActivity = ref(Date.now())
  let lastTouch = Date.now()
  let timer: ReturnType<typeof setInterval> | undefined

  const limitMs = computed(() => (auth.session?.autoLockMinutes ?? 10) * 60_000)
  const remainingMs = computed(() => Math.max(0, limitMs.value - (now.value - lastActivity.value)))

  function restart(): void {
    if (auth.locked) return
    lastActivity.value = now.value = Date.now()
    if (lastActivity.value - lastTouch > TOUCH_EVERY_MS) {
      lastTouch = lastActivity.value
      void attempt('auth/touch', {})
    }
  }

  function tick(): void {
    now.value = Date.now()
    if (!auth.locked && remainingMs.value === 0) void auth.lock()
  }

  watch(
    () => auth.locked,
    (locked) => {
      if (!locked) lastActivity.value = now.value = Date.now()
    },
  )

  onMounted(() => {
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, restart, { passive: true })
    timer = setInterval(tick, 1000)
  })
  onUnmounted(() => {
    for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, restart)
    clearInterval(timer)
  })

  return { remainingMs, restart, minutes: computed(() => limitMs.value / 60_000) }
}
