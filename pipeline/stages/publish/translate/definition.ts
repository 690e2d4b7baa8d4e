import type { AnalysisDefinition, GridLayoutElement, Visual } from "../../../aws/quicksight/definition-types";

export interface DeclaredDataSet {
  identifier: string;
  arn: string;
}

/** QuickSight's grid is 36 columns wide: two charts side by side, each 12 rows high. */
const COLUMN_SPAN = 18;
const ROW_SPAN = 12;
export const SHEET_ID = "lakebook-sheet";

/**
 * The Definition both the analysis and the dashboard are built from: every dataset declared once
 * under an identifier the visuals' fields name, one sheet, the visuals two to a row in chart order.
 * (AnalysisDefinition's fields are a superset of a dashboard version's, so one value serves both.)
 */
export function publishDefinition(
  sheetName: string,
  dataSets: DeclaredDataSet[],
  visuals: Visual[],
): AnalysisDefinition {
  const elements: GridLayoutElement[] = visuals.map((visual, index) => ({
    ElementId: visualId(visual),
    ElementType: "VISUAL",
    ColumnIndex: (index % 2) * COLUMN_SPAN,
    ColumnSpan: COLUMN_SPAN,
    RowIndex: Math.floor(index / 2) * ROW_SPAN,
    RowSpan: ROW_SPAN,
  }));
  return {
    DataSetIdentifierDeclarations: dataSets.map((d) => ({ Identifier: d.identifier, DataSetArn: d.arn })),
    Sheets: [
      {
        SheetId: SHEET_ID,
        Name: sheetName,
        Visuals: visuals,
        Layouts: [{ Configuration: { GridLayout: { Elements: elements } } }],
      },
    ],
  };
}

/** Every visual type carries its id in the same field. */
export function visualId(visual: Visual): string {
  for (const value of Object.values(visual)) {
    const id = (value as { VisualId?: string } | undefined)?.VisualId;
    if (id) return id;
  }
  throw new Error("a visual without a VisualId");
}
