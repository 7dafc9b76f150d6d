// Files kept by the pages (registration documents, hidden-danger photos and evidence, inspection certificates): how
// one is shown, the type it is uploaded with, the client checks before an upload, sizes and hashes for people.
// Pure (no imports): tested through registrations.test.js, hiddenDangers.test.js and equipment.test.js.

/** The servers' limit of one uploaded file (registration documents, hidden-danger attachments, certificates). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024

/** How a document can be shown in the page: 'pdf', 'image', 'text' or 'none' (offered for download only). */
export function previewKind(contentType, fileName = '') {
  const type = String(contentType ?? '').toLowerCase().split(';')[0].trim()
  const name = String(fileName ?? '').toLowerCase()
  if (type === 'application/pdf') return 'pdf'
  if (/^image\/(png|jpe?g|gif|webp|bmp)$/.test(type)) return 'image'
  if (type.startsWith('text/') || ['application/json', 'application/xml'].includes(type)) return 'text'
  // A type the uploader's browser did not know: the file name decides.
  if (!type || type === 'application/octet-stream') {
    if (name.endsWith('.pdf')) return 'pdf'
    if (/\.(png|jpe?g|gif|webp|bmp)$/.test(name)) return 'image'
    if (/\.(txt|csv|log|md|json|xml)$/.test(name)) return 'text'
  }
  return 'none'
}

/** The Content-Type an upload is sent with: the file's own, else one guessed from its name, else octet-stream. */
export function uploadContentType(file) {
  const own = String(file?.type ?? '').trim()
  if (own) return own
  const name = String(file?.name ?? '').toLowerCase()
  const byExtension = {
    pdf: 'application/pdf',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    gif: 'image/gif',
    webp: 'image/webp',
    txt: 'text/plain',
    csv: 'text/csv',
    doc: 'application/msword',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    xls: 'application/vnd.ms-excel',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    zip: 'application/zip'
  }
  const match = /\.([a-z0-9]+)$/.exec(name)
  return (match && byExtension[match[1]]) || 'application/octet-stream'
}

/** Client check of a file chosen for upload: 'empty', 'tooLarge', or null. */
export function uploadProblem(file) {
  const size = Number(file?.size)
  if (!Number.isFinite(size) || size <= 0) return 'empty'
  if (size > MAX_UPLOAD_BYTES) return 'tooLarge'
  return null
}

/** A file size for people: "812 B", "35.2 KB", "4.1 MB"; '' when unknown. */
export function formatFileSize(size) {
  if (size === null || size === undefined || size === '') return ''
  const n = Number(size)
  if (!Number.isFinite(n) || n < 0) return ''
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}

/** A SHA-256 (or any long hash) shortened for a table: the first and last 8 characters. */
export function shortHash(hash) {
  const text = String(hash ?? '')
  return text.length > 20 ? `${text.slice(0, 8)}…${text.slice(-8)}` : text
}
