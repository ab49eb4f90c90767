/** Hands a file to the browser's download, as a link click would. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  // Revoked later: some browsers read the file after the click has returned.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
