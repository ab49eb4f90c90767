import { boardSlug } from '@werkraum/shared'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiCallError, fetchCatalogue, fetchFile } from '../../workshop/api.ts'
import type { ControlBoard } from '../../workshop/controlState.ts'
import { useBoardPictures, type BoardPicture } from '../../workshop/export/boardPictures.tsx'
import { cataloguePdf, type PdfPicture } from '../../workshop/export/cataloguePdf.ts'
import { drawAllBoards, htmlFile, markdownZip, svgsOf } from '../../workshop/export/exportCatalogue.ts'
import { saveFile } from '../../workshop/export/saveFile.ts'
import { ActionButton } from './ActionButton.tsx'

const FORMATS = ['html', 'pdf', 'zip', 'json', 'md', 'csv'] as const
type Format = (typeof FORMATS)[number]

interface CataloguePanelProps {
  readonly workshopId: string
  readonly token: string
  readonly title: string
  /** Every board that is not archived, room boards included. */
  readonly boards: readonly ControlBoard[]
}

/** Pictures drawn as JPEG, for the PDF. */
function jpegsOf(pictures: ReadonlyMap<string, BoardPicture>): Map<string, PdfPicture> {
  return new Map([...pictures].flatMap(([id, p]) => (p.image !== undefined ? [[id, { jpeg: p.image, width: p.width, height: p.height }] as [string, PdfPicture]] : [])))
}

type Progress = { readonly done: number; readonly total: number } | undefined

/**
 * Exporting the concept catalogue: HTML (to read and to print as PDF) and a
 * Markdown ZIP with every board's picture, drawn here board by board with a
 * progress bar; JSON, Markdown and CSV as the server renders them. And any
 * one board's picture as SVG or PNG.
 */
export function CataloguePanel({ workshopId, token, title, boards }: CataloguePanelProps) {
  const { t } = useTranslation()
  const ids = { heading: useId(), names: useId(), format: useId(), board: useId(), progress: useId() }
  const [format, setFormat] = useState<Format>('html')
  const [names, setNames] = useState(false)
  const [progress, setProgress] = useState<Progress>()
  const [status, setStatus] = useState('')
  const [problem, setProblem] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [boardId, setBoardId] = useState<string>(boards[0]?.id ?? '')
  const pictures = useBoardPictures(workshopId, token)
  const base = boardSlug(title) || 'workshop'

  const run = async (work: () => Promise<void>): Promise<void> => {
    if (busy) return
    setBusy(true)
    setProblem(undefined)
    setStatus('')
    try {
      await work()
    } catch (error) {
      setProblem(error instanceof ApiCallError ? error.message : t('catalogueExport.failed'))
      setStatus('')
    } finally {
      setBusy(false)
      setProgress(undefined)
    }
  }

  const exportCatalogue = () =>
    run(async () => {
      if (format === 'json' || format === 'md' || format === 'csv') {
        setStatus(t('catalogueExport.preparing'))
        const file = await fetchFile(`/api/workshops/${encodeURIComponent(workshopId)}/export?format=${format}${names ? '&names=1' : ''}`, token)
        saveFile(file, `${base}-catalogue.${format}`)
      } else {
        setStatus(t('catalogueExport.preparing'))
        const catalogue = await fetchCatalogue(workshopId, token, names)
        const drawn = await drawAllBoards(catalogue, pictures.picture, format === 'pdf' ? 'jpeg' : 'svg', (done, total) => {
          setProgress({ done, total })
          // Politely, and only what changed: one line per board.
          setStatus(done < total ? t('catalogueExport.drawing', { done: String(done + 1), total: String(total) }) : t('catalogueExport.assembling'))
        })
        const file =
          format === 'pdf'
            ? await cataloguePdf(catalogue, jpegsOf(drawn))
            : format === 'html'
              ? htmlFile(catalogue, svgsOf(drawn))
              : markdownZip(catalogue, svgsOf(drawn), base)
        saveFile(file, `${base}-catalogue.${format}`)
      }
      setStatus(t('catalogueExport.done'))
    })

  const exportBoard = (kind: 'svg' | 'png') =>
    run(async () => {
      // The chosen board may have been archived meanwhile; the list then shows the first one.
      const board = boards.find((b) => b.id === boardId) ?? boards[0]
      if (!board) return
      setStatus(t('catalogueExport.drawingOne', { board: board.title }))
      const picture = await pictures.picture(board.id, kind)
      const blob = kind === 'svg' ? new Blob([picture.svg ?? ''], { type: 'image/svg+xml' }) : (picture.image ?? new Blob())
      saveFile(blob, `${boardSlug(board.title) || 'board'}.${kind}`)
      setStatus(t('catalogueExport.done'))
    })

  return (
    <section className="card console-section" aria-labelledby={ids.heading} data-testid="catalogue-panel">
      <h3 id={ids.heading}>{t('catalogueExport.heading')}</h3>
      <p className="hint">{t('catalogueExport.hint')}</p>
      <fieldset className="export-formats">
        <legend id={ids.format}>{t('catalogueExport.format')}</legend>
        {FORMATS.map((f) => (
          <div key={f} className="checkbox-row">
            <input id={`${ids.format}-${f}`} type="radio" name={ids.format} value={f} checked={format === f} onChange={() => setFormat(f)} data-testid={`export-format-${f}`} />
            <label htmlFor={`${ids.format}-${f}`}>{t(`catalogueExport.formats.${f}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className="checkbox-row">
        <input id={ids.names} type="checkbox" checked={names} onChange={(e) => setNames(e.target.checked)} data-testid="export-names" />
        <label htmlFor={ids.names}>{t('catalogueExport.names')}</label>
      </div>
      <div className="form-actions">
        <ActionButton unavailable={busy} onClick={() => void exportCatalogue()} data-testid="export-catalogue">
          {t('catalogueExport.export')}
        </ActionButton>
      </div>
      {progress !== undefined ? (
        <div className="export-progress">
          <label htmlFor={ids.progress}>{t('catalogueExport.progress')}</label>
          <progress id={ids.progress} max={Math.max(1, progress.total)} value={progress.done} data-testid="export-progress" />
        </div>
      ) : null}
      <p role="status" className="hint" data-testid="export-status">
        {status}
      </p>
      {problem !== undefined ? (
        <p className="form-error" role="alert" data-testid="export-error">
          {problem}
        </p>
      ) : null}
      <h4>{t('catalogueExport.boardHeading')}</h4>
      <div className="export-board-field">
        <label htmlFor={ids.board}>{t('catalogueExport.board')}</label>
        <select id={ids.board} value={boards.some((b) => b.id === boardId) ? boardId : (boards[0]?.id ?? '')} onChange={(e) => setBoardId(e.target.value)} data-testid="export-board">
          {boards.map((b) => (
            <option key={b.id} value={b.id}>
              {b.title}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <ActionButton unavailable={busy || boards.length === 0} onClick={() => void exportBoard('svg')} data-testid="export-board-svg">
          {t('catalogueExport.svg')}
        </ActionButton>
        <ActionButton unavailable={busy || boards.length === 0} onClick={() => void exportBoard('png')} data-testid="export-board-png">
          {t('catalogueExport.png')}
        </ActionButton>
      </div>
      {pictures.element}
    </section>
  )
}
