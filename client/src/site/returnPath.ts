/**
 * Where a person was before they opened a statement page from the links on
 * every screen, so that the page can lead them back there (into a running
 * workshop, for example) and not only to the start page.
 */
let returnPath: string | undefined

export function rememberReturnPath(path: string): void {
  returnPath = path
}

export function lastReturnPath(): string | undefined {
  return returnPath
}
