/**
 * `pnpm bench:catalogue`: how long the server takes to export a workshop's
 * concept catalogue as JSON, Markdown and CSV when its boards are full, next
 * to a reference in the same run: reading the same boards' records out of
 * their documents as JSON, which every export has to do at least.
 *
 * Settings (environment):
 *   BENCH_BOARDS   boards in the workshop (default 4)
 *   BENCH_SHAPES   sticky notes per board, a tenth of them concept cards (default "100,500,1000")
 *   BENCH_REPEATS  exports per format; the median is reported (default 5)
 *
 * The server runs in this process on 127.0.0.1 with a temporary data folder.
 */
import { performance } from 'node:perf_hooks'
import { boardRecords, workshopBoardDocName, type CreatedWorkshop, type WorkshopView } from '@werkraum/shared'
import { connectClient, waitSynced } from '../support/clients.ts'
import { removeDir, startTestServer } from '../support/server.ts'
import { waitFor } from '../support/wait.ts'

const boards = Number(process.env.BENCH_BOARDS ?? 4)
const sizes = (process.env.BENCH_SHAPES ?? '100,500,1000').split(',').map(Number)
const repeats = Number(process.env.BENCH_REPEATS ?? 5)

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

function note(i: number, frame: string): unknown {
  return {
    typeName: 'shape',
    id: `shape:n${i}`,
    type: 'note',
    x: (i % 20) * 220,
    y: Math.floor(i / 20) * 220,
    rotation: 0,
    index: 'a1',
    parentId: i % 3 === 0 ? frame : 'page:page',
    isLocked: false,
    opacity: 1,
    meta: {},
    props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Idee Nummer ${i}: Bürgerbus, Mitfahrbank & Co.` }] }] } },
  }
}

function card(i: number): unknown {
  return {
    typeName: 'shape',
    id: `shape:c${i}`,
    type: 'concept-card',
    x: -600,
    y: i * 500,
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: {},
    props: { w: 420, h: 360, title: `Konzept ${i}`, challenge: 'Wie kommen wir hin?', idea: 'Eine Idee\nin zwei Zeilen', audience: 'Alle', nextSteps: '1. Anfangen', carriers: 'Ada' },
  }
}

async function main(): Promise<void> {
  const rows: string[][] = []
  for (const shapes of sizes) {
    const server = await startTestServer()
    try {
      const post = async (path: string, body: unknown, token?: string) =>
        (await fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })).json()
      const created = (await post('/api/workshops', { title: 'Bench', locale: 'de' })) as CreatedWorkshop
      for (let b = 1; b < boards; b++) await post(`/api/workshops/${created.id}/commands`, { type: 'addBoard', title: `Board ${b}`, template: 'blank' }, created.facilitatorToken)
      const view = (await (await fetch(`${server.url}/api/workshops/${created.id}`, { headers: { authorization: `Bearer ${created.facilitatorToken}` } })).json()) as WorkshopView
      for (const board of view.boards) {
        const client = connectClient(server.wsUrl, workshopBoardDocName(created.id, board.id), { params: { token: created.facilitatorToken } })
        await waitSynced(client)
        client.doc.transact(() => {
          const records = boardRecords(client.doc)
          records.set('shape:frame', { typeName: 'shape', id: 'shape:frame', type: 'frame', x: 0, y: 0, parentId: 'page:page', props: { w: 4000, h: 4000, name: 'Ideen' } })
          for (let i = 0; i < shapes; i++) records.set(`shape:n${i}`, note(i, 'shape:frame'))
          for (let i = 0; i < shapes / 10; i++) records.set(`shape:c${i}`, card(i))
        })
        const doc = workshopBoardDocName(created.id, board.id)
        await waitFor(() => (server.rooms.peek(doc)?.doc.getArray('tl_records').length ?? 0) >= shapes * 1.1, 'the board reached the server', 30_000)
        client.destroy()
      }
      const timed = async (run: () => Promise<unknown>): Promise<number> => {
        const times: number[] = []
        for (let i = 0; i < repeats; i++) {
          const start = performance.now()
          await run()
          times.push(performance.now() - start)
        }
        return median(times)
      }
      const exportAs = (format: string) => async () => {
        const res = await fetch(`${server.url}/api/workshops/${created.id}/export?format=${format}`, { headers: { authorization: `Bearer ${created.facilitatorToken}` } })
        if (!res.ok) throw new Error(`export ${format}: ${res.status}`)
        return res.text()
      }
      const reference = () =>
        Promise.all(view.boards.map((b) => server.rooms.read(workshopBoardDocName(created.id, b.id), (doc) => JSON.stringify(doc.getArray('tl_records').toJSON()))))
      rows.push([
        String(shapes),
        String(boards),
        (await timed(reference)).toFixed(1),
        (await timed(exportAs('json'))).toFixed(1),
        (await timed(exportAs('md'))).toFixed(1),
        (await timed(exportAs('csv'))).toFixed(1),
      ])
    } finally {
      await server.close()
      removeDir(server.dataDir)
    }
  }
  const head = ['notes/board', 'boards', 'reference: read records (ms)', 'JSON (ms)', 'Markdown (ms)', 'CSV (ms)']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ')
  process.stdout.write(`\nConcept catalogue export, median of ${repeats} (a tenth as many concept cards as notes per board)\n\n${line(head)}\n${rows.map(line).join('\n')}\n\n`)
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
