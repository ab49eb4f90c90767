/**
 * Forgetting a workshop on this device: the token, and the boards' local
 * copies in IndexedDB. Called when the workshop was deleted or we were removed
 * from it, so nothing of it stays in the browser (DSGVO: data deletable).
 * With `gone`, only its title stays on the start page's list, marked as no
 * longer available, until the person removes it there.
 */
import { forgetFolds } from '../settings/panelFolds.ts'
import { forgetCredential } from './credentials.ts'

export async function forgetWorkshop(workshopId: string, options: { readonly gone?: boolean } = {}): Promise<void> {
  forgetCredential(workshopId, options)
  forgetFolds(workshopId)
  // `databases()` is missing in older browsers; their copies go when the person clears site data.
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return
  try {
    const prefix = `ws.${workshopId}.`
    for (const { name } of await indexedDB.databases()) {
      if (name?.startsWith(prefix)) indexedDB.deleteDatabase(name)
    }
  } catch (error) {
    console.warn('werkraum: could not delete local copies of the workshop', error)
  }
}
