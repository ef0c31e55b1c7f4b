import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { BatchOutcome, EnrolmentRow } from '@shared/contract/enrolments'
import type { Result } from '@shared/errors'
import { attempt } from '../../api/client'
import { useFormSubmit } from '../../components/useFormSubmit'
import { usePersonFormat } from '../people/usePersonFormat'
import { chunks } from './enrolmentRules'
import type { BatchStep } from './enrolmentTexts'
import { useEnrolmentText } from './useEnrolmentText'

export type BulkAction = 'approve' | 'reject' | 'waitlist' | 'withdraw'

/** Steps that need a reason first (asked in EnrolmentReasonDialog). */
const ASKS_REASON: readonly BulkAction[] = ['reject', 'withdraw']

/**
 * A bulk step on selected enrolments (approve, reject, waitlist, withdraw) shared by an
 * activity's tabs and the approval queue: asks for a reason where one is needed, sends it in
 * batches of at most 100, and keeps the per-person outcomes for EnrolmentOutcomes.
 */
export function useEnrolmentBatch(afterwards: () => unknown) {
  const { t } = useI18n()
  const text = useEnrolmentText()
  const format = usePersonFormat()
  const { busy, problem, reset, submit } = useFormSubmit()

  const outcomes = ref<BatchOutcome[] | null>(null)
  const people = ref(new Map<number, { name: string; age: number | null }>())
  const pending = ref<{ action: BulkAction; rows: EnrolmentRow[] } | null>(null)
  const asking = ref(false)
  /** What the outcomes shown answer (they name a waitlist place differently after adding people). */
  const step = computed<BatchStep>(() => (pending.value?.action === 'withdraw' ? 'withdraw' : 'decide'))

  const dialog = computed(() => {
    const asked = pending.value
    if (!asked) return null
    const reject = asked.action === 'reject'
    return {
      header: text.count(reject ? 'reason.rejectTitle' : 'reason.withdrawTitle', asked.rows.length),
      text: reject ? undefined : t('enrolments.reason.withdrawText'),
      confirmLabel: t(reject ? 'enrolments.actions.rejectConfirm' : 'enrolments.actions.withdrawConfirm'),
      reasonRequired: !reject,
    }
  })

  function start(action: BulkAction, rows: EnrolmentRow[]): void {
    if (rows.length === 0 || busy.value) return
    reset()
    if (ASKS_REASON.includes(action)) {
      pending.value = { action, rows }
      asking.value = true
    } else {
      void run(action, rows, '')
    }
  }

  function send(action: BulkAction, ids: number[], reason: string): Promise<Result<BatchOutcome[]>> {
    return action === 'withdraw'
      ? attempt('enrolments/withdraw', { ids, reason, source: 'staff' })
      : attempt('enrolments/decide', { ids, decision: action, reason })
  }

  async function run(action: BulkAction, rows: EnrolmentRow[], reason: string): Promise<boolean> {
    pending.value = { action, rows }
    const done: BatchOutcome[] = []
    let ok = true
    for (const batch of chunks(rows)) {
      const result = await submit(
        () =>
          send(
            action,
            batch.map((row) => row.id),
            reason,
          ),
        { toast: !asking.value },
      )
      if (!result.ok) {
        ok = false
        break
      }
      done.push(...result.data)
    }
    if (done.length > 0) {
      people.value = new Map(
        rows.map((row) => [row.personId, { name: format.name({ ...row, id: row.personId }), age: row.age }]),
      )
      outcomes.value = done
      await afterwards()
    }
    if (ok) asking.value = false
    return ok
  }

  async function confirm(answer: { reason: string }): Promise<void> {
    const asked = pending.value
    if (asked) await run(asked.action, asked.rows, answer.reason)
  }

  const dismiss = (): void => void (outcomes.value = null)
  const setAsking = (open: boolean): void => void (asking.value = open)

  return { busy, problem, outcomes, step, people, asking, dialog, start, confirm, run, dismiss, setAsking }
}
