import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { saveBlob } from '../utils/download.js'

/**
 * Downloads a stored file (a case's document or attachment) one at a time and saves it under its own name.
 *   fetchFile(file)     Promise<{blob, fileName}> of the file's bytes
 *   fallbackName(file)  the name to save under when neither the file nor the answer names it
 *   failedMessage(err)  the error message shown when it fails
 * busy is the id of the file being downloaded (null when none); a page may also set it while it changes that file,
 * so that no download starts meanwhile.
 */
export function useFileDownload({ fetchFile, fallbackName, failedMessage }) {
  const busy = ref(null)

  async function download(file) {
    if (busy.value !== null) return
    busy.value = file.id
    try {
      const received = await fetchFile(file)
      saveBlob(received.blob, file.fileName || received.fileName || fallbackName(file))
    } catch (err) {
      ElMessage({ type: 'error', message: failedMessage(err), duration: 6000, showClose: true })
    } finally {
      busy.value = null
    }
  }

  return { busy, download }
}
