#ifndef KARTLAGG_ROW_BATCH_H
#define KARTLAGG_ROW_BATCH_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

/// A batch of rows held in C memory, read by SQLite through the table-valued function `kartlagg_rows(?)` (the batch
/// bound with `kartlagg_bind_row_batch`), whose columns are `c0` … `c15`: a writer adds thousands of rows with one
/// `INSERT INTO t (…) SELECT c0, c1, … FROM kartlagg_rows(?)`, SQLite reading the texts where they lie.
typedef struct KartlaggRowBatch KartlaggRowBatch;

/// The most columns a row can have.
#define KARTLAGG_ROW_BATCH_MAX_COLUMNS 16

/// A new, empty batch of rows of `columns` values each (NULL: out of memory, or too many columns).
KartlaggRowBatch *kartlagg_row_batch_new(int columns);
void kartlagg_row_batch_free(KartlaggRowBatch *batch);
/// Empties the batch, keeping its memory.
void kartlagg_row_batch_clear(KartlaggRowBatch *batch);
/// Whole rows held (values added beyond the last whole row are not counted).
int kartlagg_row_batch_rows(const KartlaggRowBatch *batch);
/// The bytes of text held (a writer flushes by them as well as by rows: a batch of long texts is large long before it
/// is many rows).
size_t kartlagg_row_batch_text_bytes(const KartlaggRowBatch *batch);

/// Adds the next value, row after row; a text is copied. Each returns SQLITE_OK or SQLITE_NOMEM.
int kartlagg_row_batch_add_int64(KartlaggRowBatch *batch, int64_t value);
int kartlagg_row_batch_add_double(KartlaggRowBatch *batch, double value);
int kartlagg_row_batch_add_text(KartlaggRowBatch *batch, const char *text, int length);
int kartlagg_row_batch_add_null(KartlaggRowBatch *batch);

/// Registers `kartlagg_rows` on a connection (an eponymous virtual table).
int kartlagg_register_row_batch(sqlite3 *db);

/// Binds `batch` to parameter `index` of `statement` (SQLite's pointer passing: nothing else can read it).
int kartlagg_bind_row_batch(sqlite3_stmt *statement, int index, KartlaggRowBatch *batch);

#endif
