import { describe, expect, it } from 'vitest'
import { SETTING_NAMES, loadConfig } from './config.ts'

describe('loadConfig', () => {
  it('has documented defaults and resolves relative paths from where the command ran', () => {
    const config = loadConfig({ INIT_CWD: '/srv/werkraum', DATA_DIR: 'daten' })
    expect(config.PORT).toBe(8787)
    expect(config.HOST).toBe('0.0.0.0')
    expect(config.DATA_DIR).toBe('/srv/werkraum/daten')
    expect(config.DOC_UNLOAD_MS).toBeLessThanOrEqual(30_000)
    expect(config.COMMIT_WINDOW_MS).toBeLessThanOrEqual(50)
  })

  it('names every bad setting', () => {
    expect(() => loadConfig({ PORT: 'achtzig', COMMIT_WINDOW_MS: '500', STORAGE: 'mongo' })).toThrow(/PORT.*COMMIT_WINDOW_MS.*STORAGE/)
    expect(() => loadConfig({ STORAGE: 'postgres' })).toThrow(/DATABASE_URL: required/)
    expect(() => loadConfig({ PORT: '-1' })).toThrow(/PORT/)
    expect(() => loadConfig({ HEARTBEAT_MS: '3000000000' })).toThrow(/HEARTBEAT_MS/)
    expect(() => loadConfig({ DATABASE_SCHEMA: 'Robert"; DROP' })).toThrow(/DATABASE_SCHEMA/)
  })

  it('is documented: the README lists every setting', async () => {
    const { readFileSync } = await import('node:fs')
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    for (const name of SETTING_NAMES) expect(readme, name).toContain(`| \`${name}\``)
  })
})
