import { ref } from 'vue'
import { useRouter } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { openDisposal } from '../api/index.js'
import { describeError } from '../api/http.js'

/**
 * The "处置" action of an alarm: POST /api/disposals {alarmId} opens its disposal record (or finds the one already
 * open) and the disposal page is shown. `opening` holds the id of the alarm being opened (for a loading button).
 */
export function useOpenDisposal() {
  const router = useRouter()
  const { t } = useI18n()
  const opening = ref(null)

  async function startDisposal(alarm, { beforeNavigate } = {}) {
    const alarmId = alarm?.id
    if (alarmId === undefined || alarmId === null || opening.value !== null) return
    opening.value = alarmId
    try {
      const disposal = await openDisposal(alarmId)
      if (!disposal || disposal.id === undefined || disposal.id === null) throw new Error(t('disposals.openFailedEmpty'))
      if (beforeNavigate) beforeNavigate(disposal)
      await router.push({ name: 'disposal', params: { id: String(disposal.id) } })
    } catch (err) {
      ElMessage({ type: 'error', message: t('disposals.openFailed', { msg: describeError(err, t) }), duration: 6000 })
    } finally {
      opening.value = null
    }
  }

  return { startDisposal, opening }
}
