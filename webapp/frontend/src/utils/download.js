// Saves a downloaded file. Files are fetched as blobs (through request(): session cookie, errors as ApiError) and handed to
// the browser through an object URL.

/** Offers a blob for download under a file name. */
export function saveBlob(blob, fileName) {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName || 'download'
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60000)
}
