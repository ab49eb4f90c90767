/** The catalogue as a file of one of the text formats, shared by the HTTP export and the command line. */
import { TEXT_EXPORT_FORMATS, boardSlug, catalogueCsv, catalogueMarkdown, type TextExportFormat } from '@werkraum/shared'
import type { Catalogue } from '@werkraum/shared/schemas'

export function isTextExportFormat(value: string): value is TextExportFormat {
  return (TEXT_EXPORT_FORMATS as readonly string[]).includes(value)
}

export function rendered(catalogue: Catalogue, format: TextExportFormat): { type: string; body: string } {
  switch (format) {
    case 'json':
      return { type: 'application/json; charset=utf-8', body: JSON.stringify(catalogue, null, 2) + '\n' }
    case 'md':
      return { type: 'text/markdown; charset=utf-8', body: catalogueMarkdown(catalogue) }
    case 'csv':
      return { type: 'text/csv; charset=utf-8', body: catalogueCsv(catalogue) }
    default: {
      const unknown: never = format
      throw new Error(`unknown format ${String(unknown)}`)
    }
  }
}

/** A file name from the workshop's title ("Sprint Ölmühle" → "sprint-oelmuehle-catalogue.md"). */
export function exportFileName(title: string, format: string): string {
  return `${boardSlug(title).slice(0, 60).replace(/-+$/, '') || 'workshop'}-catalogue.${format}`
}
