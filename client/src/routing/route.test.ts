import { boardDocName } from '@werkraum/shared'
import { DocNameSchema } from '@werkraum/shared/schemas'
import { describe, expect, it } from 'vitest'
import { boardPath, joinPath, parseRoute, routePath, workshopPath } from './route.ts'

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

describe('workshop and join routes', () => {
  it('maps /w/<id> to the workshop, its boards and its console', () => {
    expect(parseRoute('/w/Ab12')).toEqual({ kind: 'workshop', id: 'Ab12', view: { kind: 'board' } })
    expect(parseRoute('/w/Ab12/b/X9')).toEqual({ kind: 'workshop', id: 'Ab12', view: { kind: 'board', boardId: 'X9' } })
    expect(parseRoute('/w/Ab12/console')).toEqual({ kind: 'workshop', id: 'Ab12', view: { kind: 'console' } })
    expect(parseRoute('/w/Ab12/results/pQ7')).toEqual({ kind: 'workshop', id: 'Ab12', view: { kind: 'results', phaseId: 'pQ7' } })
    expect(parseRoute('/w/Ab12/results')).toEqual({ kind: 'not-found' })
    expect(parseRoute('/w/Ab12/results/p-1')).toEqual({ kind: 'not-found' })
    expect(parseRoute('/w/Ab-12')).toEqual({ kind: 'not-found' })
    expect(parseRoute('/w/Ab12/elsewhere')).toEqual({ kind: 'not-found' })
  })

  it('maps /j and /j/<code> to the join page, with the code as it was typed', () => {
    expect(parseRoute('/j')).toEqual({ kind: 'join', code: '' })
    expect(parseRoute('/j/K7M-2QX')).toEqual({ kind: 'join', code: 'K7M-2QX' })
    expect(parseRoute('/j/%E0%A4%A')).toEqual({ kind: 'join', code: '' })
  })

  it('writes the paths it reads', () => {
    for (const path of [workshopPath('Ab12'), workshopPath('Ab12', { kind: 'board', boardId: 'X9' }), workshopPath('Ab12', { kind: 'console' }), workshopPath('Ab12', { kind: 'results', phaseId: 'pQ7' }), joinPath('K7M2QX'), joinPath()]) {
      expect(routePath(parseRoute(path))).toBe(path)
    }
  })
})

describe('statement pages', () => {
  it('have a German and an English address each, which stay as they were typed', () => {
    expect(parseRoute('/barrierefreiheit')).toEqual({ kind: 'info', page: 'accessibility', pathLanguage: 'de' })
    expect(parseRoute('/accessibility/')).toEqual({ kind: 'info', page: 'accessibility', pathLanguage: 'en' })
    expect(parseRoute('/datenschutz')).toEqual({ kind: 'info', page: 'privacy', pathLanguage: 'de' })
    expect(parseRoute('/privacy')).toEqual({ kind: 'info', page: 'privacy', pathLanguage: 'en' })
    expect(parseRoute('/leichte-sprache')).toEqual({ kind: 'info', page: 'easy-read', pathLanguage: 'de' })
    expect(parseRoute('/easy-read')).toEqual({ kind: 'info', page: 'easy-read', pathLanguage: 'en' })
    expect(parseRoute('/feedback')).toMatchObject({ kind: 'info', page: 'feedback' })
    for (const path of ['/barrierefreiheit', '/accessibility', '/datenschutz', '/privacy', '/leichte-sprache', '/easy-read', '/feedback']) {
      expect(routePath(parseRoute(path))).toBe(path)
    }
    expect(parseRoute('/datenschutz/mehr')).toEqual({ kind: 'not-found' })
  })
})
