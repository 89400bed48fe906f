package org.covenantvoices.record;

/**
 * One thing wrong with an import file.
 *
 * @param line the line in the file where the row starts (the header is line 1); a quoted newline makes a row span
 * several lines
 * @param row the row as a spreadsheet numbers it (the header is row 1)
 * @param column the column's name, or null for a problem with the whole row or file
 */
public record ImportProblem(int line, int row, String column, String reason) {
}
