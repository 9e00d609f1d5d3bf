import { type RGB } from 'pdf-lib';
import { LEFT, RIGHT, CONTENT_WIDTH, type TextStyle, type Styles, Pen, type TextRun, runs, runsHeight, drawRuns } from './pen';
import { Sheet } from './sheet';

/** Tables whose header row repeats on every page and whose cells wrap. */
export interface Column {
  header: string;
  /** Points; 0 for the one column that takes the rest of the width. */
  width: number;
  align: 'left' | 'right';
  /** Wrapped onto several lines (descriptions); other columns keep one line and shrink to fit. */
  wrap?: boolean;
}

export interface Row {
  cells: string[];
  /** Per row; a cell may override it. */
  style?: TextStyle;
  cellStyles?: (TextStyle | undefined)[];
  /** A rule above the row in this colour (closing rows). */
  ruleAbove?: RGB;
}

const CELL_PADDING_X = 4;

const CELL_PADDING_Y = 3.5;

/** The longest a wrapped cell gets; the rest is cut with '…' (descriptions are at most 500 characters). */
const MAX_CELL_LINES = 30;

interface PlacedColumn extends Column {
  x: number;
  inner: number;
}

const placeColumns = (columns: Column[]): PlacedColumn[] => {
  const fixed = columns.reduce((sum, column) => sum + column.width, 0);
  let x = LEFT;
  return columns.map((column) => {
    const width = column.width > 0 ? column.width : Math.max(40, CONTENT_WIDTH - fixed);
    const placed = { ...column, width, x, inner: width - 2 * CELL_PADDING_X };
    x += width;
    return placed;
  });
};

const cellText = (pen: Pen, column: PlacedColumn, text: string, style: TextStyle): TextRun[] =>
  column.wrap ? runs(pen.lines(text, style, column.inner, MAX_CELL_LINES), style) : [pen.fit(text, style, column.inner)];

const rowHeight = (cells: TextRun[][]) => Math.max(...cells.map(runsHeight)) + 2 * CELL_PADDING_Y;

const drawRow = (sheet: Sheet, columns: PlacedColumn[], cells: TextRun[][]) => {
  const height = rowHeight(cells);
  cells.forEach((lines, index) => {
    const column = columns[index]!;
    const x = column.align === 'right' ? column.x + column.width - CELL_PADDING_X : column.x + CELL_PADDING_X;
    drawRuns(sheet.page, sheet.pen, lines, x, sheet.y - CELL_PADDING_Y, column.align);
  });
  sheet.gap(height);
};

/**
 * A table across as many pages as it needs: the header row opens it and is repeated at the top of
 * every further page, and a row is never split between pages.
 */
export const writeTable = (sheet: Sheet, styles: Styles, brand: RGB, columns: Column[], rows: Row[]) => {
  const placed = placeColumns(columns);
  const header = placed.map((column) => [sheet.pen.fit(column.header, styles.tableHeader, column.inner)]);
  const headerHeight = rowHeight(header);
  const writeHeader = () => {
    drawRow(sheet, placed, header);
    sheet.rule(LEFT, RIGHT, brand, 0.8);
  };
  const bodies = rows.map((row) =>
    placed.map((column, index) => cellText(sheet.pen, column, row.cells[index] ?? '', row.cellStyles?.[index] ?? row.style ?? styles.cell)),
  );
  sheet.ensure(headerHeight + (bodies[0] ? rowHeight(bodies[0]) : 0));
  writeHeader();
  bodies.forEach((cells, index) => {
    if (!sheet.fits(rowHeight(cells))) {
      sheet.newPage();
      writeHeader();
    } else if (index > 0) {
      sheet.rule();
    }
    const ruleAbove = rows[index]!.ruleAbove;
    if (ruleAbove) sheet.rule(LEFT, RIGHT, ruleAbove, 0.8);
    drawRow(sheet, placed, cells);
  });
};
