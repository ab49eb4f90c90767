import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { WorkshopStore } from './store.ts'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('WorkshopStore', () => {
  it('opens a data folder written before touched_at and templates existed, and keeps its workshops', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'werkraum-store-'))
    dirs.push(dir)
    const old = new Database(path.join(dir, 'workshops.db'))
    old.exec(`
      CREATE TABLE workshops (id TEXT PRIMARY KEY, title TEXT NOT NULL, locale TEXT NOT NULL, join_code TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL);
      CREATE TABLE boards (id TEXT PRIMARY KEY, workshop_id TEXT NOT NULL, title TEXT NOT NULL, position INTEGER NOT NULL, locked INTEGER NOT NULL DEFAULT 0, archived INTEGER NOT NULL DEFAULT 0);
      INSERT INTO workshops VALUES ('xOld', 'Alt', 'de', 'ABCDEFG', 0);
      INSERT INTO boards VALUES ('xBoard', 'xOld', 'Plenum', 0, 0, 0);
    `)
    old.close()
    const store = new WorkshopStore(dir)
    expect(store.board('xOld', 'xBoard')?.template).toBe('blank')
    // Counted as touched now, so the retention sweep does not delete it at once.
    expect(store.untouchedSince(Date.now() - 60_000)).toEqual([])
    // follow_up_of was added later too: old workshops follow up on nothing, new ones can.
    expect(store.workshop('xOld')?.followUpOf).toBeUndefined()
    const { workshop } = store.create('Neu', 'de', 'Plenum', 'xOld')
    expect(store.workshop(workshop.id)?.followUpOf).toBe('xOld')
    store.close()
  })
})
