import { boardDocName } from '@werkraum/shared'
import { DocNameSchema } from '@werkraum/shared/schemas'
import { describe, expect, it } from 'vitest'
import { boardPath, parseRoute, routePath } from './route.ts'

describe('parseRoute', () => {
  it('maps / to the start page', () => {
    expect(parseRoute('/')).toEqual({ kind: 'start' })
  })

  it('maps /b/<name> to that board', () => {
    expect(parseRoute('/b/mutige-wiese-k7m2qx')).toEqual({ kind: 'board', name: 'mutige-wiese-k7m2qx' })
    expect(parseRoute('/b/abc/')).toEqual({ kind: 'board', name: 'abc' })
    // Boards named before typed names lost "." and "_" stay reachable under their links.
    expect(parseRoute('/b/release-v1.2_final')).toEqual({ kind: 'board', name: 'release-v1.2_final' })
  })

  it('turns a typed or encoded name into its slug', () => {
    expect(parseRoute('/b/Ideen%20f%C3%BCr%20den%20Marktplatz')).toEqual({ kind: 'board', name: 'ideen-fuer-den-marktplatz' })
  })

  it('rejects paths that leave no usable name or are not board paths', () => {
    expect(parseRoute('/b/')).toEqual({ kind: 'not-found' })
    expect(parseRoute('/b/%20%2F..')).toEqual({ kind: 'not-found' })
    expect(parseRoute('/b/%E0%A4%A')).toEqual({ kind: 'not-found' })
    expect(parseRoute('/admin')).toEqual({ kind: 'not-found' })
  })

  it('never yields a board whose document name the server would refuse', () => {
    for (const path of ['/b/..%2F..%2Fetc', '/b/%00x', '/b/' + 'x'.repeat(500), '/b/_a', '/b/ÄÖÜ']) {
      const route = parseRoute(path)
      if (route.kind === 'board') expect(DocNameSchema.safeParse(boardDocName(route.name)).success, path).toBe(true)
    }
  })

  it('round-trips through routePath', () => {
    const route = parseRoute(boardPath('stille-eiche-abc234'))
    expect(routePath(route)).toBe('/b/stille-eiche-abc234')
    expect(routePath({ kind: 'not-found' })).toBeUndefined()
  })
})
