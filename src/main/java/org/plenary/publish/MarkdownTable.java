package org.plenary.publish;

import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * A Markdown table as every output sets it: its rows (the delimiter row left out), how many of them
 * are header rows (repeated on every page), and its widest row's number of cells.
 */
record MarkdownTable(List<TableRow> rows, int headerRows, int columns) {

  static MarkdownTable of(TableBlock table) {
    List<TableRow> rows = new ArrayList<>();
    int headerRows = 0;
    for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
      if (part instanceof TableSeparator) {
        continue;
      }
      for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
        if (row instanceof TableRow r) {
          rows.add(r);
          if (part instanceof TableHead) {
            headerRows++;
          }
        }
      }
    }
    int columns = 1;
    for (TableRow r : rows) {
      columns = Math.max(columns, cells(r).size());
    }
    return new MarkdownTable(rows, headerRows, columns);
  }

  static List<TableCell> cells(TableRow row) {
    List<TableCell> cells = new ArrayList<>();
    for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof TableCell cell) {
        cells.add(cell);
      }
    }
    return cells;
  }
}
