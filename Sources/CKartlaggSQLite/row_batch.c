#include "row_batch.h"

#include <stdlib.h>
#include <string.h>

enum { VALUE_NULL, VALUE_INT64, VALUE_DOUBLE, VALUE_TEXT };

typedef struct {
    int type;
    /// A text's length.
    int length;
    union {
        int64_t integer;
        double real;
        /// A text's offset in the batch's bytes (offsets, not pointers: the buffer moves as it grows).
        size_t offset;
    } value;
} Cell;

struct KartlaggRowBatch {
    int columns;
    Cell *cells;
    size_t count;
    size_t capacity;
    char *bytes;
    size_t used;
    size_t size;
};

static const char *const pointer_type = "kartlagg_row_batch";

KartlaggRowBatch *kartlagg_row_batch_new(int columns) {
    if (columns < 1 || columns > KARTLAGG_ROW_BATCH_MAX_COLUMNS) return NULL;
    KartlaggRowBatch *batch = calloc(1, sizeof(KartlaggRowBatch));
    if (batch != NULL) batch->columns = columns;
    return batch;
}

void kartlagg_row_batch_free(KartlaggRowBatch *batch) {
    if (batch == NULL) return;
    free(batch->cells);
    free(batch->bytes);
    free(batch);
}

void kartlagg_row_batch_clear(KartlaggRowBatch *batch) {
    batch->count = 0;
    batch->used = 0;
}

int kartlagg_row_batch_rows(const KartlaggRowBatch *batch) { return (int)(batch->count / (size_t)batch->columns); }

size_t kartlagg_row_batch_text_bytes(const KartlaggRowBatch *batch) { return batch->used; }

static Cell *next_cell(KartlaggRowBatch *batch) {
    if (batch->count == batch->capacity) {
        size_t capacity = batch->capacity ? batch->capacity * 2 : 4096;
        Cell *cells = realloc(batch->cells, sizeof(Cell) * capacity);
        if (cells == NULL) return NULL;
        batch->cells = cells;
        batch->capacity = capacity;
    }
    return &batch->cells[batch->count++];
}

/// Adds a number or NULL (`type`), its value in `integer` or `real`.
static int add_value(KartlaggRowBatch *batch, int type, int64_t integer, double real) {
    Cell *cell = next_cell(batch);
    if (cell == NULL) return SQLITE_NOMEM;
    cell->type = type;
    if (type == VALUE_INT64) cell->value.integer = integer;
    if (type == VALUE_DOUBLE) cell->value.real = real;
    return SQLITE_OK;
}

int kartlagg_row_batch_add_int64(KartlaggRowBatch *batch, int64_t value) { return add_value(batch, VALUE_INT64, value, 0); }

int kartlagg_row_batch_add_double(KartlaggRowBatch *batch, double value) { return add_value(batch, VALUE_DOUBLE, 0, value); }

int kartlagg_row_batch_add_null(KartlaggRowBatch *batch) { return add_value(batch, VALUE_NULL, 0, 0); }

int kartlagg_row_batch_add_text(KartlaggRowBatch *batch, const char *text, int length) {
    if (length < 0) return SQLITE_MISUSE;
    if (batch->used + (size_t)length > batch->size) {
        size_t size = batch->size ? batch->size : 65536;
        while (size < batch->used + (size_t)length) size *= 2;
        char *bytes = realloc(batch->bytes, size);
        if (bytes == NULL) return SQLITE_NOMEM;
        batch->bytes = bytes;
        batch->size = size;
    }
    Cell *cell = next_cell(batch);
    if (cell == NULL) return SQLITE_NOMEM;
    cell->type = VALUE_TEXT;
    cell->length = length;
    cell->value.offset = batch->used;
    if (length > 0) memcpy(batch->bytes + batch->used, text, (size_t)length);
    batch->used += (size_t)length;
    return SQLITE_OK;
}

// MARK: - The virtual table

typedef struct {
    sqlite3_vtab_cursor base;
    const KartlaggRowBatch *batch;
    int row;
} BatchCursor;

static int batch_connect(sqlite3 *db, void *aux, int argc, const char *const *argv, sqlite3_vtab **table, char **error) {
    (void)aux; (void)argc; (void)argv; (void)error;
    int rc = sqlite3_declare_vtab(
        db, "CREATE TABLE x(c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, batch HIDDEN)");
    if (rc != SQLITE_OK) return rc;
    *table = sqlite3_malloc(sizeof(sqlite3_vtab));
    if (*table == NULL) return SQLITE_NOMEM;
    memset(*table, 0, sizeof(sqlite3_vtab));
    return SQLITE_OK;
}

static int batch_disconnect(sqlite3_vtab *table) {
    sqlite3_free(table);
    return SQLITE_OK;
}

/// The only plan: the batch given as the hidden argument, its rows in the order they were added.
static int batch_best_index(sqlite3_vtab *table, sqlite3_index_info *info) {
    (void)table;
    for (int i = 0; i < info->nConstraint; i++) {
        const struct sqlite3_index_constraint *constraint = &info->aConstraint[i];
        if (constraint->iColumn == KARTLAGG_ROW_BATCH_MAX_COLUMNS && constraint->op == SQLITE_INDEX_CONSTRAINT_EQ) {
            if (!constraint->usable) return SQLITE_CONSTRAINT;
            info->aConstraintUsage[i].argvIndex = 1;
            info->aConstraintUsage[i].omit = 1;
            info->estimatedCost = 1000;
            info->estimatedRows = 1000;
            return SQLITE_OK;
        }
    }
    return SQLITE_CONSTRAINT;
}

static int batch_open(sqlite3_vtab *table, sqlite3_vtab_cursor **cursor) {
    (void)table;
    BatchCursor *opened = sqlite3_malloc(sizeof(BatchCursor));
    if (opened == NULL) return SQLITE_NOMEM;
    memset(opened, 0, sizeof(BatchCursor));
    *cursor = &opened->base;
    return SQLITE_OK;
}

static int batch_close(sqlite3_vtab_cursor *cursor) {
    sqlite3_free(cursor);
    return SQLITE_OK;
}

static int batch_filter(sqlite3_vtab_cursor *cursor, int plan, const char *plan_name, int argc, sqlite3_value **argv) {
    (void)plan; (void)plan_name;
    BatchCursor *batch_cursor = (BatchCursor *)cursor;
    batch_cursor->batch = argc > 0 ? sqlite3_value_pointer(argv[0], pointer_type) : NULL;
    batch_cursor->row = 0;
    return SQLITE_OK;
}

static int batch_next(sqlite3_vtab_cursor *cursor) {
    ((BatchCursor *)cursor)->row += 1;
    return SQLITE_OK;
}

static int batch_eof(sqlite3_vtab_cursor *cursor) {
    const BatchCursor *batch_cursor = (const BatchCursor *)cursor;
    return batch_cursor->batch == NULL || batch_cursor->row >= kartlagg_row_batch_rows(batch_cursor->batch);
}

static int batch_column(sqlite3_vtab_cursor *cursor, sqlite3_context *context, int column) {
    const BatchCursor *batch_cursor = (const BatchCursor *)cursor;
    const KartlaggRowBatch *batch = batch_cursor->batch;
    if (column >= batch->columns) {
        sqlite3_result_null(context);
        return SQLITE_OK;
    }
    const Cell *cell = &batch->cells[(size_t)batch_cursor->row * (size_t)batch->columns + (size_t)column];
    switch (cell->type) {
    case VALUE_INT64: sqlite3_result_int64(context, cell->value.integer); break;
    case VALUE_DOUBLE: sqlite3_result_double(context, cell->value.real); break;
    case VALUE_TEXT:
        // An empty text is text, not NULL: a non-NULL pointer with length 0.
        sqlite3_result_text(context, cell->length ? batch->bytes + cell->value.offset : "", cell->length, SQLITE_STATIC);
        break;
    default: sqlite3_result_null(context); break;
    }
    return SQLITE_OK;
}

static int batch_rowid(sqlite3_vtab_cursor *cursor, sqlite_int64 *rowid) {
    *rowid = ((const BatchCursor *)cursor)->row + 1;
    return SQLITE_OK;
}

// No xCreate: the table is eponymous only (used as `kartlagg_rows(?)`, never created).
static sqlite3_module batch_module = {
    .iVersion = 0,
    .xConnect = batch_connect,
    .xBestIndex = batch_best_index,
    .xDisconnect = batch_disconnect,
    .xOpen = batch_open,
    .xClose = batch_close,
    .xFilter = batch_filter,
    .xNext = batch_next,
    .xEof = batch_eof,
    .xColumn = batch_column,
    .xRowid = batch_rowid,
};

int kartlagg_register_row_batch(sqlite3 *db) {
    return sqlite3_create_module(db, "kartlagg_rows", &batch_module, NULL);
}

int kartlagg_bind_row_batch(sqlite3_stmt *statement, int index, KartlaggRowBatch *batch) {
    return sqlite3_bind_pointer(statement, index, batch, pointer_type, NULL);
}
